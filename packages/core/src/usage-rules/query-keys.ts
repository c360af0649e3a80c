/** What the usage rules share: which columns of a query are unique, which one-to-ones lack their key. */
import type { AnalyzedDatabase, AnalyzedModel, AnalyzedRelation } from '../analysis';
import { findBackingKey, findFilterKey } from '../analysis';
import { columnsLabel } from '../model';
import type { ColumnRef, Query, QueryJoin } from '../usage/query';
import { findTable } from '../usage/relation-field';

/** The schema finding a one-to-one without a backing key depends on, or undefined when it is backed. */
export function unbackedBy(r: AnalyzedRelation, database: AnalyzedDatabase | undefined): 'one-to-one-unique' | 'database-unique-missing' | undefined {
  const fk = r.relation.foreignKey;
  if (r.kind !== 'one-to-one' || !fk || !r.dependent) return undefined;
  // A filtered one-to-one (Drizzle v1's `one({ where })`) is backed by the partial unique its filter matches.
  const filter = r.relation.filter?.sql;
  const byFilter = r.backing === null && filter !== undefined && r.filterKey !== undefined;
  if (r.backing === null && !byFilter) return 'one-to-one-unique';
  const there = database?.relations.get(r.relation);
  if (!there?.table || there.backing !== null) return undefined;
  if (byFilter && findFilterKey(there.table, fk.columns, filter)) return undefined;
  return 'database-unique-missing';
}

/**
 * The key a finding names as not unique: the foreign key, and for a filtered one-to-one without a
 * total unique the predicate too (`subscription(user_id) WHERE "cancelled_at" IS NULL`), as the
 * one-to-one-unique and database-unique-missing findings it points at name it.
 */
export function unbackedKeyLabel(r: AnalyzedRelation): string {
  const { relation } = r;
  const fk = columnsLabel(relation.dependent.table, relation.foreignKey?.columns ?? []);
  const where = relation.filter?.sql;
  return r.backing === null && where !== undefined ? `${fk} WHERE ${where}` : fk;
}

const onTable = (c: ColumnRef, table: string, schema: string | undefined) =>
  c.table === table && (c.schema ?? undefined) === (schema ?? undefined);

/** The filter's equality columns on the query's own table. */
export function filterColumns(q: Query): string[] {
  return [...new Set((q.filter?.equalities ?? []).filter((c) => onTable(c, q.table, q.schema)).map((c) => c.column))];
}

/**
 * The columns of a joined table that pin its rows: the ON's column pairs, and what the ON and the
 * WHERE fix to a value on it. The join multiplies rows only when these are no unique key.
 */
export function joinedKeyColumns(q: Query, j: QueryJoin): string[] {
  const fixed = [...(j.equalities ?? []), ...(q.filter?.equalities ?? [])].filter((c) => onTable(c, j.table, j.schema)).map((c) => c.column);
  return [...new Set([...j.on.map((p) => p.right.column), ...fixed])];
}

/** The columns are unique on the table: the primary key or a total unique has all its columns among them. */
export function isUnique(model: AnalyzedModel, table: string, schema: string | undefined, columns: readonly string[]): boolean | undefined {
  const t = findTable(model, table, schema);
  if (!t) return undefined;
  return findBackingKey(t, columns) !== null;
}

/**
 * One-to-ones lacking their key whose foreign key (on the query's table) the filter fixes by
 * equality, the filter's columns no unique key where the key is missing (the schema, or the
 * database when only the database lacks it).
 */
export function unbackedKeysFiltered(model: AnalyzedModel, database: AnalyzedDatabase | undefined, q: Query) {
  const columns = filterColumns(q);
  if (columns.length === 0) return [];
  return model.relations.flatMap((r) => {
    const by = unbackedBy(r, database);
    const fk = r.relation.foreignKey;
    const { dependent } = r.relation;
    if (!by || !fk || dependent.table !== q.table || (dependent.schema ?? undefined) !== (q.schema ?? undefined)) return [];
    if (!fk.columns.every((c) => columns.includes(c))) return [];
    const table = by === 'database-unique-missing' ? database?.relations.get(r.relation)?.table : findTable(model, q.table, q.schema);
    return table && findBackingKey(table, columns) === null ? [{ relation: r, by }] : [];
  });
}

/** A single-row read: the query's result is used as one row. */
export const isSingleRowRead = (q: Query) => q.kind === 'select' && q.consumption !== 'many';

export function codeTarget(q: Query, location = q.location) {
  return { location, table: q.table, ...(q.schema ? { schema: q.schema } : {}) };
}
