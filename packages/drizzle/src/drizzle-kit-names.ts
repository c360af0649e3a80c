/**
 * The names drizzle-kit 1.0 gives the keys a schema leaves unnamed, per dialect, as the database
 * then keeps them. Pure.
 *
 * drizzle-kit 0.x writes drizzle-orm's own `getName()` (`<table>_<columns>_<table>_<columns>_fk`,
 * `<table>_<columns>_pk`); drizzle-kit 1.0 ignores it for an unnamed key and writes its own:
 * PostgreSQL and MySQL `<table>_<columns>_<table>_<columns>_fkey` (shortened with a hash past 63
 * characters) and `<table>_pkey`, SQLite `fk_<table>_<columns>_<table>_<columns>_fk` and
 * `<table>_pk`. A v1 schema's key objects say whether their name is explicit (`isNameExplicit`),
 * which 0.x ones do not: that tells the two apart object by object.
 *
 * Uniques (drizzle-kit 1.0.0-rc.5's `generate`, replayed): a column's unnamed `.unique()` is
 * `<table>_<column>_key` on PostgreSQL (written as a bare `UNIQUE`, so PostgreSQL names it, and
 * past 63 bytes shortens it its own way), `<column>_unique` on MySQL and `<table>_<column>_unique`
 * on SQLite; an unnamed `unique().on(…)` is drizzle-orm's `<table>_<columns>_unique` on PostgreSQL
 * and SQLite, `<columns>_unique` on MySQL; an unnamed `uniqueIndex().on(…)` `<table>_<columns>_index`
 * on PostgreSQL (drizzle-kit 1.0 refuses one on MySQL and names it `null` on SQLite). PostgreSQL
 * cuts a name drizzle-kit writes past 63 bytes to 63: the model names what the database holds.
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
  return dialect === 'sqlite' ? `${table}_pk` : pgIdentifier(`${table}_pkey`);
}

/** PostgreSQL's longest identifier, in bytes: a longer one is cut (at a character's end). */
const PG_NAME_BYTES = 63;

/** The longest beginning of `text` of at most `bytes` UTF-8 bytes. */
function clipBytes(text: string, bytes: number): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch, 'utf8') > bytes) break;
    out += ch;
  }
  return out;
}

/** A name as PostgreSQL keeps it when it is written out: cut to 63 bytes. */
export function pgIdentifier(name: string): string {
  return clipBytes(name, PG_NAME_BYTES);
}

/**
 * The name PostgreSQL chooses for a key it names itself (its `makeObjectName`): `<name1>_<name2>_<label>`,
 * the longer of the two names shortened a byte at a time until it fits 63 bytes.
 */
export function pgObjectName(name1: string, name2: string | undefined, label: string): string {
  let chars1 = Buffer.byteLength(name1, 'utf8');
  let chars2 = name2 === undefined ? 0 : Buffer.byteLength(name2, 'utf8');
  const available = PG_NAME_BYTES - (name2 === undefined ? 0 : 1) - (label.length + 1);
  while (chars1 + chars2 > available) {
    if (chars1 > chars2) chars1--;
    else chars2--;
  }
  const head = clipBytes(name1, chars1);
  return name2 === undefined ? `${head}_${label}` : `${head}_${clipBytes(name2, chars2)}_${label}`;
}

/** The name of a column's `.unique()` that drizzle-orm 1.0 leaves unnamed, as drizzle-kit 1.0 writes it. */
export function kitColumnUniqueName(dialect: Dialect, table: string, column: string): string {
  if (dialect === 'mysql') return `${column}_unique`;
  if (dialect === 'sqlite') return `${table}_${column}_unique`;
  // A bare UNIQUE: PostgreSQL names it, `<table>_<column>_key` as drizzle-kit's snapshot says up to 63 bytes.
  return pgObjectName(table, column, 'key');
}

/** The name of an unnamed `unique().on(…)` (drizzle-orm's own name `ormName`, not explicit) as drizzle-kit 1.0 writes it. */
export function kitUniqueName(dialect: Dialect, columns: readonly string[], ormName: string): string {
  if (dialect === 'mysql') return `${columns.join('_')}_unique`;
  return dialect === 'postgresql' ? pgIdentifier(ormName) : ormName;
}

/** The name of an unnamed `uniqueIndex().on(…)` over plain columns as drizzle-kit writes it; undefined where it writes none. */
export function kitIndexName(dialect: Dialect, table: string, columns: readonly string[]): string | undefined {
  return dialect === 'postgresql' ? pgIdentifier(`${table}_${columns.join('_')}_index`) : undefined;
}
