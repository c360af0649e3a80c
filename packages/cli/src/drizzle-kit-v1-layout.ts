/**
 * `oto generate sql --into` a drizzle-kit 1.0 migrations folder: `<timestamp>_oto_one_to_one/`
 * with its `migration.sql` and the `snapshot.json` drizzle-kit 1.0 writes after the folder's last
 * migration, holding what the migration changes (drizzle-kit-v1-snapshot.ts: PostgreSQL a "diff"
 * with drizzle-kit's deltas and their footprints, MySQL and SQLite the whole model), so that after
 * `oto fix` the next `drizzle-kit generate` finds no change and `drizzle-kit check` passes. Every
 * change oto writes is written for the three dialects; a folder the snapshot cannot be built from
 * (another dialect or snapshot version, a table or key its snapshots lack, unmerged branches on
 * MySQL or SQLite) is refused in one line naming it, before anything is written. The I/O of it:
 * the folder read, the two files written.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shownPath, UserError, writeNewFile } from '@oto/core';
import type { SqlChange } from '@oto/core';
import { nextV1Snapshot } from './drizzle-kit-v1-snapshot';
import type { StoredSnapshot } from './drizzle-kit-v1-snapshot';

const NAME = 'oto_one_to_one';

const snapshotFolders = (into: string) =>
  fs
    .readdirSync(into, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(into, e.name, 'snapshot.json')))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

/** drizzle-kit 1.0's layout: `<timestamp>_<name>/migration.sql` beside `snapshot.json`, no journal. */
export function isDrizzleKitV1Folder(into: string): boolean {
  if (fs.existsSync(path.join(into, 'meta', '_journal.json')) || !fs.existsSync(into)) return false;
  return snapshotFolders(into).length > 0;
}

/** `20261201091950`: drizzle-kit 1.0's folder timestamp (UTC). */
const stamp = (now: Date) => now.toISOString().replace(/[-:T]/g, '').slice(0, 14);

function readSnapshots(into: string, cwd: string): StoredSnapshot[] {
  return snapshotFolders(into).map((folder) => {
    const file = path.join(into, folder, 'snapshot.json');
    try {
      const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
      if (typeof snapshot !== 'object' || snapshot === null || typeof (snapshot as { id?: unknown }).id !== 'string') throw new Error('no "id"');
      return { folder, snapshot: snapshot as StoredSnapshot['snapshot'] };
    } catch (error) {
      throw new UserError(`${shownPath(cwd, file)}: not a drizzle-kit snapshot (${(error as Error).message}): restore it from git, or regenerate the folder with drizzle-kit generate`);
    }
  });
}

export function writeDrizzleKitV1(into: string, body: string, now: Date, cwd: string, changes: readonly SqlChange[]): string[] {
  const stored = readSnapshots(into, cwd);
  const next = nextV1Snapshot(stored, changes, randomUUID());
  if ('reason' in next) {
    throw new UserError(`${shownPath(cwd, into)}: oto cannot write its migration into this drizzle-kit 1.0 folder: ${next.reason}: write the SQL with --out, or run oto fix and then drizzle-kit generate`);
  }
  const folder = path.join(into, `${stamp(now)}_${NAME}`);
  const last = stored[stored.length - 1]!.folder;
  if (last.localeCompare(path.basename(folder), 'en', { numeric: true }) >= 0) {
    throw new UserError(`${shownPath(cwd, folder)}: the folder's last migration ${last} is not older: check the clock, then run again`);
  }
  const file = path.join(folder, 'migration.sql');
  writeNewFile(file, body, shownPath(cwd, file));
  const snapshot = path.join(folder, 'snapshot.json');
  writeNewFile(snapshot, `${JSON.stringify(next.snapshot, null, 2)}\n`, shownPath(cwd, snapshot));
  return [file, snapshot];
}
