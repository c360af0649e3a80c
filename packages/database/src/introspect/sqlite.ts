/**
 * SQLite through its table-valued PRAGMA functions joined with sqlite_master: three queries,
 * whatever the number of tables (not one PRAGMA per table).
 */
import type { SqlClient } from '../clients/sql-client';
import { actionFromWords } from './catalog';
import type { Catalog, ForeignKeyRow, KeyRow } from './catalog';
import { groupBy, truthy } from './group-rows';

const TABLES = `m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`;

const COLUMNS = `
SELECT m.name AS "table", p.name AS "column", p.type AS "type", p."notnull" AS not_null, p.pk AS pk
FROM sqlite_master m JOIN pragma_table_info(m.name) p
WHERE ${TABLES}
ORDER BY m.name, p.cid`;

const UNIQUE_INDEXES = `
SELECT m.name AS "table", il.name AS name, il.origin AS origin, il.partial AS partial, ii.name AS "column", ii.cid AS cid, im.sql AS sql
FROM sqlite_master m
JOIN pragma_index_list(m.name) il
JOIN pragma_index_info(il.name) ii
LEFT JOIN sqlite_master im ON im.type = 'index' AND im.name = il.name
WHERE ${TABLES} AND il."unique" = 1 AND il.origin <> 'pk'
ORDER BY m.name, il.name, ii.seqno`;

const FOREIGN_KEYS = `
SELECT m.name AS "table", f.id AS id, f."table" AS ref_table, f."from" AS "column", f."to" AS ref_column, f.on_delete AS on_delete, f.on_update AS on_update
FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
WHERE ${TABLES}
ORDER BY m.name, f.id, f.seq`;

/**
 * The WHERE of `CREATE UNIQUE INDEX … WHERE predicate`: the first WHERE outside quotes, brackets
 * and comments (an index, table or column may be named `[x where y]`: its WHERE is no clause).
 */
export function indexPredicate(sql: string | null): string | null {
  if (!sql) return null;
  const closers: Readonly<Record<string, string>> = { "'": "'", '"': '"', '`': '`', '[': ']' };
  for (let i = 0; i < sql.length; ) {
    const c = sql[i]!;
    const closer = closers[c];
    if (closer) {
      // A doubled quote inside stays inside ('it''s', "a""b"); a bracket has no escape.
      let end = sql.indexOf(closer, i + 1);
      while (end >= 0 && closer !== ']' && sql[end + 1] === closer) end = sql.indexOf(closer, end + 2);
      if (end < 0) return null;
      i = end + 1;
    } else if (sql.startsWith('--', i)) i = sql.includes('\n', i) ? sql.indexOf('\n', i) : sql.length;
    else if (sql.startsWith('/*', i)) i = sql.includes('*/', i + 2) ? sql.indexOf('*/', i + 2) + 2 : sql.length;
    else if (/^where\b/i.test(sql.slice(i, i + 6)) && !/[\w$]/.test(sql[i - 1] ?? '')) return sql.slice(i + 5).trim().replace(/;$/, '') || null;
    else i += /[\w$]/.test(c) ? (/^[\w$]+/.exec(sql.slice(i))?.[0].length ?? 1) : 1;
  }
  return null;
}

export async function readSqliteCatalog(client: SqlClient): Promise<Catalog> {
  const [columns, indexes, fks] = [
    await client.query<{ table: string; column: string; type: string; not_null: number; pk: number }>(COLUMNS),
    await client.query<{ table: string; name: string; origin: string; partial: number; column: string | null; cid: number; sql: string | null }>(UNIQUE_INDEXES),
    await client.query<{ table: string; id: number; ref_table: string; column: string; ref_column: string | null; on_delete: string; on_update: string }>(FOREIGN_KEYS),
  ];
  const primaryKeys = [...groupBy(columns.filter((c) => c.pk > 0), (c) => c.table).values()].map((rows): KeyRow => ({
    schema: null,
    table: rows[0]!.table,
    name: null,
    kind: 'primary-key',
    columns: [...rows].sort((a, b) => a.pk - b.pk).map((r) => r.column),
  }));
  const uniques = [...groupBy(indexes, (i) => `${i.table}\0${i.name}`).values()].map((rows): KeyRow => {
    const first = rows[0]!;
    // A UNIQUE constraint's index has an internal name (sqlite_autoindex_…): the constraint is unnamed here.
    const constraint = first.origin === 'u';
    const expression = rows.some((r) => r.cid < 0);
    return {
      schema: null,
      table: first.table,
      name: constraint ? null : first.name,
      kind: constraint ? 'unique-constraint' : 'unique-index',
      columns: rows.flatMap((r) => (r.cid < 0 || r.column === null ? [] : [r.column])),
      ...(truthy(first.partial) ? { where: indexPredicate(first.sql) } : {}),
      ...(expression ? { expression } : {}),
    };
  });
  const pkOf = new Map(primaryKeys.map((k) => [k.table, k.columns] as const));
  const foreignKeys = [...groupBy(fks, (f) => `${f.table}\0${f.id}`).values()].map((rows): ForeignKeyRow => {
    const first = rows[0]!;
    const onDelete = actionFromWords(first.on_delete);
    const onUpdate = actionFromWords(first.on_update);
    // `REFERENCES t` without columns references t's primary key.
    const referenced = rows.every((r) => r.ref_column !== null) ? rows.map((r) => r.ref_column!) : [...(pkOf.get(first.ref_table) ?? [])];
    return {
      schema: null,
      table: first.table,
      name: null,
      columns: rows.map((r) => r.column),
      referencedSchema: null,
      referencedTable: first.ref_table,
      referencedColumns: referenced,
      ...(onDelete ? { onDelete } : {}),
      ...(onUpdate ? { onUpdate } : {}),
    };
  });
  return {
    defaultSchema: null,
    // SQLite lets a non-integer primary key hold NULL (a legacy quirk); the ORMs treat it as NOT NULL.
    columns: columns.map((c) => ({ schema: null, table: c.table, column: c.column, type: c.type, nullable: !truthy(c.not_null) && c.pk === 0 })),
    keys: [...primaryKeys, ...uniques],
    foreignKeys,
  };
}
