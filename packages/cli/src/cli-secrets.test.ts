/**
 * No secret in any output: every URL form (userinfo password, percent-encoded, query parameters,
 * unparsable) × every output (the four report formats, stderr of an error, `generate sql` to stdout,
 * `--out` and `--into`) × every database kind (PostgreSQL server when OTO_TEST_PG_URL is set, MySQL/
 * MariaDB when OTO_TEST_MYSQL_URL is set, PGlite, SQLite) greps for the secret. And errors the user's
 * code throws (a schema module, a data source, a config; through the real bin, a rejection nobody
 * awaits and a throw from a timer) are shown redacted too.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { connect, createPglite } from '@oto/database';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { oto } from './testing/run-oto';
import { prismaUserProfile, TYPEORM_USER_PROFILE } from './testing/user-profile-sources';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const projects = tempProjects('cli-secrets');
const SECRET = 'S3cret-q7Zr';

type Provider = 'postgresql' | 'mysql' | 'sqlite';

/** The schema's tables without the unique on Profile.userId: a finding, and a change for `generate sql`. */
const TABLES: Record<Provider, string> = {
  postgresql: `CREATE TABLE "User" ("id" INTEGER NOT NULL PRIMARY KEY);
    CREATE TABLE "Profile" ("id" INTEGER NOT NULL PRIMARY KEY, "userId" INTEGER NOT NULL REFERENCES "User"("id") ON DELETE CASCADE);`,
  mysql: 'CREATE TABLE `User` (`id` INT NOT NULL PRIMARY KEY); CREATE TABLE `Profile` (`id` INT NOT NULL PRIMARY KEY, `userId` INT NOT NULL, INDEX (`userId`), FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE);',
  sqlite: `CREATE TABLE "User" ("id" INTEGER NOT NULL PRIMARY KEY);
    CREATE TABLE "Profile" ("id" INTEGER NOT NULL PRIMARY KEY, "userId" INTEGER NOT NULL REFERENCES "User"("id") ON DELETE CASCADE);`,
};

/** A URL and the secrets it holds, none of which may be shown. */
interface Form {
  readonly name: string;
  readonly url: string;
  readonly secrets: readonly string[];
  /** A wrong password the server may not check (trust authentication on 127.0.0.1): it may connect. */
  readonly mayConnect?: boolean;
}

/** A database of one kind holding TABLES: the URL forms that reach it, and forms that fail. */
interface Kind {
  readonly name: string;
  readonly provider: Provider;
  /** Only the URL forms that fail before reaching a server (OTO_TEST_PG_URL / OTO_TEST_MYSQL_URL not set). */
  readonly noServer?: boolean;
  open(): Promise<{ readonly reach: readonly Form[]; readonly fail: readonly Form[]; readonly busy?: Form; close(): Promise<void> }>;
}

const scratchName = (prefix: string) => `${prefix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const percentEncoded = (text: string) => [...Buffer.from(text)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** The forms of a server URL whose user and password are those of `admin`, on database/schema `target`. */
function serverForms(admin: string, place: (url: URL) => void): { reach: Form[]; fail: Form[] } {
  const base = new URL(admin);
  const password = decodeURIComponent(base.password);
  const user = decodeURIComponent(base.username);
  const secrets = [password, percentEncoded(password), base.password].filter((s) => s.length > 0);
  const at = (build: (url: URL) => void): string => {
    const url = new URL(admin);
    url.password = '';
    place(url);
    build(url);
    return url.toString();
  };
  const userinfo = at((u) => (u.password = base.password));
  const encoded = at((u) => (u.password = percentEncoded(password)));
  const scheme = base.protocol.replace(/:$/, '');
  const hostPort = `${base.hostname}:${base.port}`;
  return {
    reach: [
      { name: 'userinfo password', url: userinfo, secrets },
      { name: 'percent-encoded password', url: encoded, secrets },
      ...(scheme.startsWith('postgres') ? [{ name: 'password in the query', url: at((u) => u.searchParams.append('password', password)), secrets }] : []),
    ],
    fail: [
      { name: 'wrong password', url: at((u) => (u.password = SECRET)), secrets: [SECRET], mayConnect: true },
      { name: 'wrong password in the query, with a token', url: at((u) => {
          u.searchParams.append('password', SECRET);
          u.searchParams.append('sslkey', SECRET);
        }),
        secrets: [SECRET],
        mayConnect: true,
      },
      { name: 'unparsable (a slash in the password)', url: `${scheme}://${user}:Sl/ash${SECRET}@${hostPort}/oto`, secrets: [`Sl/ash${SECRET}`, SECRET] },
      { name: 'unparsable (a space, a bad host)', url: `${scheme}://${user}:My ${SECRET}@[bad/oto`, secrets: [`My ${SECRET}`, SECRET] },
      { name: 'refused, IPv6 host', url: `${scheme}://${user}:${SECRET}@[::1]:1/oto?password=${SECRET}`, secrets: [SECRET] },
      { name: 'refused, password and token in the query', url: `${scheme}://${user}@127.0.0.1:1/oto?password=${SECRET}&authToken=${SECRET}`, secrets: [SECRET] },
    ],
  };
}

