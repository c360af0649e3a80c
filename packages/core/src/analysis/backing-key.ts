import type { Origin, PrimaryKey, Table, UniqueKey } from '../model';
import { samePredicate } from './predicate';

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

/** Whether a column of the table holds text, from its type as the schema or the database names it. */
function textColumn(table: Table): (name: string) => boolean | undefined {
  return (name) => {
    const type = table.columns.find((c) => c.name === name)?.type;
    if (type === undefined) return undefined;
    return /^(text|varchar|character varying|char|character|bpchar|name|string|nvarchar|nchar|tinytext|mediumtext|longtext)\b|^(Pg|SQLite|MySql|SingleStore)(Text|Varchar|VarChar|Char)$/i.test(type.trim());
  };
}

/**
 * The partial unique over the columns whose predicate is the filter's: it backs a filtered relation.
 * Predicates are compared by meaning (predicate.ts), so the database's printed form matches.
 */
export function findFilterKey(table: Table, columns: readonly string[], predicate: string): UniqueKey | undefined {
  const context = { textColumn: textColumn(table) };
  return findConditionalKeys(table, columns).find((u) => u.where !== undefined && samePredicate(u.where, predicate, context));
}
