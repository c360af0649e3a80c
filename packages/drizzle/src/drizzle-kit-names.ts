/**
 * The names drizzle-kit 1.0 gives a foreign key or composite primary key the schema leaves
 * unnamed, per dialect. Pure.
 *
 * drizzle-kit 0.x writes drizzle-orm's own `getName()` (`<table>_<columns>_<table>_<columns>_fk`,
 * `<table>_<columns>_pk`); drizzle-kit 1.0 ignores it for an unnamed key and writes its own:
 * PostgreSQL and MySQL `<table>_<columns>_<table>_<columns>_fkey` (shortened with a hash past 63
 * characters) and `<table>_pkey`, SQLite `fk_<table>_<columns>_<table>_<columns>_fk` and
 * `<table>_pk`. A v1 schema's key objects say whether their name is explicit (`isNameExplicit`),
 * which 0.x ones do not: that tells the two apart object by object.
 */
import type { Dialect } from '@oto/core';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** drizzle-kit 1.0's short hash of a long name: a polynomial over its code points, in 12 base-62 digits. */
export function kitHash(input: string, length = 12): string {
  const base = BigInt(DIGITS.length);
  const modulus = base ** BigInt(length);
  let hash = 0n;
  let power = 1n;
  for (const ch of input) {
    hash = (hash + BigInt(ch.codePointAt(0) ?? 0) * power) % modulus;
    power = (power * 53n) % modulus;
  }
  let out = '';
  for (let i = 0; i < length; i++, hash /= base) out = DIGITS[Number(hash % base)]! + out;
  return out;
}

export interface KeyColumns {
  readonly table: string;
  readonly columns: readonly string[];
  readonly tableTo: string;
  readonly columnsTo: readonly string[];
}

/** The name drizzle-kit 1.0 writes for an unnamed foreign key. */
export function kitForeignKeyName(dialect: Dialect, fk: KeyColumns): string {
  const joined = `${fk.table}_${fk.columns.join('_')}_${fk.tableTo}_${fk.columnsTo.join('_')}`;
  if (dialect === 'sqlite') return `fk_${joined}_fk`;
  const desired = `${joined}_fkey`;
  if (desired.length <= 63) return desired;
  return fk.table.length < 45 ? `${fk.table}_${kitHash(desired)}_fkey` : `${kitHash(desired)}_fkey`;
}

/** The name drizzle-kit 1.0 writes for an unnamed composite primary key (MySQL's is always PRIMARY). */
export function kitPrimaryKeyName(dialect: Dialect, table: string): string {
  if (dialect === 'mysql') return 'PRIMARY';
  return dialect === 'sqlite' ? `${table}_pk` : `${table}_pkey`;
}