const PG_URL = process.env['OTO_TEST_PG_URL'];
const MYSQL_URL = process.env['OTO_TEST_MYSQL_URL'];

/** Without a server, its URL forms that fail before reaching one still run. */
function withoutServer(name: string, provider: Provider, url: string): Kind {
  return { name: `${name} URL forms, no server`, provider, noServer: true, open: async () => ({ reach: [], fail: serverForms(url, () => undefined).fail, close: async () => undefined }) };
}

const KINDS: Kind[] = [
  ...(PG_URL ? [] : [withoutServer('PostgreSQL', 'postgresql', `postgresql://oto:${SECRET}@127.0.0.1:1/oto`)]),
  ...(MYSQL_URL ? [] : [withoutServer('MySQL', 'mysql', `mysql://oto:${SECRET}@127.0.0.1:1/oto`)]),
  ...(PG_URL
    ? [
        {
          name: 'PostgreSQL server',
          provider: 'postgresql' as const,
          async open() {
            const schemaName = scratchName('oto_secrets');
            const admin = await connect(PG_URL, { cwd: process.cwd() });
            await admin.exec(`CREATE SCHEMA ${schemaName}; SET search_path TO ${schemaName}; ${TABLES.postgresql}`);
            const forms = serverForms(PG_URL, (u) => u.searchParams.append('options', `-c search_path=${schemaName}`));
            return {
              ...forms,
              busy: forms.reach[2],
              async close() {
                await admin.exec(`DROP SCHEMA ${schemaName} CASCADE`);
                await admin.close();
              },
            };
          },
        },
      ]
    : []),
  ...(MYSQL_URL
    ? [
        {
          name: 'MySQL/MariaDB server',
          provider: 'mysql' as const,
          async open() {
            const database = scratchName('oto_secrets');
            const admin = await connect(MYSQL_URL, { cwd: process.cwd() });
            await admin.exec(`CREATE DATABASE \`${database}\`; USE \`${database}\`; ${TABLES.mysql}`);
            const forms = serverForms(MYSQL_URL, (u) => (u.pathname = `/${database}`));
            return {
              ...forms,
              busy: forms.reach[0],
              async close() {
                await admin.exec(`DROP DATABASE IF EXISTS \`${database}\``);
                await admin.close();
              },
            };
          },
        },
      ]
    : []),
  {
    name: 'PGlite',
    provider: 'postgresql',
    async open() {
      const dir = path.join(projects('pglite-data', { 'README.md': 'PGlite data below\n' }), 'data');
      const db = await createPglite(dir);
      await db.exec(TABLES.postgresql);
      await db.close();
      const reach = { name: 'token in the query', url: `pglite:${dir}?authToken=${SECRET}`, secrets: [SECRET] };
      return {
        reach: [reach],
        fail: [{ name: 'a file, not a data folder', url: `pglite:${path.join(dir, 'PG_VERSION')}?password=${SECRET}#${SECRET}`, secrets: [SECRET] }],
        busy: reach,
        close: async () => undefined,
      };
    },
  },
  {
    name: 'SQLite',
    provider: 'sqlite',
    async open() {
      const file = path.join(projects('sqlite-data', { 'README.md': 'SQLite file here\n' }), 'app.db');
      const db = new Database(file);
      db.exec(TABLES.sqlite);
      db.close();
      const reach = { name: 'sqlite: with a key in the query', url: `sqlite:${file}?key=${SECRET}`, secrets: [SECRET] };
      return {
        busy: reach,
        reach: [
          reach,
          { name: 'file: with a password in the query', url: `file:${file}?mode=ro&password=${SECRET}`, secrets: [SECRET] },
        ],
        fail: [
          { name: 'a missing file, a key in the query', url: `sqlite:${path.join(path.dirname(file), 'missing.db')}?key=${SECRET}`, secrets: [SECRET] },
          { name: 'an unknown kind with a password', url: `redis://u:${SECRET}@127.0.0.1:1/0?password=${SECRET}`, secrets: [SECRET] },
        ],
        close: async () => undefined,
      };
    },
  },
];

