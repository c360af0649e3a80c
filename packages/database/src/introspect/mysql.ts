/**
 * MySQL and MariaDB through information_schema, in the connection's database: four queries,
 * whatever the number of tables.
 */
import type { SqlClient } from '../clients/sql-client';
import { actionFromWords } from './catalog';
import type { Catalog, ForeignKeyRow, KeyRow } from './catalog';
import { groupBy, truthy } from './group-rows';

const COLUMNS = `
SELECT c.TABLE_SCHEMA AS \`schema\`, c.TABLE_NAME AS \`table\`, c.COLUMN_NAME AS \`column\`, c.COLUMN_TYPE AS \`type\`, c.IS_NULLABLE AS \`nullable\`
FROM information_schema.COLUMNS c
JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`;

/** Unique indexes (MySQL's UNIQUE constraints are unique indexes) and the primary key. */
const KEYS = `
SELECT s.TABLE_SCHEMA AS \`schema\`, s.TABLE_NAME AS \`table\`, s.INDEX_NAME AS \`name\`, s.COLUMN_NAME AS \`column\`, s.SEQ_IN_INDEX AS \`seq\`
FROM information_schema.STATISTICS s
WHERE s.TABLE_SCHEMA = DATABASE() AND s.NON_UNIQUE = 0
ORDER BY s.TABLE_NAME, s.INDEX_NAME, s.SEQ_IN_INDEX`;

const FOREIGN_KEYS = `
SELECT k.TABLE_SCHEMA AS \`schema\`, k.TABLE_NAME AS \`table\`, k.CONSTRAINT_NAME AS \`name\`, k.COLUMN_NAME AS \`column\`,
  k.REFERENCED_TABLE_SCHEMA AS \`ref_schema\`, k.REFERENCED_TABLE_NAME AS \`ref_table\`, k.REFERENCED_COLUMN_NAME AS \`ref_column\`,
  r.DELETE_RULE AS \`on_delete\`, r.UPDATE_RULE AS \`on_update\`
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.REFERENTIAL_CONSTRAINTS r
  ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`;

type Text = string | null;

export async function readMysqlCatalog(client: SqlClient): Promise<Catalog> {
  const [schemaRows, columns, keys, fks] = [
    await client.query<{ schema: Text }>('SELECT DATABASE() AS `schema`'),
    await client.query<{ schema: string; table: string; column: string; type: string; nullable: string }>(COLUMNS),
    await client.query<{ schema: string; table: string; name: string; column: Text; seq: number }>(KEYS),
    await client.query<{ schema: string; table: string; name: string; column: string; ref_schema: Text; ref_table: string; ref_column: string; on_delete: Text; on_update: Text }>(FOREIGN_KEYS),
  ];
  const keyRows = [...groupBy(keys, (k) => `${k.table}\0${k.name}`).values()].map((rows): KeyRow => {
    const first = rows[0]!;
    const expression = rows.some((r) => r.column === null);
    return {
      schema: first.schema,
      table: first.table,
      name: first.name,
      kind: first.name === 'PRIMARY' ? 'primary-key' : 'unique-index',
      columns: rows.flatMap((r) => (r.column === null ? [] : [r.column])),
      ...(expression ? { expression } : {}),
    };
  });
  const foreignKeys = [...groupBy(fks, (k) => `${k.table}\0${k.name}`).values()].map((rows): ForeignKeyRow => {
    const first = rows[0]!;
    const onDelete = actionFromWords(first.on_delete);
    const onUpdate = actionFromWords(first.on_update);
    return {
      schema: first.schema,
      table: first.table,
      name: first.name,
      columns: rows.map((r) => r.column),
      referencedSchema: first.ref_schema,
      referencedTable: first.ref_table,
      referencedColumns: rows.map((r) => r.ref_column),
      ...(onDelete ? { onDelete } : {}),
      ...(onUpdate ? { onUpdate } : {}),
    };
  });
  return {
    defaultSchema: schemaRows[0]?.schema ?? null,
    columns: columns.map((c) => ({ schema: c.schema, table: c.table, column: c.column, type: c.type, nullable: truthy(c.nullable) })),
    keys: keyRows,
    foreignKeys,
  };
}
