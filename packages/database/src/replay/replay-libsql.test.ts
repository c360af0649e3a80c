/**
 * libSQL/Turso: drizzle's `turso` dialect writes libSQL syntax (`ALTER TABLE … ALTER COLUMN … TO …`)
 * that plain SQLite rejects, so its migrations replay on an in-memory libSQL; `libsql:` URLs are
 * read live with the SQLite catalog queries over a libSQL client.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempProjects } from '../../../core/src/testing/temp-projects';
import { libsqlClient } from '../clients/libsql';
import { connect, parseDatabaseUrl } from '../connect';
import { introspect } from '../introspect/introspect';
import { readMigrationFolder } from './migration-folder';
import { replayMigrationFolder } from './replay-folder';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const projects = tempProjects('replay-libsql');

const journal = (dialect: string, tags: string[]) =>
  JSON.stringify({ version: '7', dialect, entries: tags.map((tag, idx) => ({ idx, version: '6', when: 1700000000000 + idx, tag, breakpoints: true })) });

const INIT = `CREATE TABLE \`users\` (
\t\`id\` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE \`profiles\` (
\t\`id\` integer PRIMARY KEY NOT NULL,
\t\`user_id\` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX \`profiles_user_id_unique\` ON \`profiles\` (\`user_id\`);`;
/** What drizzle-kit generate writes for turso when the column gains NOT NULL and a reference. */
const ALTER = 'ALTER TABLE `profiles` ALTER COLUMN "user_id" TO "user_id" integer NOT NULL REFERENCES users(id) ON DELETE cascade ON UPDATE no action;';

const turso = (name: string, dialect = 'turso') => {
  const dir = projects(name, {
    'drizzle/meta/_journal.json': journal(dialect, ['0000_init', '0001_not_null']),
    'drizzle/0000_init.sql': INIT,
    'drizzle/0001_not_null.sql': ALTER,
  });
  return { dir, folder: readMigrationFolder(path.join(dir, 'drizzle'), 'drizzle') };
};

describe('drizzle turso migrations', () => {
  it('replay on in-memory libSQL: ALTER COLUMN … TO gives the column NOT NULL and its foreign key', async () => {
    const { dir, folder } = turso('turso');
    expect(folder).toMatchObject({ dialect: 'sqlite', engine: 'libsql' });
    const facts = await replayMigrationFolder(folder, { schemaDialect: 'sqlite', label: 'drizzle', cwd: dir });
    const profiles = facts.model.tables.find((t) => t.name === 'profiles')!;
    expect(profiles.columns.find((c) => c.name === 'user_id')).toMatchObject({ nullable: false });
    expect(profiles.foreignKeys.map((fk) => [fk.columns, fk.referencedTable, fk.onDelete])).toEqual([[['user_id'], 'users', 'cascade']]);
    expect(profiles.uniques.map((u) => [u.name, u.columns])).toEqual([['profiles_user_id_unique', ['user_id']]]);
  }, 60_000);

  it('plain SQLite rejects that syntax (why a sqlite journal is not replayed on libSQL by chance)', async () => {
    const { dir, folder } = turso('sqlite', 'sqlite');
    expect(folder.engine).toBeUndefined();
    await expect(replayMigrationFolder(folder, { schemaDialect: 'sqlite', label: 'drizzle', cwd: dir })).rejects.toThrow(
      /^drizzle: migration 0001_not_null fails on in-memory SQLite: near "TO": syntax error/,
    );
  }, 60_000);
});

describe('libsql: URLs', () => {
  it('reads a local libSQL file with the SQLite catalog queries', async () => {
    const dir = projects('live', {});
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'app.db');
    const writer = await libsqlClient(`file:${file}`, 'app.db');
    await writer.exec('CREATE TABLE users (id integer PRIMARY KEY); CREATE TABLE profiles (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES users(id), UNIQUE (user_id));');
    await writer.close();
    for (const url of ['libsql:app.db', `libsql:file:${file}`]) {
      const client = await connect(url, { cwd: dir });
      try {
        expect(client.label).toBe('app.db');
        const { model } = await introspect(client);
        const profiles = model.tables.find((t) => t.name === 'profiles')!;
        expect(profiles.uniques.map((u) => u.columns)).toEqual([['user_id']]);
        expect(profiles.foreignKeys.map((fk) => fk.referencedTable)).toEqual(['users']);
      } finally {
        await client.close();
      }
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['app.db']);
  }, 60_000);

  it('a missing local file: one line, and nothing created', async () => {
    const dir = projects('missing', {});
    fs.mkdirSync(dir, { recursive: true });
    await expect(connect('libsql:none.db', { cwd: dir })).rejects.toThrow(/^libSQL database none\.db not found: check the path in --database-url$/);
    expect(fs.existsSync(path.join(dir, 'none.db'))).toBe(false);
  });

  it('a Turso URL is named by its host only: the auth token is never shown', () => {
    expect(parseDatabaseUrl('libsql://app-org.turso.io?authToken=eyJsecret', '/')).toEqual({
      kind: 'libsql',
      url: 'libsql://app-org.turso.io?authToken=eyJsecret',
      where: 'libsql://app-org.turso.io',
    });
  });
});
