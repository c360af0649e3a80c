/**
 * Rows that already break a one-to-one: for each declared one-to-one that the database does not
 * back with a unique, the foreign key values held by more than one row. One query per such
 * relation; it reads the key columns only, and at most five sample values.
 */
import { analyze, compareDatabase, findFilterKey, quoteIdentifier, quoteTable } from '@oto/core';
import type { DatabaseFacts, Dialect, DuplicateKeys, SchemaModel, Table } from '@oto/core';
import type { SqlClient } from './clients/sql-client';

export const SAMPLE_LIMIT = 5;

/** The query counting the duplicate values of `columns` in `table` (among the rows `where` keeps, when given). */
export function duplicatesQuery(dialect: Dialect, table: Table, columns: readonly string[], where?: string): string {
  const q = (name: string) => quoteIdentifier(dialect, name);
  const text = dialect === 'mysql' ? 'CHAR' : 'TEXT';
  const keys = columns.map((c, i) => `CAST(${q(c)} AS ${text}) AS ${q(`k${i}`)}`).join(', ');
  const notNull = [...columns.map((c) => `${q(c)} IS NOT NULL`), ...(where !== undefined ? [`(${where})`] : [])].join(' AND ');
  const groupBy = columns.map(q).join(', ');
  const order = columns.map((_, i) => q(`k${i}`)).join(', ');
  return [
    `SELECT ${columns.map((_, i) => q(`k${i}`)).join(', ')}, ${q('n')}, COUNT(*) OVER () AS ${q('groups')}, SUM(${q('n')}) OVER () AS ${q('rows')}`,
    `FROM (SELECT ${keys}, COUNT(*) AS ${q('n')} FROM ${quoteTable(dialect, table)} WHERE ${notNull} GROUP BY ${groupBy} HAVING COUNT(*) > 1) ${q('d')}`,
    `ORDER BY ${q('n')} DESC, ${order}`,
    `LIMIT ${SAMPLE_LIMIT}`,
  ].join('\n');
}

function value(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

/**
 * Counts duplicate foreign key values in the database for every declared one-to-one whose
 * foreign key has no backing unique there (NULLs do not count: a unique lets them repeat). A
 * filtered one-to-one (Drizzle v1's `one({ where })`) holds over the rows its filter keeps: they
 * are counted among those, and not at all when the database has the partial unique the filter
 * matches (nor when oto cannot write the filter as SQL).
 */
export async function countDuplicates(client: SqlClient, declared: SchemaModel, facts: DatabaseFacts): Promise<DuplicateKeys[]> {
  const analyzed = analyze(declared);
  const compared = compareDatabase(analyzed, facts);
  const found: DuplicateKeys[] = [];
  for (const r of analyzed.relations) {
    const actual = compared.relations.get(r.relation);
    const fk = r.relation.foreignKey;
    if (r.kind !== 'one-to-one' || !fk || !actual?.table || actual.missingColumns.length > 0 || actual.backing) continue;
    const filter = r.relation.filter;
    const where = filter?.sql;
    if (filter && (where === undefined || findFilterKey(actual.table, fk.columns, where))) continue;
    if (found.some((d) => d.table === actual.table!.name && d.schema === actual.table!.schema && d.columns.join() === fk.columns.join() && d.where === where)) continue;
    const rows = await client.query(duplicatesQuery(client.dialect, actual.table, fk.columns, where));
    const first = rows[0];
    found.push({
      table: actual.table.name,
      ...(actual.table.schema ? { schema: actual.table.schema } : {}),
      columns: fk.columns,
      ...(where !== undefined ? { where } : {}),
      groups: first ? Number(first['groups']) : 0,
      rows: first ? Number(first['rows']) : 0,
      samples: rows.map((row) => fk.columns.map((_, i) => value(row[`k${i}`]))),
    });
  }
  return found;
}
