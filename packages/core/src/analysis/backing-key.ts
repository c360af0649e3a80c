import type { Origin, PrimaryKey, Table, UniqueKey } from '../model';

/** A key that makes a set of columns unique: the primary key, or a non-partial unique. */
export interface BackingKey {
  readonly kind: 'primary-key' | 'unique';
  readonly name?: string;
  readonly columns: readonly string[];
  readonly implicit?: boolean;
  /** A unique index rather than a UNIQUE constraint. */
  readonly index?: boolean;
  /** Where the unique is declared in the schema source. */
  readonly origin?: Origin;
}

/** Every column of `key` is among `columns` (order does not matter; a subset is stronger). */
export function coversKey(columns: readonly string[], key: readonly string[]): boolean {
  return key.length > 0 && key.every((c) => columns.includes(c));
}

function fromPrimaryKey(pk: PrimaryKey): BackingKey {
  return { kind: 'primary-key', ...(pk.name ? { name: pk.name } : {}), columns: pk.columns };
}

function fromUnique(unique: UniqueKey): BackingKey {
  return {
    kind: 'unique',
    ...(unique.name ? { name: unique.name } : {}),
    columns: unique.columns,
    ...(unique.implicit ? { implicit: true } : {}),
    ...(unique.kind === 'index' ? { index: true } : {}),
    ...(unique.origin ? { origin: unique.origin } : {}),
  };
}

/**
 * The key that makes `columns` unique in `table`: the primary key first, then the explicit
 * uniques, then the implicit ones; the narrowest of each. A partial unique or an expression index
 * never backs: it does not make every row's columns unique.
 */
export function findBackingKey(table: Table, columns: readonly string[]): BackingKey | null {
  if (table.primaryKey && coversKey(columns, table.primaryKey.columns)) return fromPrimaryKey(table.primaryKey);
  const candidates = table.uniques
    .filter((u) => u.where === undefined && !u.expression && coversKey(columns, u.columns))
    .sort((a, b) => Number(a.implicit ?? false) - Number(b.implicit ?? false) || a.columns.length - b.columns.length);
  const best = candidates[0];
  return best ? fromUnique(best) : null;
}

/** Partial uniques over the columns: they make a conditional one-to-one. */
export function findConditionalKeys(table: Table, columns: readonly string[]): readonly UniqueKey[] {
  return table.uniques.filter((u) => u.where !== undefined && !u.expression && coversKey(columns, u.columns));
}

/** A predicate's AND-ed conditions, compared without quotes, table qualifiers, parentheses or case. */
function conjuncts(predicate: string): string {
  return predicate
    .replace(/["`\[\]]/g, '')
    .replace(/\b\w+\.(?=\w)/g, '')
    .replace(/[()]/g, ' ')
    .toLowerCase()
    .split(/\s+and\s+/)
    .map((c) => c.replace(/\s+/g, ' ').replace(/\s*(<>|!=|=)\s*/g, ' $1 ').replace('!=', '<>').trim())
    .filter((c) => c.length > 0)
    .sort()
    .join(' and ');
}

/** The partial unique over the columns whose predicate is the filter's: it backs a filtered relation. */
export function findFilterKey(table: Table, columns: readonly string[], predicate: string): UniqueKey | undefined {
  const wanted = conjuncts(predicate);
  return findConditionalKeys(table, columns).find((u) => u.where !== undefined && conjuncts(u.where) === wanted);
}
