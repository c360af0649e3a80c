import type { Relation, RelationEnd, Table } from './schema-model';

/** The key a table is found by: `schema.name`, or `name` without a schema. */
export function tableKey(table: { readonly name: string; readonly schema?: string }): string {
  return table.schema ? `${table.schema}.${table.name}` : table.name;
}

/** `Model.field` when the ORM has names, else the table name. */
export function endLabel(end: RelationEnd): string {
  const owner = end.entity ?? end.table;
  return end.field ? `${owner}.${end.field}` : owner;
}

/** How a relation is named in messages: by its dependent field, else by its tables. */
export function relationLabel(relation: Relation): string {
  if (relation.dependent.field) return endLabel(relation.dependent);
  if (relation.principal.field) return endLabel(relation.principal);
  return `${relation.dependent.table} → ${relation.principal.table}`;
}

/** `table(a, b)` */
export function columnsLabel(table: string, columns: readonly string[]): string {
  return `${table}(${columns.join(', ')})`;
}

export function findColumn(table: Table, name: string) {
  return table.columns.find((c) => c.name === name);
}

/** The same names in the same order. */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
