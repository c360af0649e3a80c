/**
 * The errors oto's generated accessors throw. Each carries what was read (the relation, the table
 * and the key the accessor was given) and a stable `code`, so an application can tell them apart
 * even when two copies of this package are installed.
 */

/** A key as the accessor was given it: field name → value. */
export type OneToOneKey = Readonly<Record<string, unknown>>;

/** One read of an accessor: the relation it follows, the table it reads, the key it was given. */
export interface OneToOneRead {
  /** The relation as the schema names it from the side read from, e.g. `User.profile`. */
  readonly relation: string;
  /** The table read (its database name, schema-qualified outside the default schema). */
  readonly table: string;
  readonly key: OneToOneKey;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value === null || typeof value !== 'object') return String(value);
  if (typeof (value as { toString?: unknown }).toString === 'function' && (value as object).toString !== Object.prototype.toString) {
    return String(value); // Decimal, Buffer and the like print themselves
  }
  return '{…}';
}

/** `{ userId: 1 }`: the key as the accessor's caller wrote it. */
export function formatKey(key: OneToOneKey): string {
  const entries = Object.entries(key).map(([name, value]) => `${name}: ${formatValue(value)}`);
  return `{ ${entries.join(', ')} }`;
}

/** Two rows came back where the relation allows one: the database does not enforce the one-to-one. */
export class OneToOneViolationError extends Error {
  override readonly name = 'OneToOneViolationError';
  readonly code = 'OTO_ONE_TO_ONE_VIOLATION';
  readonly relation: string;
  readonly table: string;
  readonly key: OneToOneKey;
  /** Rows seen: accessors read at most two, so 2 means "two or more". */
  readonly rows: number;

  constructor(read: OneToOneRead, rows: number) {
    super(
      `one-to-one ${read.relation} violated: ${read.table} holds ${rows >= 2 ? 'two or more rows' : `${rows} rows`} for ${formatKey(read.key)}; ` +
        `the database does not enforce the relation's UNIQUE (run \`oto check --database-url …\` to see where)`,
    );
    this.relation = read.relation;
    this.table = read.table;
    this.key = read.key;
    this.rows = rows;
  }
}

/** A required one-to-one found no row: the key matches nothing, or the related row is missing. */
export class OneToOneNotFoundError extends Error {
  override readonly name = 'OneToOneNotFoundError';
  readonly code = 'OTO_ONE_TO_ONE_NOT_FOUND';
  readonly relation: string;
  readonly table: string;
  readonly key: OneToOneKey;

  constructor(read: OneToOneRead) {
    super(`one-to-one ${read.relation}: no ${read.table} row for ${formatKey(read.key)}, and the relation is required`);
    this.relation = read.relation;
    this.table = read.table;
    this.key = read.key;
  }
}
