/**
 * The `where` of a Drizzle v1 `one` (a filtered relation) as the SQL predicate a partial unique
 * would carry: `{ deletedAt: { isNull: true } }` → `"deleted_at" IS NULL`. Pure.
 *
 * It reads what drizzle-orm 1.0's relational filters accept (`relationsFilterToSQL`) and a partial
 * index can say: per column a plain value or `eq`, `ne`, `gt`, `gte`, `lt`, `lte`, `in`, `notIn`
 * (lists of literals), `isNull`, `isNotNull`, `like`, `notLike`, `ilike`, `notIlike` (ILIKE on
 * PostgreSQL only), `arrayContains`, `arrayContained`, `arrayOverlaps` (PostgreSQL), and `AND`,
 * `OR`, `NOT` on a column or over columns, nested. Columns are named as in the database and
 * literals quoted for the dialect. A skipped part (`EmptyFilter`, `isNull: false`) is left out as
 * drizzle leaves it out. What no predicate can hold (`RAW`, a relation's filter, a placeholder, a
 * Date or other object, an empty list) gives no SQL: oto then names the filter as written.
 */
import { getTableColumns } from 'drizzle-orm';
import type { Column, Table as DrizzleTable } from 'drizzle-orm';
import type { Dialect } from '@oto/core';
import { quoteLiteral } from '@oto/core';
import type { ColumnNames } from './drizzle-tables';

/** The filter as written (for messages), and its predicate when oto can express it. */
export interface RelationFilter {
  readonly text: string;
  readonly sql?: string;
}

const EMPTY_FILTER = Symbol.for('drizzle:EmptyFilter');
const ENTITY_KIND = Symbol.for('drizzle:entityKind');

/** A condition's SQL and how loosely it binds (an OR inside an AND needs parentheses). */
interface Condition {
  readonly sql: string;
  readonly binds: 'or' | 'and' | 'atom';
}
/** No SQL for this filter: something in it no predicate can hold. */
class Unwritable extends Error {}

const COMPARISONS: Readonly<Record<string, string>> = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };
const PATTERNS: Readonly<Record<string, string>> = { like: 'LIKE', notLike: 'NOT LIKE', ilike: 'ILIKE', notIlike: 'NOT ILIKE' };
const ARRAYS: Readonly<Record<string, string>> = { arrayContains: '@>', arrayContained: '<@', arrayOverlaps: '&&' };

function kindOf(value: unknown): string | undefined {
  const kind = value && typeof value === 'object' ? ((value as object).constructor as unknown as Record<symbol, unknown> | undefined)?.[ENTITY_KIND] : undefined;
  return typeof kind === 'string' ? kind : undefined;
}

