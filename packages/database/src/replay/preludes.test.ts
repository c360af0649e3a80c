/**
 * `replay.prelude`: shipped preludes by name, .sql files relative to the config's folder, the advice
 * when a migration fails on an object Supabase creates, and the Supabase prelude on a real server.
 */
import * as path from 'node:path';
import { tempProjects } from '../../../core/src/testing/temp-projects';
import { connect } from '../connect';
import { readMigrationFolder } from './migration-folder';
import { preludeAdvice, readPreludes, SHIPPED_PRELUDES } from './preludes';
import { replayMigrationFolder } from './replay-folder';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const projects = tempProjects('preludes');

describe('readPreludes', () => {
  it('reads shipped preludes by name and files relative to the config folder, in order', () => {
    const dir = projects('read', { 'config/db/roles.sql': 'CREATE ROLE x;' });
    const preludes = readPreludes(['supabase', 'db/roles.sql'], { baseDir: path.join(dir, 'config'), cwd: dir, configLabel: 'oto.config.json' });
    expect(preludes).toEqual([
      { label: 'prelude supabase', sql: SHIPPED_PRELUDES['supabase'] },
      { label: 'prelude config/db/roles.sql', sql: 'CREATE ROLE x;' },
    ]);
  });
});

describe('preludeAdvice', () => {
  const supabase = [{ label: 'prelude supabase', sql: '' }];
  it.each([
    ['schema "auth" does not exist', true],
    ['relation "auth.users" does not exist', true],
    ['function auth.uid() does not exist', true],
    ['role "authenticated" does not exist', true],
    ['role "service_role" does not exist', true],
    ['schema "storage" does not exist', true],
    ['relation "users" does not exist', false],
    ['role "app_reader" does not exist', false],
  ])('%s: advice %s', (message, advised) => {
    expect(preludeAdvice(message, []) !== '').toBe(advised);
    expect(preludeAdvice(message, supabase)).toBe('');
  });
});

const PG_URL = process.env['OTO_TEST_PG_URL'];

(PG_URL ? describe : describe.skip)('the supabase prelude on a PostgreSQL server (OTO_TEST_PG_URL)', () => {
  const database = 'oto_replay_d_supabase';
  const scratch = () => {
    const url = new URL(PG_URL!);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const admin = async (...statements: string[]) => {
    const client = await connect(PG_URL!, { cwd: process.cwd() });
    try {
      for (const sql of statements) await client.exec(sql);
    } finally {
      await client.close();
    }
  };
  beforeAll(() => admin(`DROP DATABASE IF EXISTS ${database}`, `CREATE DATABASE ${database}`), 60_000);
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${database}`), 60_000);

  it('runs before the migrations (and again: it is idempotent, the roles outlive the database)', async () => {
    const dir = projects('server', {
      'migrations/001_profiles.sql': `create table public.profiles (id uuid not null references auth.users on delete cascade, primary key (id));
alter table public.profiles enable row level security;
create policy "own" on public.profiles for select to authenticated using (auth.uid() = id);
alter publication supabase_realtime add table public.profiles;`,
    });
    const folder = readMigrationFolder(path.join(dir, 'migrations'), 'migrations');
    const preludes = readPreludes(['supabase'], { baseDir: dir, cwd: dir, configLabel: 'config' });
    const facts = await replayMigrationFolder(folder, { schemaDialect: 'postgresql', label: 'migrations', cwd: dir, databaseUrl: scratch(), preludes });
    const profiles = facts.model.tables.find((t) => t.name === 'profiles' && (t.schema ?? 'public') === 'public')!;
    expect(profiles.foreignKeys.map((fk) => [fk.referencedSchema, fk.referencedTable, fk.onDelete])).toEqual([['auth', 'users', 'cascade']]);
    await admin(`DROP DATABASE ${database}`, `CREATE DATABASE ${database}`);
    await expect(replayMigrationFolder(folder, { schemaDialect: 'postgresql', label: 'migrations', cwd: dir, databaseUrl: scratch(), preludes })).resolves.toBeDefined();
  }, 180_000);
});
