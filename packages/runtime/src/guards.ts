/**
 * The guards generated accessors call on the rows they read (at most two: `LIMIT 2`, `take: 2`).
 * Nothing in SQL asserts "this query returns at most one row"; these do.
 */
import { OneToOneNotFoundError, OneToOneViolationError } from './errors';
import type { OneToOneRead } from './errors';

/** The single row, or null for none; a second row throws `OneToOneViolationError`. */
export function atMostOne<T>(rows: readonly T[], read: OneToOneRead): T | null {
  if (rows.length > 1) throw new OneToOneViolationError(read, rows.length);
  return rows[0] ?? null;
}

/** The single row; none throws `OneToOneNotFoundError`, a second `OneToOneViolationError`. */
export function exactlyOne<T>(rows: readonly T[], read: OneToOneRead): T {
  if (rows.length > 1) throw new OneToOneViolationError(read, rows.length);
  if (rows.length === 0) throw new OneToOneNotFoundError(read);
  return rows[0] as T;
}
