/**
 * PostgreSQL (a server through node-postgres, or PGlite): four catalog queries, whatever the
 * number of tables: the default schema, columns, keys (constraints and unique indexes), foreign keys.
 */
import type { ReferentialAction } from '@oto/core';
import type { SqlClient } from '../clients/sql-client';
import type { Catalog, ColumnRow, ForeignKeyRow, KeyRow } from './catalog';

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'`;

/** Column names of `attnums` of relation `rel`, in key order, expressions (attnum 0) left out. */
const names = (attnums: string, rel: string) =>
  `ARRAY(SELECT a.attname::text FROM unnest(${attnums}) WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.attnum ORDER BY k.ord)`;

const COLUMNS = `
SELECT n.nspname AS schema, c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${USER_SCHEMAS}
ORDER BY n.nspname, c.relname, a.attnum`;

const CONSTRAINTS = `
SELECT n.nspname AS schema, c.relname AS table, con.conname AS name, con.contype AS type,
  ${names('con.conkey', 'con.conrelid')} AS columns,
  fn.nspname AS ref_schema, fc.relname AS ref_table,
  ${names('con.confkey', 'con.confrelid')} AS ref_columns,
  con.confdeltype AS on_delete, con.confupdtype AS on_update, con.condeferrable AS deferrable, con.condeferred AS deferred
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
WHERE con.contype IN ('p', 'u', 'f') AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${USER_SCHEMAS}
ORDER BY n.nspname, c.relname, con.conname`;

/** Unique indexes that no constraint owns (a UNIQUE constraint's index is the constraint). */
const UNIQUE_INDEXES = `
SELECT n.nspname AS schema, c.relname AS table, i.relname AS name,
  ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum WHERE k.ord <= ix.indnkeyatts ORDER BY k.ord) AS columns,
  pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
  (ix.indexprs IS NOT NULL) AS expression
FROM pg_index ix
JOIN pg_class i ON i.oid = ix.indexrelid
JOIN pg_class c ON c.oid = ix.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ix.indisunique AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${USER_SCHEMAS}
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid AND con.contype IN ('p', 'u'))
ORDER BY n.nspname, c.relname, i.relname`;

const ACTIONS: Record<string, ReferentialAction> = { a: 'no-action', r: 'restrict', c: 'cascade', n: 'set-null', d: 'set-default' };

interface ConstraintRow {
  schema: string;
  table: string;
  name: string;
  type: 'p' | 'u' | 'f';
  columns: string[];
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[];
  on_delete: string;
  on_update: string;
  deferrable: boolean;
  deferred: boolean;
}

interface IndexRow {
  schema: string;
  table: string;
  name: string;
  columns: string[];
  predicate: string | null;
  expression: boolean;
}

/** A text[] column: node-postgres and PGlite both parse it into an array. */
function list(value: unknown): string[] {
  if (!Array.isArray(value)) throw new Error(`catalog query returned ${typeof value} where a text[] of column names was expected`);
  return value.map(String);
}

export async function readPostgresCatalog(client: SqlClient): Promise<Catalog> {
  const [schemaRows, columns, constraints, indexes] = [
    await client.query<{ schema: string | null }>('SELECT current_schema() AS schema'),
    await client.query<ColumnRow & Record<string, unknown>>(COLUMNS),
    await client.query<ConstraintRow & Record<string, unknown>>(CONSTRAINTS),
    await client.query<IndexRow & Record<string, unknown>>(UNIQUE_INDEXES),
  ];
  const keys: KeyRow[] = [
    ...constraints
      .filter((c) => c.type !== 'f')
      .map((c): KeyRow => ({ schema: c.schema, table: c.table, name: c.name, kind: c.type === 'p' ? 'primary-key' : 'unique-constraint', columns: list(c.columns) })),
    ...indexes.map((i): KeyRow => ({
      schema: i.schema,
      table: i.table,
      name: i.name,
      kind: 'unique-index',
      columns: list(i.columns),
      where: i.predicate,
      expression: i.expression,
    })),
  ];
  const foreignKeys = constraints
    .filter((c) => c.type === 'f' && c.ref_table)
    .map((c): ForeignKeyRow => {
      const onDelete = ACTIONS[c.on_delete];
      const onUpdate = ACTIONS[c.on_update];
      return {
        schema: c.schema,
        table: c.table,
        name: c.name,
        columns: list(c.columns),
        referencedSchema: c.ref_schema,
        referencedTable: c.ref_table ?? '',
        referencedColumns: list(c.ref_columns),
        ...(onDelete ? { onDelete } : {}),
        ...(onUpdate ? { onUpdate } : {}),
        ...(c.deferrable ? { deferrable: c.deferred ? 'initially-deferred' : 'initially-immediate' } : {}),
      };
    });
  return {
    defaultSchema: schemaRows[0]?.schema ?? 'public',
    columns: columns.map((c) => ({ schema: c.schema, table: c.table, column: c.column, type: c.type, nullable: Boolean(c.nullable) })),
    keys,
    foreignKeys,
  };
}
