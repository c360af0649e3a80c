/**
 * oto's SqlChanges as drizzle-kit 1.0 deltas on the rows of the folder's last snapshot: a unique
 * is a created row (a UNIQUE constraint or a unique index, partial with its WHERE, as drizzle-kit
 * writes the schema's `.unique(name)` / `uniqueIndex(name)[.where(…)]`), NOT NULL and ON DELETE alter the column and the foreign
 * key, renames rename the unique, the index or the table. Each delta is the one drizzle-kit writes
 * for the same change of the schema (checked against the real drizzle-kit 1.0.0-rc.5 in
 * test/e2e/drizzle-kit-v1-generate-sql.test.ts), so that after `oto fix` its next diff is empty.
 * What the snapshot already has gives no delta; a change whose table, column, foreign key or unique
 * the snapshot lacks (the folder is behind the schema or the database) gives the reason instead.
 * Pure.
 */
import type { ReferentialAction, SqlChange } from '@oto/core';
import { findTable, KIT_DIALECTS, rowKey, rowsOf } from './drizzle-kit-v1-ddl';
import type { KitDelta, KitRow, KitTableAt, KitV1Dialect } from './drizzle-kit-v1-ddl';

/** drizzle-kit 1.0 writes referential actions as SQL says them. */
export const KIT_ACTIONS: Readonly<Record<ReferentialAction, string>> = {
  cascade: 'CASCADE',
  restrict: 'RESTRICT',
  'no-action': 'NO ACTION',
  'set-null': 'SET NULL',
  'set-default': 'SET DEFAULT',
};

export type ChangeDeltas = { readonly deltas: readonly KitDelta[] } | { readonly reason: string };

const label = (at: KitTableAt) => (at.schema && at.schema !== 'public' ? `${at.schema}.${at.table}` : at.table);
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sameRow = (a: KitRow, b: KitRow) => [...new Set([...Object.keys(a), ...Object.keys(b)])].every((field) => sameValue(a[field], b[field]));
const sameSet = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x) => b.includes(x));

function addUnique(dialect: KitV1Dialect, rows: readonly KitRow[], at: KitTableAt, change: Extract<SqlChange, { kind: 'add-unique' }>): ChangeDeltas {
  const names = new Set(rowsOf(rows, 'columns', at).map((c) => c['name']));
  const missing = change.columns.filter((c) => !names.has(c));
  if (missing.length > 0) return { reason: `its last snapshot has no column ${missing.join(', ')} in ${label(at)}` };
  if (change.where !== undefined && dialect === 'mysql') return { reason: `MySQL has no partial (WHERE) index for ${change.name}` };
  const row = KIT_DIALECTS[dialect].unique(at, change.name, change.columns, change.keyKind, change.where);
  const key = rowKey(dialect, row);
  const stored = rows.find((r) => rowKey(dialect, r) === key);
  if (!stored) return { deltas: [{ op: 'create', row }] };
  if (sameRow(stored, row)) return { deltas: [] };
  return { reason: `its last snapshot has another ${row.entityType === 'uniques' ? 'unique' : 'index'} named ${change.name}` };
}

function setNotNull(dialect: KitV1Dialect, rows: readonly KitRow[], at: KitTableAt, columns: readonly string[]): ChangeDeltas {
  const deltas: KitDelta[] = [];
  for (const name of columns) {
    const column = rowsOf(rows, 'columns', at).find((c) => c['name'] === name);
    if (!column) return { reason: `its last snapshot has no column ${name} in ${label(at)}` };
    if (column['notNull'] !== true) deltas.push({ op: 'alter', key: rowKey(dialect, column), set: { notNull: true } });
  }
  return { deltas };
}

function replaceForeignKey(dialect: KitV1Dialect, rows: readonly KitRow[], at: KitTableAt, change: Extract<SqlChange, { kind: 'replace-foreign-key' }>): ChangeDeltas {
  const fk = change.foreignKey;
  const fks = rowsOf(rows, 'fks', at);
  // By name, else (a name the schema leaves to drizzle) by its columns and the table they reference.
  const stored =
    fks.find((r) => fk.name !== '' && r['name'] === fk.name) ??
    fks.find((r) => r['tableTo'] === fk.referencedTable && sameSet(r['columns'] as unknown[], fk.columns) && sameSet(r['columnsTo'] as unknown[], fk.referencedColumns));
  if (!stored) return { reason: `its last snapshot has no foreign key ${fk.name || `on ${fk.columns.join(', ')}`} in ${label(at)}` };
  const onDelete = KIT_ACTIONS[change.onDelete];
  return { deltas: stored['onDelete'] === onDelete ? [] : [{ op: 'alter', key: rowKey(dialect, stored), set: { onDelete } }] };
}

function renameUnique(dialect: KitV1Dialect, rows: readonly KitRow[], at: KitTableAt, change: Extract<SqlChange, { kind: 'rename-unique' }>): ChangeDeltas {
  const { uniqueTypes } = KIT_DIALECTS[dialect];
  const keys = uniqueTypes.flatMap((type) => rowsOf(rows, type, at));
  const stored = keys.find((r) => r['name'] === change.from);
  if (stored) return { deltas: [{ op: 'rename', key: rowKey(dialect, stored), set: { name: change.to } }] };
  if (keys.some((r) => r['name'] === change.to)) return { deltas: [] };
  return { reason: `its last snapshot has no unique ${change.from} in ${label(at)}` };
}

/** The deltas of one change on the rows, or why the snapshot cannot take it. */
export function changeDeltas(dialect: KitV1Dialect, rows: readonly KitRow[], change: SqlChange): ChangeDeltas {
  const at = KIT_DIALECTS[dialect].at(change.table);
  const table = findTable(rows, at);
  if (!table) return { reason: `its last snapshot has no table ${label(at)}` };
  switch (change.kind) {
    case 'add-unique':
      return addUnique(dialect, rows, at, change);
    case 'set-not-null':
      return setNotNull(dialect, rows, at, change.columns);
    case 'replace-foreign-key':
      return replaceForeignKey(dialect, rows, at, change);
    case 'rename-unique':
      return renameUnique(dialect, rows, at, change);
    case 'rename-table':
      if (findTable(rows, { ...at, table: change.to })) return { reason: `its last snapshot has a table ${label({ ...at, table: change.to })} already` };
      return { deltas: [{ op: 'rename', key: rowKey(dialect, table), set: { name: change.to } }] };
  }
}
