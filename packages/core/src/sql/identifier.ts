import { createHash } from 'node:crypto';

/** The longest identifier each database keeps: PostgreSQL 63 bytes (it cuts longer ones silently), MySQL 64 characters. */
const LIMITS: Readonly<Record<string, { readonly max: number; readonly unit: 'bytes' | 'chars' }>> = {
  postgresql: { max: 63, unit: 'bytes' },
  cockroachdb: { max: 63, unit: 'bytes' },
  mysql: { max: 64, unit: 'chars' },
};

function size(text: string, unit: 'bytes' | 'chars'): number {
  return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : [...text].length;
}

/**
 * A name the database keeps as written: a longer one is cut to the limit and ends with `_` and six
 * characters of its hash, so two long names that share a beginning stay apart and the same name
 * always gives the same identifier.
 */
export function fitIdentifier(name: string, dialect: string): string {
  const limit = LIMITS[dialect];
  if (!limit || size(name, limit.unit) <= limit.max) return name;
  const suffix = `_${createHash('sha256').update(name).digest('hex').slice(0, 6)}`;
  let head = '';
  for (const char of name) {
    if (size(head + char + suffix, limit.unit) > limit.max) break;
    head += char;
  }
  return head + suffix;
}

/**
 * The name the database keeps for `name` written as it is: PostgreSQL cuts a name past 63 bytes
 * to its first 63 (at a character boundary), silently; MySQL refuses one past 64 characters, so
 * it keeps every name it accepts whole.
 */
export function keptIdentifier(name: string, dialect: string): string {
  const limit = LIMITS[dialect];
  if (!limit || limit.unit !== 'bytes' || size(name, 'bytes') <= limit.max) return name;
  let kept = '';
  for (const char of name) {
    if (size(kept + char, 'bytes') > limit.max) break;
    kept += char;
  }
  return kept;
}