/** Everything a run printed or wrote: it must hold none of the secrets. */
function expectNoSecret(what: string, text: string, secrets: readonly string[]): void {
  for (const secret of secrets) if (text.includes(secret)) throw new Error(`${what} shows the secret ${JSON.stringify(secret)}:\n${text}`);
}

/** Every file under `dir`, with its text. */
function filesUnder(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile())
    .map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
}

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

describe.each(KINDS)('no secret in any output: $name', (kind) => {
  let db: Awaited<ReturnType<Kind['open']>>;
  beforeAll(async () => {
    db = await kind.open();
  }, 60_000);
  afterAll(() => db?.close());

  // A database to reach needs its server: without OTO_TEST_PG_URL / OTO_TEST_MYSQL_URL only the failing forms run.
  (kind.noServer ? it.skip : it)('reachable URL forms: the four report formats, and generate sql to stdout, --out and --into', async () => {
    expect(db.reach.length).toBeGreaterThan(0);
    for (const form of db.reach) {
      const dir = projects(`${kind.name.replace(/\W/g, '')}-${form.name.replace(/\W/g, '')}`, {
        'package.json': '{"oto":{"naming":"off"}}',
        'prisma/schema.prisma': prismaUserProfile(kind.provider),
        'prisma/migrations/migration_lock.toml': `provider = "${kind.provider}"\n`,
      });
      const check = ['check', '--prisma', 'prisma/schema.prisma', '--database-url', form.url];
      for (const format of FORMATS) {
        const run = await oto(dir, ...check, '--format', format);
        expectNoSecret(`${form.name}: check --format ${format}`, run.stdout + run.stderr, form.secrets);
        // The database was read: the unique it lacks is found.
        expect({ form: form.name, format, code: run.code, found: run.stdout.includes('database-unique-missing') }).toEqual({ form: form.name, format, code: 1, found: true });
        if (format === 'json') expect((JSON.parse(run.stdout) as { database: { label: string } }).database.label).not.toBe('');
      }
      const generate = ['generate', 'sql', '--prisma', 'prisma/schema.prisma', '--database-url', form.url];
      const stdout = await oto(dir, ...generate);
      expect(stdout.code).toBe(0);
      expectNoSecret(`${form.name}: generate sql`, stdout.stdout + stdout.stderr, form.secrets);
      // A file meant to be committed names no URL at all: the kind and where, or the file's name.
      expect(stdout.stdout).toMatch(/^-- Generated by oto from prisma schema and (PostgreSQL database at [^\s/]+:\d+\/\w+|MySQL\/MariaDB database at [^\s/]+:\d+\/\w+|PGlite database data|SQLite database app\.db): /);
      expect(stdout.stdout).not.toContain('://');

      const out = await oto(dir, ...generate, '--out', 'fix.sql');
      expect(out.code).toBe(0);
      const written = fs.readFileSync(path.join(dir, 'fix.sql'), 'utf8');
      expectNoSecret(`${form.name}: generate sql --out`, out.stdout + out.stderr + written, form.secrets);
      expect(written).not.toContain('://');

      const into = await oto(dir, ...generate, '--into', 'prisma/migrations');
      expect(into.code).toBe(0);
      const migrations = filesUnder(path.join(dir, 'prisma/migrations')).filter((f) => f.file.endsWith('migration.sql'));
      expect(migrations).toHaveLength(1);
      expectNoSecret(`${form.name}: generate sql --into`, into.stdout + into.stderr + migrations[0]!.text, form.secrets);
      expect(migrations[0]!.text).not.toContain('://');
    }
  }, 300_000); // PGlite starts once per run (7 runs): seconds each on a loaded machine

  it('URL forms that fail: one line on stderr, exit 2, no secret', async () => {
    const dir = projects(`${kind.name.replace(/\W/g, '')}-fail`, { 'package.json': '{"oto":{"naming":"off"}}', 'schema.prisma': prismaUserProfile(kind.provider) });
    for (const form of db.fail) {
      for (const command of [['check'], ['generate', 'sql']]) {
        const run = await oto(dir, ...command, '--database-url', form.url);
        expectNoSecret(`${form.name}: ${command.join(' ')}`, run.stdout + run.stderr, form.secrets);
        if (form.mayConnect && run.code !== 2) continue;
        expect({ form: form.name, code: run.code, lines: run.stderr.trimEnd().split('\n').length, stdout: run.stdout }).toEqual({ form: form.name, code: 2, lines: 1, stdout: '' });
      }
    }
    if (db.busy) {
      // Migrations are replayed only into an empty database: the refusal names it, redacted.
      fs.mkdirSync(path.join(dir, 'sql'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'sql', '1_init.sql'), TABLES[kind.provider]);
      const run = await oto(dir, 'check', '--migrations', 'sql', '--database-url', db.busy.url);
      expectNoSecret(`${db.busy.name}: replay into a database with tables`, run.stdout + run.stderr, db.busy.secrets);
      // The server's other schemas count too (other tests share it): the number is not this test's.
      expect(run.stderr).toMatch(/has \d+ table\(s\): migrations are replayed only into an empty scratch database/);
      expect(run.code).toBe(2);
    }
  }, 180_000);
});

