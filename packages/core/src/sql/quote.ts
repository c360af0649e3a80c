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

/**
 * A string literal for the dialect that reads as the same text whatever the session's settings:
 * quotes doubled; MySQL reads a backslash as an escape, so it is doubled; PostgreSQL reads one so
 * too when `standard_conforming_strings` is off (a legacy setting a database or role may still
 * carry), so a text with a backslash is written `E'…'`, where a doubled backslash is one under
 * either setting. SQLite and the others read a backslash as itself.
 */
export function quoteLiteral(dialect: Dialect, text: string): string {
  const quoted = text.replace(/'/g, "''");
  if (dialect === 'mysql') return `'${quoted.replace(/\\/g, '\\\\')}'`;
  if ((dialect === 'postgresql' || dialect === 'cockroachdb') && text.includes('\\')) return `E'${quoted.replace(/\\/g, '\\\\')}'`;
  return `'${quoted}'`;
}
