/**
 * The drizzle-kit snapshot that goes with oto's custom migration: the previous snapshot with what
 * the migration changes, written the way drizzle-kit's own serializer writes it for the fixed
 * schema, so that after `oto fix` the next `drizzle-kit generate` sees no difference (and does not
 * add the same unique a second time). Per dialect, as drizzle-kit 0.31 writes snapshots:
 * PostgreSQL and MySQL keep UNIQUE constraints in `uniqueConstraints` (PostgreSQL with
 * `nullsNotDistinct`), SQLite keeps every unique as a unique index in `indexes`; PostgreSQL keys
 * tables by `schema.name`, the others by name. Pure: snapshot and changes in, snapshot out.
 */
import type { ReferentialAction, SqlChange, TableRef } from '@oto/core';

export type KitDialect = 'postgresql' | 'mysql' | 'sqlite';

interface KitForeignKey {
  name: string;
  tableFrom: string;
  tableTo: string;
  columnsFrom: string[];
  onDelete?: string;
  [key: string]: unknown;
}

interface KitTable {
  name: string;
  schema?: string;
  columns: Record<string, { name: string; notNull?: boolean; [key: string]: unknown }>;
  indexes?: Record<string, Record<string, unknown>>;
  foreignKeys?: Record<string, KitForeignKey>;
  uniqueConstraints?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

export interface KitSnapshot {
  tables?: Record<string, KitTable>;
  [key: string]: unknown;
}

/** The journal's dialect as a snapshot dialect (`turso` writes SQLite snapshots). */
export function kitDialect(journalDialect: string | undefined): KitDialect | undefined {
  if (journalDialect === 'postgresql' || journalDialect === 'mysql' || journalDialect === 'sqlite') return journalDialect;
  return journalDialect === 'turso' ? 'sqlite' : undefined;
}

/** drizzle-kit writes referential actions in lower case with a space: `set null`, `no action`. */
const kitAction = (action: ReferentialAction) => action.replace('-', ' ');

function tableKey(dialect: KitDialect, ref: TableRef): string {
  return dialect === 'postgresql' ? `${ref.schema ?? 'public'}.${ref.name}` : ref.name;
}

function findTable(tables: Record<string, KitTable>, dialect: KitDialect, ref: TableRef): string | undefined {
  const key = tableKey(dialect, ref);
  if (tables[key]) return key;
  return Object.keys(tables).find((k) => tables[k]!.name === ref.name && (dialect !== 'postgresql' || (tables[k]!.schema || 'public') === (ref.schema ?? 'public')));
}

function uniqueEntry(dialect: KitDialect, name: string, columns: readonly string[], keyKind: 'constraint' | 'index'): ['indexes' | 'uniqueConstraints', Record<string, unknown>] {
  if (dialect === 'sqlite') return ['indexes', { name, columns: [...columns], isUnique: true }];
  if (dialect === 'mysql') return keyKind === 'index' ? ['indexes', { name, columns: [...columns], isUnique: true }] : ['uniqueConstraints', { name, columns: [...columns] }];
  if (keyKind === 'index') {
    const indexColumns = columns.map((expression) => ({ expression, isExpression: false, asc: true, nulls: 'last' }));
    return ['indexes', { name, columns: indexColumns, isUnique: true, concurrently: false, method: 'btree', with: {} }];
  }
  return ['uniqueConstraints', { name, nullsNotDistinct: false, columns: [...columns] }];
}

/** Renames a key of a record in place, keeping the order of the others. */
function renameKey<T>(record: Record<string, T>, from: string, to: string, value: T): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => (k === from ? [to, value] : [k, v])));
}

function apply(tables: Record<string, KitTable>, dialect: KitDialect, change: SqlChange): Record<string, KitTable> {
  const key = findTable(tables, dialect, change.table);
  if (!key) return tables;
  const table = tables[key]!;
  const put = (next: KitTable) => ({ ...tables, [key]: next });
  switch (change.kind) {
    case 'add-unique': {
      const [field, entry] = uniqueEntry(dialect, change.name, change.columns, change.keyKind);
      return put({ ...table, [field]: { ...(table[field] ?? {}), [change.name]: entry } });
    }
    case 'set-not-null': {
      const columns = { ...table.columns };
      for (const c of change.columns) if (columns[c]) columns[c] = { ...columns[c]!, notNull: true };
      return put({ ...table, columns });
    }
    case 'replace-foreign-key': {
      const fks = table.foreignKeys ?? {};
      const fkKey =
        (change.foreignKey.name && fks[change.foreignKey.name] ? change.foreignKey.name : undefined) ??
        Object.keys(fks).find((k) => fks[k]!.tableTo === change.foreignKey.referencedTable && fks[k]!.columnsFrom.join() === change.foreignKey.columns.join());
      if (!fkKey) return tables;
      return put({ ...table, foreignKeys: { ...fks, [fkKey]: { ...fks[fkKey]!, onDelete: kitAction(change.onDelete) } } });
    }
    case 'rename-unique': {
      for (const field of ['uniqueConstraints', 'indexes'] as const) {
        const entries = table[field];
        const entry = entries?.[change.from];
        if (entries && entry) return put({ ...table, [field]: renameKey(entries, change.from, change.to, { ...entry, name: change.to }) });
      }
      return tables;
    }
    case 'rename-table': {
      const to = change.to;
      const renamed: KitTable = { ...table, name: to };
      const nextKey = tableKey(dialect, { ...change.table, name: to });
      const moved = renameKey(tables, key, nextKey, renamed);
      // Foreign keys name the table they are in and the table they reference by name.
      return Object.fromEntries(
        Object.entries(moved).map(([k, t]) => {
          const fks = t.foreignKeys;
          if (!fks) return [k, t];
          const next = Object.fromEntries(
            Object.entries(fks).map(([n, fk]) => {
              const references = fk.tableTo === change.table.name && (dialect !== 'postgresql' || (String(fk['schemaTo'] ?? '') || 'public') === (change.table.schema ?? 'public'));
              return [n, { ...fk, ...(k === nextKey ? { tableFrom: to } : {}), ...(references ? { tableTo: to } : {}) }];
            }),
          );
          return [k, { ...t, foreignKeys: next }];
        }),
      );
    }
  }
}

/** The snapshot after the changes, with a new id after the previous one. */
export function snapshotAfter(previous: KitSnapshot, changes: readonly SqlChange[], dialect: KitDialect, id: string): KitSnapshot {
  const tables = changes.reduce((acc, change) => apply(acc, dialect, change), previous.tables ?? {});
  return { ...previous, id, prevId: previous['id'], ...(previous.tables ? { tables } : {}) };
}