describe('errors the user\'s code throws are shown redacted', () => {
  const leak = `postgresql://app:${SECRET}@db.internal:5432/app?sslmode=require&password=${SECRET}`;

  it('a Drizzle schema module that throws at import, with the URL it built', async () => {
    const drizzle = path.resolve(__dirname, '../../drizzle');
    const dir = projects('drizzle-throws', {
      'drizzle.config.ts': `export default { schema: './schema.ts', dialect: 'postgresql' };\n`,
      'schema.ts': `import { pgTable, serial } from 'drizzle-orm/pg-core';\nexport const users = pgTable('app_user', { id: serial('id').primaryKey() });\nthrow new Error(${JSON.stringify(`cannot reach ${leak}, config {"password":"${SECRET}"}`)});\n`,
    }, { 'drizzle-orm': installed('drizzle-orm', drizzle) });
    const run = await oto(dir, 'check');
    expectNoSecret('drizzle schema error', run.stdout + run.stderr, [SECRET]);
    expect(run.stderr).toContain('cannot reach postgresql://app:***@db.internal:5432/app?sslmode=require&password=***, config {"password":"***"}');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.code).toBe(2);
  }, 60_000);

  it('a TypeORM data source exported as a promise that rejects', async () => {
    const dir = projects('typeorm-rejects', {
      'data-source.ts': `export default Promise.reject(new Error(${JSON.stringify(`connect ECONNREFUSED ${leak}`)}));\n`,
    }, { typeorm: installed('typeorm', path.resolve(__dirname, '../../typeorm')) });
    const run = await oto(dir, 'check', '--typeorm', 'data-source.ts');
    expectNoSecret('typeorm data source error', run.stdout + run.stderr, [SECRET]);
    expect(run.stderr).toContain('postgresql://app:***@db.internal:5432/app?sslmode=require&password=***');
    expect(run.code).toBe(2);
  }, 60_000);

  it.each([
    ['a rejected promise nobody awaits', `Promise.reject(new Error(${JSON.stringify(`cannot reach ${leak}`)}));`],
    ['a throw from a timer', `setTimeout(() => { throw new Error(${JSON.stringify(`cannot reach ${leak}`)}); }, 0);`],
  ])('through the real bin (packages/cli/dist): %s in a schema module', async (_, code) => {
    const dir = projects(`bin-${code.slice(0, 10).replace(/\W/g, '')}`, {
      'schema.ts': `import { pgTable, serial } from 'drizzle-orm/pg-core';\nexport const users = pgTable('app_user', { id: serial('id').primaryKey() });\n${code}\n`,
    }, { 'drizzle-orm': installed('drizzle-orm', path.resolve(__dirname, '../../drizzle')) });
    const run = spawnSync(process.execPath, [path.resolve(__dirname, '../dist/bin.js'), 'check', '--drizzle', 'schema.ts'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expectNoSecret('bin, user code', run.stdout + run.stderr, [SECRET]);
    expect(run.stderr).toContain('cannot reach postgresql://app:***@db.internal:5432/app?sslmode=require&password=***');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.status).toBe(2);
  }, 180_000);

  it('an oto config that throws', async () => {
    const dir = projects('config-throws', {
      'oto.config.js': `throw new Error(${JSON.stringify(`no env: DATABASE_URL=${leak} PGPASSWORD=${SECRET}`)});\n`,
      'schema.prisma': prismaUserProfile('postgresql'),
    });
    const run = await oto(dir, 'check');
    expectNoSecret('config error', run.stdout + run.stderr, [SECRET]);
    expect(run.stderr).toContain('PGPASSWORD=***');
    expect(run.code).toBe(2);
  }, 60_000);
});

