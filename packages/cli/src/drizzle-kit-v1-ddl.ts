/**
 * drizzle-kit 1.0's model of a database, as its snapshots hold it: a flat list of rows, each an
 * entity (`entityType` 'tables', 'columns', 'fks', 'uniques', 'indexes', …) known by its key
 * (`<entityType>\0<identity>`, the identity a JSON list of its schema, table and name as the
 * dialect keys that entity); and the deltas between two lists as drizzle-kit writes them: `create`
 * a row, `alter` or `rename` fields of the row a key names (a renamed table takes its columns,
 * keys and the foreign keys to it along, as drizzle-kit's own edges do), `drop` it. Per dialect
 * only the rows and their identities differ (`KIT_DIALECTS`). What oto's SqlChanges are in this
 * model is drizzle-kit-v1-changes.ts. Pure.
 */
import type { TableRef, UniqueKeyKind } from '@oto/core';

/** The `dialect` of a drizzle-kit 1.0 snapshot. */
export type KitV1Dialect = 'postgres' | 'mysql' | 'sqlite';

export interface KitRow {
  readonly entityType: string;
  readonly [field: string]: unknown;
}

export type KitDelta =
  | { readonly op: 'create'; readonly row: KitRow }
  | { readonly op: 'alter' | 'rename'; readonly key: string; readonly set: Readonly<Record<string, unknown>> }
  | { readonly op: 'drop'; readonly key: string };

/** Where a table lives: its schema where the dialect keys tables by schema (PostgreSQL). */
export interface KitTableAt {
  readonly schema?: string;
  readonly table: string;
}

export interface KitDialectRows {
  /** The snapshot `version` drizzle-kit 1.0.0-rc.5 writes for the dialect. */
  readonly version: string;
  /** The table's place: PostgreSQL keys every row by schema (`public` unless said). */
  readonly at: (ref: TableRef) => KitTableAt;
  /** The entity types whose identity leaves out the table (PostgreSQL's indexes: one name per schema). */
  readonly schemaWide: readonly string[];
  /**
   * A unique as drizzle-kit writes it for `.unique(name)` / `unique(name).on(…)` ('constraint') or
   * `uniqueIndex(name).on(…)` ('index'), `.where(sql\`…\`)` for a partial one (its SQL as written).
   */
  readonly unique: (at: KitTableAt, name: string, columns: readonly string[], keyKind: UniqueKeyKind, where?: string) => KitRow;
  /** The entity types a unique key's name is found under. */
  readonly uniqueTypes: readonly string[];
}

const indexColumns = (columns: readonly string[], extra: Record<string, unknown> = {}) => columns.map((value) => ({ value, isExpression: false, ...extra }));

/** Per dialect, the rows as drizzle-kit 1.0.0-rc.5 writes them (read from the folders it writes). */
export const KIT_DIALECTS: Readonly<Record<KitV1Dialect, KitDialectRows>> = {
  postgres: {
    version: '9',
    at: (ref) => ({ schema: ref.schema ?? 'public', table: ref.name }),
    schemaWide: ['indexes'],
    unique: ({ schema, table }, name, columns, keyKind, where) =>
      keyKind === 'constraint' && where === undefined
        ? { schema, table, name, nameExplicit: name !== `${table}_${columns.join('_')}_key`, columns: [...columns], nullsNotDistinct: false, entityType: 'uniques' }
        : {
            schema,
            table,
            name,
            nameExplicit: true,
            columns: indexColumns(columns, { asc: true, nullsFirst: false, opclass: null }),
            isUnique: true,
            where: where ?? null,
            with: '',
            method: 'btree',
            concurrently: false,
            entityType: 'indexes',
          },
    uniqueTypes: ['uniques', 'indexes'],
  },
  // MySQL has no unique other than a unique index (drizzle-kit writes `.unique()` as one too), and no partial one.
  mysql: {
    version: '6',
    at: (ref) => ({ table: ref.name }),
    schemaWide: [],
    unique: ({ table }, name, columns, keyKind) => ({
      table,
      name,
      columns: indexColumns(columns),
      isUnique: true,
      using: null,
      algorithm: null,
      lock: null,
      nameExplicit: keyKind === 'index' || name !== `${columns.join('_')}_unique`,
      entityType: 'indexes',
    }),
    uniqueTypes: ['indexes'],
  },
  sqlite: {
    version: '7',
    at: (ref) => ({ table: ref.name }),
    schemaWide: [],
    unique: ({ table }, name, columns, keyKind, where) =>
      keyKind === 'constraint' && where === undefined
        ? { table, name, columns: [...columns], nameExplicit: name !== `${table}_${columns.join('_')}_unique`, entityType: 'uniques' }
        : { table, name, columns: indexColumns(columns), isUnique: true, where: where ?? null, origin: 'manual', entityType: 'indexes' },
    uniqueTypes: ['uniques', 'indexes'],
  },
};

/** The row's key, as drizzle-kit writes it in a delta. */
export function rowKey(dialect: KitV1Dialect, row: KitRow): string {
  const { schemaWide } = KIT_DIALECTS[dialect];
  const parts = [
    ...(dialect === 'postgres' ? [row['schema']] : []),
    ...(row.entityType === 'tables' || schemaWide.includes(row.entityType) ? [] : [row['table']]),
    row['name'],
  ];
  return `${row.entityType}\0${JSON.stringify(parts)}`;
}

/** The rows of one type on one table (of every table with `at` undefined). */
export function rowsOf(rows: readonly KitRow[], entityType: string, at?: KitTableAt): KitRow[] {
  return rows.filter((r) => r.entityType === entityType && (!at || (r['table'] === at.table && r['schema'] === at.schema)));
}

export function findTable(rows: readonly KitRow[], at: KitTableAt): KitRow | undefined {
  return rows.find((r) => r.entityType === 'tables' && r['name'] === at.table && r['schema'] === at.schema);
}

/** A renamed table's rows: its own (`table`) and the foreign keys that reference it (`tableTo`). */
function renameTable(dialect: KitV1Dialect, rows: readonly KitRow[], from: KitRow, to: string): KitRow[] {
  const schema = from['schema'];
  const same = (table: unknown, rowSchema: unknown) => table === from['name'] && (dialect !== 'postgres' || rowSchema === schema);
  return rows.map((r) => {
    let next = r;
    if (r === from) next = { ...next, name: to };
    if (r.entityType !== 'tables' && same(r['table'], r['schema'])) next = { ...next, table: to };
    if (r.entityType === 'fks' && same(r['tableTo'], r['schemaTo'])) next = { ...next, tableTo: to };
    return next;
  });
}

/** The rows after the deltas, as drizzle-kit reconstructs a snapshot from its parent's. */
export function applyDeltas(dialect: KitV1Dialect, rows: readonly KitRow[], deltas: readonly KitDelta[]): KitRow[] {
  let state = [...rows];
  for (const delta of deltas) {
    if (delta.op === 'create') {
      const key = rowKey(dialect, delta.row);
      state = [...state.filter((r) => rowKey(dialect, r) !== key), delta.row];
      continue;
    }
    const row = state.find((r) => rowKey(dialect, r) === delta.key);
    if (!row) continue;
    if (delta.op === 'drop') state = state.filter((r) => r !== row);
    else if (row.entityType === 'tables' && typeof delta.set['name'] === 'string') state = renameTable(dialect, state, row, delta.set['name']);
    else state = state.map((r) => (r === row ? { ...r, ...delta.set } : r));
  }
  return state;
}
