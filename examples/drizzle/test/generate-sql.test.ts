/**
 * `oto generate sql --into` the example's drizzle-kit folder (a copy): a custom migration with its
 * journal entry and snapshot (the previous one with the unique it adds), that drizzle's own
 * migrator applies; on duplicate keys it stops before any change; once applied, the database has
 * what the SQL fixes and a second plan is empty.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPglite } from '@oto/database';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { tempProjects } from '../../../packages/core/src/testing/temp-projects';
import { oto } from '../../../packages/cli/src/testing/run-oto';
import * as schema from '../src/pg/schema';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..');
const projects = tempProjects('example-drizzle-sql');

/** The findings a migration fixes: the database's and the migrations'. */
const databaseFindings = (stdout: string) =>
  (JSON.parse(stdout) as { diagnostics: { ruleId: string; location: { entity?: string } }[] }).diagnostics
    .filter((d) => d.ruleId.startsWith('database-') || d.ruleId.startsWith('migration-') || d.ruleId === 'one-to-one-unique')
    .map((d) => `${d.ruleId} ${d.location.entity}`);

async function migrateFrom(data: string, folder: string): Promise<void> {
  const client = await createPglite(data);
  try {
    await migrate(drizzle({ client, schema }), { migrationsFolder: folder });
  } finally {
    await client.close();
  }
}

describe('examples/drizzle: oto generate sql --into migrations/pg', () => {
  it('writes a custom migration drizzle applies; it stops on duplicate keys; then the database is fixed', async () => {
    const dir = projects('round-trip', {});
    const folder = path.join(dir, 'pg');
    fs.cpSync(path.join(root, 'migrations/pg'), folder, { recursive: true });

    const before = await oto(root, 'check', '--migrations', folder, '--format', 'json');
    expect(databaseFindings(before.stdout)).toEqual(['one-to-one-unique passports', 'migration-drops-one-to-one-unique cars']);

    const written = await oto(root, 'generate', 'sql', '--migrations', folder, '--into', folder);
    expect(written.code).toBe(0);
    expect(written.stdout.split('\n').filter(Boolean).map((line) => path.relative(dir, line.replace(/^oto: wrote /, '')))).toEqual([
      'pg/0002_oto_one_to_one.sql',
      'pg/meta/0002_snapshot.json',
      'pg/meta/_journal.json',
    ]);
    const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string; breakpoints: boolean }[] };
    expect(journal.entries.map((e) => e.tag)).toEqual(['0000_init', '0001_drop_car_unique', '0002_oto_one_to_one']);
    type Snapshot = { id: string; prevId: string; tables: Record<string, { uniqueConstraints: Record<string, unknown> }> };
    const snapshot = (n: string) => JSON.parse(fs.readFileSync(path.join(folder, `meta/${n}_snapshot.json`), 'utf8')) as Snapshot;
    // The previous snapshot with what the migration adds, as drizzle-kit writes it once the schema
    // has it (oto_car's unique is in the schema, and so in the snapshot, already).
    const previous = snapshot('0001');
    const passport = previous.tables['public.oto_passport']!;
    const unique = { name: 'oto_passport_user_id_key', nullsNotDistinct: false, columns: ['user_id'] };
    expect(snapshot('0002')).toEqual({
      ...previous,
      id: expect.any(String),
      prevId: previous.id,
      tables: { ...previous.tables, 'public.oto_passport': { ...passport, uniqueConstraints: { ...passport.uniqueConstraints, oto_passport_user_id_key: unique } } },
    });
    // drizzle runs the file in its own transaction: no BEGIN/COMMIT, statements split at its breakpoints.
    const migration = fs.readFileSync(path.join(folder, '0002_oto_one_to_one.sql'), 'utf8');
    expect(migration).not.toMatch(/^(BEGIN|COMMIT);$/m);
    expect(migration.split('--> statement-breakpoint')).toHaveLength(3);

    // The app's database, migrated before: a driver with two cars since 0001 dropped the unique.
    const data = path.join(dir, 'data');
    await migrateFrom(data, path.join(root, 'migrations/pg'));
    const seed = await createPglite(data);
    await seed.exec(`INSERT INTO app_user (id, email) VALUES (1, 'a@example.com'); INSERT INTO driver (id) VALUES (7);
      INSERT INTO oto_car (id, driver_id) VALUES (1, 7), (2, 7);`);
    await seed.close();

    // drizzle wraps the database's error in its own "Failed query" error.
    const stopped = await migrateFrom(data, folder).then(() => undefined, (e: unknown) => e as Error & { cause?: Error });
    expect(stopped?.cause?.message).toBe('oto: nothing was changed, the data would break the migration:\n  duplicate keys in oto_car(driver_id): (7) 2 rows');
    const unchanged = await oto(root, 'check', '--database-url', `pglite:${data}`, '--format', 'json');
    expect(databaseFindings(unchanged.stdout)).toEqual(['one-to-one-unique passports', 'database-unique-missing cars', 'database-duplicates cars']);

    const fix = await createPglite(data);
    await fix.exec('DELETE FROM oto_car WHERE id = 2');
    await fix.close();
    await migrateFrom(data, folder);

    // The unique of passports is in the database now; the schema still lacks it (that is `oto fix`'s).
    const after = await oto(root, 'check', '--database-url', `pglite:${data}`, '--format', 'json');
    expect(databaseFindings(after.stdout)).toEqual(['one-to-one-unique passports']);
    const again = await oto(root, 'generate', 'sql', '--database-url', `pglite:${data}`);
    expect(again.stdout).toContain('-- Nothing to change: no finding has a fix this SQL can make.');
  }, 120_000);
});