/** The filter as written: JSON, with drizzle's objects named. */
function describe(value: unknown): string {
  if (value === EMPTY_FILTER) return 'EmptyFilter';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'function') return 'RAW(…)';
  if (value instanceof Date) return `Date(${JSON.stringify(value.toISOString())})`;
  if (Array.isArray(value)) return `[${value.map(describe).join(',')}]`;
  if (value && typeof value === 'object') {
    const kind = kindOf(value);
    if (kind === 'SQL') return 'sql`…`';
    if (kind === 'Placeholder') return `placeholder(${JSON.stringify((value as { name?: unknown }).name)})`;
    if (kind) return kind;
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${describe(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? String(value);
}

class Writer {
  constructor(
    private readonly columns: ReadonlyMap<string, string>,
    private readonly dialect: Dialect,
  ) {}

  private identifier(name: string): string {
    return this.dialect === 'mysql' ? `\`${name.replace(/`/g, '``')}\`` : `"${name.replace(/"/g, '""')}"`;
  }

  private literal(value: unknown): string {
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'bigint') return String(value);
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (typeof value === 'string' && !value.includes('\0')) return quoteLiteral(this.dialect, value);
    throw new Unwritable();
  }

  private list(value: unknown): string {
    if (!Array.isArray(value) || value.length === 0) throw new Unwritable();
    return value.map((v) => this.literal(v)).join(', ');
  }

  /** The conditions of one column's filter (`{ isNull: true }`, `'active'`, `{ OR: [...] }`). */
  private column(column: string, filter: unknown): Condition[] {
    const quoted = this.identifier(column);
    if (filter === EMPTY_FILTER) return [];
    if (typeof filter !== 'object' || filter === null) return [{ sql: `${quoted} = ${this.literal(filter)}`, binds: 'atom' }];
    if (Array.isArray(filter) || kindOf(filter) !== undefined || filter instanceof Date) throw new Unwritable();
    const out: Condition[] = [];
    for (const [op, value] of Object.entries(filter)) {
      if (value === EMPTY_FILTER) continue;
      if (op in COMPARISONS) out.push({ sql: `${quoted} ${COMPARISONS[op]} ${this.literal(value)}`, binds: 'atom' });
      else if (op === 'in' || op === 'notIn') out.push({ sql: `${quoted} ${op === 'in' ? 'IN' : 'NOT IN'} (${this.list(value)})`, binds: 'atom' });
      else if (op === 'isNull' || op === 'isNotNull') {
        if (value) out.push({ sql: `${quoted} ${op === 'isNull' ? 'IS NULL' : 'IS NOT NULL'}`, binds: 'atom' });
      } else if (op in PATTERNS) {
        if (typeof value !== 'string' || ((op === 'ilike' || op === 'notIlike') && this.dialect !== 'postgresql')) throw new Unwritable();
        out.push({ sql: `${quoted} ${PATTERNS[op]} ${this.literal(value)}`, binds: 'atom' });
      } else if (op in ARRAYS) {
        if (this.dialect !== 'postgresql') throw new Unwritable();
        out.push({ sql: `${quoted} ${ARRAYS[op]} ARRAY[${this.list(value)}]`, binds: 'atom' });
      } else if (op === 'NOT') this.negate(out, this.column(column, value));
      else if (op === 'OR' || op === 'AND') this.group(out, op, value, (part) => this.column(column, part));
      else throw new Unwritable();
    }
    return out;
  }

  /** The conditions of a table filter: columns, `AND`, `OR`, `NOT`. */
  table(filter: unknown): Condition[] {
    if (!filter || typeof filter !== 'object' || Array.isArray(filter) || kindOf(filter) !== undefined) throw new Unwritable();
    const out: Condition[] = [];
    for (const [key, value] of Object.entries(filter)) {
      if (value === EMPTY_FILTER) continue;
      if (key === 'NOT') this.negate(out, this.table(value));
      else if (key === 'OR' || key === 'AND') this.group(out, key, value, (part) => this.table(part));
      else {
        // RAW, a relation's filter or a key that is no column: nothing a partial index can say.
        const column = this.columns.get(key);
        if (column === undefined) throw new Unwritable();
        out.push(...this.column(column, value));
      }
    }
    return out;
  }

  private negate(out: Condition[], inner: readonly Condition[]): void {
    if (inner.length > 0) out.push({ sql: `NOT (${and(inner).sql})`, binds: 'atom' });
  }

  private group(out: Condition[], op: 'AND' | 'OR', parts: unknown, read: (part: unknown) => Condition[]): void {
    if (parts === EMPTY_FILTER) return;
    if (!Array.isArray(parts) || parts.length === 0) throw new Unwritable();
    const each = parts.filter((p) => p !== EMPTY_FILTER).map((p) => and(read(p))).filter((c) => c.sql !== '');
    if (each.length === 0) return;
    if (op === 'AND') out.push(...each);
    else if (each.length === 1) out.push(each[0]!);
    else out.push({ sql: each.map((c) => (c.binds === 'atom' ? c.sql : `(${c.sql})`)).join(' OR '), binds: 'or' });
  }
}

function and(conditions: readonly Condition[]): Condition {
  if (conditions.length === 1) return conditions[0]!;
  return { sql: conditions.map((c) => (c.binds === 'or' ? `(${c.sql})` : c.sql)).join(' AND '), binds: conditions.length === 0 ? 'atom' : 'and' };
}

/**
 * The filter on `table`'s rows, its columns named as in the database; undefined when it keeps
 * every row (all its parts skipped, as drizzle skips them): then the relation is not filtered.
 */
export function relationFilter(filter: unknown, table: DrizzleTable, names: ColumnNames, dialect: Dialect = 'postgresql'): RelationFilter | undefined {
  const columns = new Map(Object.entries(getTableColumns(table)).map(([key, c]) => [key, names.of(c as Column)] as const));
  const text = describe(filter);
  let conditions: Condition[];
  try {
    conditions = new Writer(columns, dialect).table(filter);
  } catch (error) {
    if (error instanceof Unwritable) return { text };
    throw error;
  }
  return conditions.length > 0 ? { text, sql: and(conditions).sql } : undefined;
}
