/**
 * The snapshot.json of oto's migration in a drizzle-kit 1.0 folder, from the folder's snapshots
 * and the migration's changes, in the form drizzle-kit 1.0.0-rc.5 writes for each dialect:
 * PostgreSQL a "diff" after the folder's leaves (`prevIds`), its deltas with their footprints (the
 * state before them rebuilt as drizzle-kit does, from the base snapshot through the diffs of the
 * first parent, then the other parents' diffs); MySQL and SQLite the whole model (`ddl`) after the
 * one snapshot no other follows (several are branches for drizzle-kit generate to merge first),
 * with SQLite's table renames (`from->to`) in `renames`. The changes are applied in
 * the migration's order, each to the model the one before left. Pure: snapshots in, snapshot or
 * the reason out.
 */
import type { SqlChange } from '@oto/core';
import { applyDeltas, KIT_DIALECTS } from './drizzle-kit-v1-ddl';
import type { KitDelta, KitRow, KitV1Dialect } from './drizzle-kit-v1-ddl';
import { changeDeltas } from './drizzle-kit-v1-changes';
import { footprintOf } from './drizzle-kit-v1-footprints';
import type { KitFootprint } from './drizzle-kit-v1-footprints';

/** A snapshot.json as read, by its folder, in folder-name order. */
export interface StoredSnapshot {
  readonly folder: string;
  readonly snapshot: Readonly<Record<string, unknown>>;
}

export type NextSnapshot = { readonly snapshot: Readonly<Record<string, unknown>> } | { readonly reason: string };

const ORIGIN = '00000000-0000-0000-0000-000000000000';
const isDialect = (value: unknown): value is KitV1Dialect => typeof value === 'string' && Object.hasOwn(KIT_DIALECTS, value);
const prevIdsOf = (s: StoredSnapshot['snapshot']) => (Array.isArray(s['prevIds']) ? (s['prevIds'] as unknown[]).filter((p): p is string => typeof p === 'string') : []);

/** The snapshots no other one follows, the last folder first (as drizzle-kit lists them). */
function leavesOf(stored: readonly StoredSnapshot[]): string[] {
  const parents = new Set(stored.flatMap((s) => prevIdsOf(s.snapshot)));
  return stored.map((s) => String(s.snapshot['id'])).filter((id) => !parents.has(id)).reverse();
}

/** PostgreSQL: the model after a snapshot, rebuilt from the base through the diffs (drizzle-kit's reconstruct). */
function reconstruct(byId: ReadonlyMap<string, StoredSnapshot>, order: readonly string[], id: string): KitRow[] | string {
  const history = (ids: readonly string[]) => {
    const found = new Set<string>();
    for (const stack = [...ids]; stack.length > 0; ) {
      const next = stack.pop()!;
      if (next === ORIGIN || found.has(next) || !byId.has(next)) continue;
      found.add(next);
      stack.push(...prevIdsOf(byId.get(next)!.snapshot));
    }
    return found;
  };
  const deltasOf = (s: StoredSnapshot) => (Array.isArray(s.snapshot['deltas']) ? (s.snapshot['deltas'] as KitDelta[]) : []);
  const otherParents = (rows: KitRow[], prevIds: readonly string[]) => {
    const first = history(prevIds.slice(0, 1));
    const rest = history(prevIds.slice(1));
    const ids = order.filter((o) => rest.has(o) && !first.has(o) && byId.get(o)!.snapshot['type'] === 'diff');
    return ids.reduce((acc, o) => applyDeltas('postgres', acc, deltasOf(byId.get(o)!)), rows);
  };
  const diffs: StoredSnapshot[] = [];
  let at = byId.get(id);
  while (at && at.snapshot['type'] === 'diff') {
    diffs.push(at);
    const parent = prevIdsOf(at.snapshot)[0] ?? ORIGIN;
    at = byId.get(parent);
    if (!at) return `the snapshot in ${diffs[diffs.length - 1]!.folder} follows ${parent}, which is not in the folder (drizzle-kit check says more)`;
  }
  if (!at || !Array.isArray(at.snapshot['ddl'])) return `the snapshots do not reach a base snapshot (drizzle-kit check says more)`;
  let rows = [...(at.snapshot['ddl'] as KitRow[])];
  for (const diff of diffs.reverse()) {
    const prevIds = prevIdsOf(diff.snapshot);
    if (prevIds.length > 1) rows = otherParents(rows, prevIds);
    rows = applyDeltas('postgres', rows, deltasOf(diff));
  }
  return rows;
}

