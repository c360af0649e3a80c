/**
 * `oto generate sql --into` a drizzle-kit 1.0 migrations folder: `<timestamp>_oto_one_to_one/`
 * with its `migration.sql` and a `snapshot.json` of drizzle-kit 1.0's "diff" kind after the last
 * one (its `prevIds`): the migration's changes as the deltas drizzle-kit itself writes, with their
 * footprints (what drizzle-kit's commutativity check reads), so that after `oto fix` the next
 * `drizzle-kit generate` finds no change. Written for what drizzle-kit 1.0.0-rc.5 writes for
 * PostgreSQL UNIQUE constraints; any other change, or another dialect, is refused in one line.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shownPath, UserError, writeNewFile } from '@oto/core';
import type { SqlChange } from '@oto/core';

const NAME = 'oto_one_to_one';

/** drizzle-kit 1.0's layout: `<timestamp>_<name>/migration.sql` beside `snapshot.json`, no journal. */
export function isDrizzleKitV1Folder(into: string): boolean {
  if (fs.existsSync(path.join(into, 'meta', '_journal.json')) || !fs.existsSync(into)) return false;
  return fs.readdirSync(into, { withFileTypes: true }).some((e) => e.isDirectory() && fs.existsSync(path.join(into, e.name, 'snapshot.json')));
}

/** `20261201091950`: drizzle-kit 1.0's folder timestamp (UTC). */
const stamp = (now: Date) => now.toISOString().replace(/[-:T]/g, '').slice(0, 14);

function refuse(into: string, cwd: string, why: string): never {
  throw new UserError(`${shownPath(cwd, into)}: a drizzle-kit 1.0 migrations folder: --into writes only PostgreSQL UNIQUE constraints there (${why}): write the SQL with --out, or run oto fix and then drizzle-kit generate`);
}

export function writeDrizzleKitV1(into: string, body: string, now: Date, cwd: string, changes: readonly SqlChange[]): string[] {
  const folders = fs
    .readdirSync(into, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(into, e.name, 'snapshot.json')))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const last = folders[folders.length - 1]!;
  const lastFile = path.join(into, last, 'snapshot.json');
  let previous: { id?: unknown; dialect?: unknown };
  try {
    previous = JSON.parse(fs.readFileSync(lastFile, 'utf8')) as typeof previous;
  } catch (error) {
    throw new UserError(`${shownPath(cwd, lastFile)}: not a drizzle-kit snapshot (${(error as Error).message}): regenerate it with drizzle-kit generate`);
  }
  if (previous.dialect !== 'postgres') refuse(into, cwd, `this folder is for ${String(previous.dialect)}`);
  if (typeof previous.id !== 'string') throw new UserError(`${shownPath(cwd, lastFile)}: not a drizzle-kit snapshot (no "id"): regenerate it with drizzle-kit generate`);
  const deltas: unknown[] = [];
  const footprints: unknown[] = [];
  for (const change of changes) {
    if (change.kind !== 'add-unique' || change.keyKind !== 'constraint') refuse(into, cwd, `not ${change.kind === 'add-unique' ? 'a unique index' : change.kind}`);
    const schema = change.table.schema ?? 'public';
    const table = change.table.name;
    const key = `${schema}.${table}.${change.name}`;
    deltas.push({
      op: 'create',
      row: { schema, table, name: change.name, nameExplicit: change.name !== `${table}_${change.columns.join('_')}_key`, columns: [...change.columns], nullsNotDistinct: false, entityType: 'uniques' },
    });
    footprints.push({
      statementType: 'add_unique',
      statementTarget: ['table', schema, table],
      writes: [`s|uq|${key}`, `n|uq|${key}`, `e|uq|${key}`, `n|con|${key}`, `n|rel|${schema}.${change.name}`],
      reads: [`n|tbl|${schema}.${table}`, `n|sch|${schema}`, ...change.columns.map((c) => `n|col|${schema}.${table}.${c}`)],
    });
  }
  const folder = path.join(into, `${stamp(now)}_${NAME}`);
  if (folders.some((f) => f.localeCompare(path.basename(folder), 'en', { numeric: true }) >= 0)) {
    throw new UserError(`${shownPath(cwd, folder)}: the folder's last migration ${last} is not older: check the clock, then run again`);
  }
  const file = path.join(folder, 'migration.sql');
  writeNewFile(file, body, shownPath(cwd, file));
  const snapshot = path.join(folder, 'snapshot.json');
  const next = { type: 'diff', version: '9', dialect: 'postgres', id: randomUUID(), prevIds: [previous.id], footprints, deltas };
  writeNewFile(snapshot, `${JSON.stringify(next, null, 2)}\n`, shownPath(cwd, snapshot));
  return [file, snapshot];
}
