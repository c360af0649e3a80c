/**
 * The `where` of a Drizzle v1 `one` (a filtered relation) as the SQL predicate a partial unique
 * would carry: `{ deletedAt: { isNull: true } }` → `"deleted_at" IS NULL`. Pure.
 *
 * Only what a partial unique index can say is written out: column filters with `isNull`,
 * `isNotNull`, `eq`/a plain value and `ne`, joined by AND (also an `AND: [...]` list). Anything
 * else (`OR`, `NOT`, `RAW`, relation filters, placeholders) gives no predicate: oto then names the
 * filter as written and cannot say which partial unique would back it.
 */
import { getTableColumns } from 'drizzle-orm';
import type { Column, Table as DrizzleTable } from 'drizzle-orm';
import type { ColumnNames } from './drizzle-tables';

/** The filter as written (for messages), and its predicate when oto can express it. */
export interface RelationFilter {
  readonly text: string;
  readonly sql?: string;
}

function literal(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  return undefined;
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

function columnConditions(column: string, filter: unknown): string[] | undefined {
  const quoted = `"${column}"`;
  const plain = literal(filter);
  if (plain !== undefined) return [`${quoted} = ${plain}`];
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) return undefined;
  const out: string[] = [];
  for (const [op, value] of Object.entries(filter as object)) {
    if (op === 'isNull' && value === true) out.push(`${quoted} IS NULL`);
    else if (op === 'isNotNull' && value === true) out.push(`${quoted} IS NOT NULL`);
    else if (op === 'eq' && literal(value) !== undefined) out.push(`${quoted} = ${literal(value)}`);
    else if (op === 'ne' && literal(value) !== undefined) out.push(`${quoted} <> ${literal(value)}`);
    else return undefined;
  }
  return out;
}

function conditions(filter: unknown, columns: ReadonlyMap<string, string>): string[] | undefined {
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) return undefined;
  const out: string[] = [];
  for (const [key, value] of Object.entries(filter as object)) {
    if (key === 'AND' && Array.isArray(value)) {
      for (const part of value) {
        const inner = conditions(part, columns);
        if (!inner) return undefined;
        out.push(...inner);
      }
      continue;
    }
    const column = columns.get(key);
    if (!column) return undefined;
    const inner = columnConditions(column, value);
    if (!inner) return undefined;
    out.push(...inner);
  }
  return out;
}

/** The filter on `table`'s rows, its columns named as in the database. */
export function relationFilter(filter: unknown, table: DrizzleTable, names: ColumnNames): RelationFilter {
  const columns = new Map(Object.entries(getTableColumns(table)).map(([key, c]) => [key, names.of(c as Column)] as const));
  const parts = conditions(filter, columns);
  const text = describe(filter);
  return parts && parts.length > 0 ? { text, sql: parts.join(' AND ') } : { text };
}
