/**
 * `oto generate sql --into` a migrations folder as a TypeORM migration class, built CONCURRENTLY:
 * the app's own DataSource runs it after its migrations (each in its own transaction, this one
 * outside any, as the class asks),
 * the database then has what the SQL fixes and a second plan is empty; its `down` undoes it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import type { DataSourceOptions, MigrationInterface } from 'typeorm';
import { openReplayTarget } from '@oto/database';
import { tempProjects } from '../../../packages/core/src/testing/temp-projects';
import { oto } from '../../../packages/cli/src/testing/run-oto';
import { AppDataSource } from '../src/data-source';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..');
const projects = tempProjects('example-typeorm-sql');
const SOURCE = ['--typeorm', 'src/data-source.ts'];

const databaseFindings = (stdout: string) =>
  (JSON.parse(stdout) as { diagnostics: { ruleId: string; location: { entity?: string } }[] }).diagnostics
    .filter((d) => d.ruleId.startsWith('database-') || d.ruleId.startsWith('migration-') || d.ruleId === 'one-to-one-unique')
    .map((d) => `${d.ruleId} ${d.location.entity}`);

describe('examples/typeorm: oto generate sql --into, a migration class', () => {
  it('the app runs it after its own migrations; the database is then fixed; down undoes it', async () => {
    const into = projects('migrations', {});
    fs.mkdirSync(into);
    const written = await oto(root, 'generate', 'sql', ...SOURCE, '--migrations', 'src/migration', '--into', into, '--concurrently');
    expect(written.stderr).toMatch(/\noto: the migration runs outside a transaction \(CONCURRENTLY\): run it with `typeorm migration:run --transaction each`\noto: 2 changes\n$/);
    expect(written.code).toBe(0);
    const [, file] = /^oto: wrote (.*-OtoOneToOne\.ts)\n$/.exec(written.stdout) ?? [];
    const text = fs.readFileSync(path.resolve(root, file!), 'utf8');
    expect(text).toContain('transaction = false as const;');
    expect(text).toContain('CREATE UNIQUE INDEX CONCURRENTLY \\"oto_car_driver_id_key\\" ON \\"oto_car\\" (\\"driver_id\\")');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the class oto wrote, loaded as TypeORM loads a migration
    const migration = Object.values(require(path.resolve(root, file!)) as Record<string, new () => MigrationInterface>)[0]!;

    const target = await openReplayTarget({ dialect: 'postgresql', cwd: root });
    const url = await target.url();
    const withMigration = async (run: (db: DataSource) => Promise<unknown>) => {
      const db = new DataSource({ ...AppDataSource.options, url, poolSize: 1, migrations: [...(AppDataSource.options.migrations as string[]), migration] } as DataSourceOptions);
      await db.initialize();
      try {
        await run(db);
      } finally {
        await db.destroy();
      }
    };
    const check = async () => databaseFindings((await oto(root, 'check', ...SOURCE, '--database-url', url, '--format', 'json')).stdout);
    try {
      await withMigration(async (db) => expect((await db.runMigrations({ transaction: 'each' })).map((m) => m.name)).toEqual(['Init1700000000000', migration.name]));
      // The unique of Passport is in the database now; the entity still lacks it (that is `oto fix`'s).
      expect(await check()).toEqual(['one-to-one-unique Passport']);
      const again = await oto(root, 'generate', 'sql', ...SOURCE, '--database-url', url);
      expect(again.stdout).toContain('-- Nothing to change: no finding has a fix this SQL can make.');

      await withMigration((db) => db.undoLastMigration({ transaction: 'each' }));
      expect(await check()).toEqual(['one-to-one-unique Passport', 'database-unique-missing Car']);
    } finally {
      await target.close();
    }
  }, 300_000);
});