describe("a SQLite URL's query is no part of the file's path", () => {
  /** Creates the tables without TypeORM's REL_ unique on profile.user_id. */
  const MIGRATION = `import type { MigrationInterface, QueryRunner } from 'typeorm';
export class Init1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE app_user (id integer PRIMARY KEY)');
    await runner.query('CREATE TABLE profile (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES app_user (id))');
  }
  async down(): Promise<void> {}
}
`;

  it('a TypeORM replay into sqlite:<file>?key=… runs in that file, as oto reads it, and shows no key', async () => {
    const dir = projects('typeorm-sqlite-query', {
      'package.json': '{"oto":{"naming":"off"}}',
      'entities.ts': TYPEORM_USER_PROFILE,
      'data-source.ts': `import { DataSource } from 'typeorm';\nimport { Profile, User } from './entities';\nexport default new DataSource({ type: 'better-sqlite3', database: 'app.db', entities: [User, Profile] });\n`,
      'migrations/1700000000000-init.ts': MIGRATION,
    }, {
      typeorm: installed('typeorm', path.resolve(__dirname, '../../typeorm')),
      'better-sqlite3': installed('better-sqlite3', path.resolve(__dirname, '../../database')),
    });
    new Database(path.join(dir, 'scratch.db')).close();
    const run = await oto(dir, 'check', '--typeorm', 'data-source.ts', '--migrations', 'migrations', '--database-url', `sqlite:scratch.db?key=${SECRET}`, '--format', 'json');
    expectNoSecret('TypeORM replay into SQLite', run.stdout + run.stderr, [SECRET]);
    const report = JSON.parse(run.stdout) as { database: { kind: string }; diagnostics: { ruleId: string }[] };
    expect(report.database.kind).toBe('migrations');
    expect(report.diagnostics.map((d) => d.ruleId)).toContain('database-unique-missing');
    // TypeORM migrated the file oto read, not a file named after the whole URL.
    expect(fs.readdirSync(dir).filter((f) => f.includes('?') || f.includes(SECRET))).toEqual([]);
    const tables = new Database(path.join(dir, 'scratch.db'), { readonly: true }).prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('app_user', 'profile') ORDER BY name").all();
    expect(tables).toEqual([{ name: 'app_user' }, { name: 'profile' }]);
  }, 120_000);
});
