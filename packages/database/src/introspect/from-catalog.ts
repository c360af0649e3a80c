import type { Dialect, ForeignKey, SchemaModel, Table, UniqueKey } from '@oto/core';
import { tableKey } from '@oto/core';
import type { Catalog, ColumnRow } from './catalog';

interface Builder {
  name: string;
  schema?: string;
  columns: Table['columns'][number][];
  primaryKey?: Table['primaryKey'];
  uniques: UniqueKey[];
  foreignKeys: ForeignKey[];
}

/**
 * Catalog rows → the database's SchemaModel (tables only: a database declares no relations).
 * Tables in the default schema carry no schema, as the ORMs' unqualified tables do.
 */
export function fromCatalog(catalog: Catalog, dialect: Dialect): SchemaModel {
  const local = (schema: string | null) => (schema && schema !== catalog.defaultSchema ? schema : undefined);
  const tables = new Map<string, Builder>();
  const tableOf = (row: Pick<ColumnRow, 'schema' | 'table'>): Builder | undefined =>
    tables.get(tableKey({ name: row.table, schema: local(row.schema) }));

  for (const row of catalog.columns) {
    const schema = local(row.schema);
    const key = tableKey({ name: row.table, schema });
    const table = tables.get(key) ?? { name: row.table, ...(schema ? { schema } : {}), columns: [], uniques: [], foreignKeys: [] };
    tables.set(key, table);
    table.columns.push({ name: row.column, type: row.type, nullable: row.nullable });
  }
  for (const row of catalog.keys) {
    const table = tableOf(row);
    if (!table) continue;
    const name = row.name ?? undefined;
    if (row.kind === 'primary-key') {
      table.primaryKey = { ...(name ? { name } : {}), columns: row.columns };
    } else {
      table.uniques.push({
        ...(name ? { name } : {}),
        columns: row.columns,
        kind: row.kind === 'unique-constraint' ? 'constraint' : 'index',
        ...(row.where ? { where: row.where } : {}),
        ...(row.expression ? { expression: true } : {}),
      });
    }
  }
  for (const row of catalog.foreignKeys) {
    const table = tableOf(row);
    if (!table) continue;
    const referencedSchema = local(row.referencedSchema);
    table.foreignKeys.push({
      ...(row.name ? { name: row.name } : {}),
      columns: row.columns,
      referencedTable: row.referencedTable,
      ...(referencedSchema ? { referencedSchema } : {}),
      referencedColumns: row.referencedColumns,
      ...(row.onDelete ? { onDelete: row.onDelete } : {}),
      ...(row.onUpdate ? { onUpdate: row.onUpdate } : {}),
      ...(row.deferrable ? { deferrable: row.deferrable } : {}),
    });
  }
  const sorted = [...tables.values()].sort((a, b) => tableKey(a).localeCompare(tableKey(b)));
  return { source: 'database', dialect, tables: sorted, relations: [] };
}
