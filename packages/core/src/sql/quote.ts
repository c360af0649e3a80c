import type { Dialect } from '../model';

/** Quotes an identifier for the dialect, doubling the quote character inside it. */
export function quoteIdentifier(dialect: Dialect, name: string): string {
  switch (dialect) {
    case 'mysql':
      return `\`${name.replace(/`/g, '``')}\``;
    case 'sqlserver':
      return `[${name.replace(/]/g, ']]')}]`;
    default:
      return `"${name.replace(/"/g, '""')}"`;
  }
}

/** `schema.table` (quoted), or the table alone. */
export function quoteTable(dialect: Dialect, table: { readonly name: string; readonly schema?: string }): string {
  const name = quoteIdentifier(dialect, table.name);
  return table.schema ? `${quoteIdentifier(dialect, table.schema)}.${name}` : name;
}