/** What the changes make of the model: each change's deltas on the model the one before left, and (PostgreSQL) their footprints. */
type ChangesOn =
  | { readonly rows: readonly KitRow[]; readonly deltas: readonly KitDelta[]; readonly footprints: readonly KitFootprint[]; readonly renamedTables: readonly string[] }
  | { readonly reason: string; readonly change: SqlChange };

function changesOn(dialect: KitV1Dialect, rows: readonly KitRow[], changes: readonly SqlChange[]): ChangesOn {
  let state = [...rows];
  const deltas: KitDelta[] = [];
  const footprints: KitFootprint[] = [];
  const renamedTables: string[] = [];
  for (const change of changes) {
    const found = changeDeltas(dialect, state, change);
    if ('reason' in found) return { reason: found.reason, change };
    for (const delta of found.deltas) {
      if (dialect === 'postgres') footprints.push(footprintOf(delta, state));
      if (delta.op === 'rename' && delta.key.startsWith('tables\0')) renamedTables.push(`${change.table.name}->${String(delta.set['name'])}`);
      state = applyDeltas(dialect, state, [delta]);
      deltas.push(delta);
    }
  }
  return { rows: state, deltas, footprints, renamedTables };
}

/** The snapshot of oto's migration after the folder's, with a new id; or why it cannot be written. */
export function nextV1Snapshot(stored: readonly StoredSnapshot[], changes: readonly SqlChange[], id: string): NextSnapshot {
  const last = stored[stored.length - 1];
  if (!last) return { reason: 'it has no snapshot.json' };
  const dialect = last.snapshot['dialect'];
  if (!isDialect(dialect)) return { reason: `its snapshots are for ${String(dialect)}, and oto writes PostgreSQL, MySQL and SQLite ones only` };
  const { version } = KIT_DIALECTS[dialect];
  const other = stored.find((s) => s.snapshot['version'] !== version || s.snapshot['dialect'] !== dialect);
  if (other) {
    return { reason: `the snapshot in ${other.folder} is ${String(other.snapshot['dialect'])} version ${String(other.snapshot['version'])}, and oto writes drizzle-kit 1.0.0-rc.5's ${dialect} version ${version} (run drizzle-kit up)` };
  }
  const leaves = leavesOf(stored);
  if (leaves.length === 0) return { reason: 'its snapshots follow one another in a circle (drizzle-kit check says more)' };
  const byId = new Map(stored.map((s) => [String(s.snapshot['id']), s]));
  let rows: KitRow[];
  if (dialect === 'postgres') {
    // drizzle-kit's own walk, from a merge of the leaves: the first one's model, then the others' diffs.
    const merge: StoredSnapshot = { folder: '(oto)', snapshot: { type: 'diff', id, prevIds: leaves, deltas: [] } };
    const rebuilt = reconstruct(new Map([...byId, [id, merge]]), [...stored.map((s) => String(s.snapshot['id'])), id], id);
    if (typeof rebuilt === 'string') return { reason: rebuilt };
    rows = rebuilt;
  } else {
    if (leaves.length > 1) {
      const folders = leaves.map((l) => byId.get(l)!.folder).reverse();
      return { reason: `it has ${leaves.length} migrations no other follows (${folders.join(', ')}: branches merged in git), which drizzle-kit generate merges first` };
    }
    const leaf = byId.get(leaves[0]!)!.snapshot;
    rows = Array.isArray(leaf['ddl']) ? [...(leaf['ddl'] as KitRow[])] : [];
  }
  const after = changesOn(dialect, rows, changes);
  if ('reason' in after) return { reason: `${after.reason} (for the ${after.change.kind} of ${after.change.table.name})` };
  const header = { version, dialect, id, prevIds: leaves };
  if (dialect === 'postgres') return { snapshot: { type: 'diff', ...header, footprints: after.footprints, deltas: after.deltas } };
  const renames = dialect === 'sqlite' ? after.renamedTables : [];
  return { snapshot: { ...header, ddl: after.rows, renames } };
}
