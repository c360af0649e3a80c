/**
 * Extensions in replayed migrations: every extension the installed PGlite ships is loaded when a
 * migration creates it; pgvector, which PGlite 0.5 lacks, is replayed through its shim with one
 * warning; a server given with --database-url runs the migrations unchanged.
 */
import { tempProjects } from '../../../core/src/testing/temp-projects';
import { shippedExtensions } from '../clients/pglite-extensions';
import { connect } from '../connect';
import { COMMON_EXTENSIONS, createPglite } from '../clients/pglite';
import { createdExtensions, extensionsCreatedBy } from './embedded-extensions';
import { readMigrationFolder } from './migration-folder';
import { replayMigrationFolder } from './replay-folder';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const projects = tempProjects('replay-extensions');
const LOCK = 'provider = "postgresql"\n';

/** A Prisma folder: a document table with a pgvector embedding, a one-to-one owner, a cube column. */
const INIT = `CREATE EXTENSION IF NOT EXISTS "vector";
CREATE EXTENSION IF NOT EXISTS cube;
CREATE TABLE "Owner" ("id" SERIAL NOT NULL, CONSTRAINT "Owner_pkey" PRIMARY KEY ("id"));
CREATE TABLE "Doc" ("id" SERIAL NOT NULL, "ownerId" INTEGER NOT NULL, "embedding" vector(3), "box" cube, CONSTRAINT "Doc_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "Doc_ownerId_key" ON "Doc"("ownerId");
CREATE INDEX "Doc_embedding_idx" ON "Doc" USING hnsw ("embedding" vector_cosine_ops);
ALTER TABLE "Doc" ADD CONSTRAINT "Doc_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Owner"("id") ON DELETE CASCADE ON UPDATE CASCADE;
`;
/** Supabase's match function: LANGUAGE sql bodies are checked at creation, `<=>` is pgvector's. */
const MATCH = `create or replace function match_docs(query vector(3), n int) returns setof "Doc" language sql stable as $$
  select * from "Doc" order by "embedding" <=> query limit n;
$$;
`;

const folder = (name: string, files: Record<string, string>) => {
  const dir = projects(name, files);
  return { dir, folder: readMigrationFolder(`${dir}/migrations`, 'migrations') };
};

describe('extensions on embedded PGlite', () => {
  it('knows what the installed PGlite ships, and what a migration creates', () => {
    const shipped = shippedExtensions();
    for (const name of ['uuid-ossp', 'cube', 'pg_trgm', 'isn', 'seg']) expect(shipped.has(name)).toBe(true);
    expect(shipped.has('vector')).toBe(false);
    expect(createdExtensions('create extension if not exists "uuid-ossp"; CREATE EXTENSION Cube WITH SCHEMA public;')).toEqual(['uuid-ossp', 'cube']);
    // In a TypeORM migration's source: the quotes escaped in a string literal, SQL quoted after it.
    expect(createdExtensions('await q.query("CREATE EXTENSION IF NOT EXISTS \\"isn\\"");\nawait q.query(`CREATE TABLE "t" ("a" int)`);')).toEqual(['isn']);
  });

  it.each([
    ['named in SQL', ['CREATE EXTENSION citext;', 'create extension if not exists "uuid-ossp";'], ['citext', 'uuid-ossp']],
    ['named twice, and in a TypeORM source', ['CREATE EXTENSION citext;', 'await q.query("CREATE EXTENSION IF NOT EXISTS \\"citext\\"");'], ['citext']],
    ['none', ['CREATE TABLE t (a int);'], []],
    ['a name built at run time: the common ones too', ['await q.query(`CREATE EXTENSION IF NOT EXISTS "${name}"`);', 'CREATE EXTENSION isn;'], [...COMMON_EXTENSIONS, 'isn']],
  ])('the extensions a scratch PGlite gets for scripts %s', (_, texts, expected) => {
    expect(extensionsCreatedBy(texts)).toEqual(expected);
  });

  it('loads only what the migrations create: a type of an extension they never create fails as on a server', async () => {
    const { dir, folder: migrations } = folder('uncreated', { 'migrations/001.sql': 'CREATE TABLE person (id int PRIMARY KEY, email citext UNIQUE);' });
    await expect(replayMigrationFolder(migrations, { schemaDialect: 'postgresql', label: 'migrations', cwd: dir })).rejects.toThrow(
      'migrations: migration 001 fails on embedded PGlite: type "citext" does not exist',
    );
  }, 120_000);

  it('loads the extensions a prelude creates', async () => {
    const { dir, folder: migrations } = folder('prelude', { 'migrations/001.sql': 'CREATE TABLE person (id int PRIMARY KEY, email citext UNIQUE);' });
    const preludes = [{ label: 'prelude ext.sql', sql: 'CREATE EXTENSION citext;' }];
    const facts = await replayMigrationFolder(migrations, { schemaDialect: 'postgresql', label: 'migrations', cwd: dir, preludes });
    expect(facts.model.tables[0]!.uniques.map((u) => u.columns)).toEqual([['email']]);
  }, 120_000);

  it('loads a shipped extension the migrations create, shims pgvector, and keeps the keys exact', async () => {
    const { dir, folder: migrations } = folder('vector', {
      'migrations/migration_lock.toml': LOCK,
      'migrations/20240101000000_init/migration.sql': INIT,
      'migrations/20240102000000_match/migration.sql': MATCH,
    });
    const facts = await replayMigrationFolder(migrations, { schemaDialect: 'postgresql', label: 'migrations', cwd: dir });
    const doc = facts.model.tables.find((t) => t.name === 'Doc')!;
    expect(doc.columns.map((c) => c.name)).toEqual(['id', 'ownerId', 'embedding', 'box']);
    expect(doc.primaryKey?.columns).toEqual(['id']);
    expect(doc.uniques.map((u) => [u.name, u.columns])).toEqual([['Doc_ownerId_key', ['ownerId']]]);
    expect(doc.foreignKeys.map((fk) => [fk.columns, fk.referencedTable, fk.onDelete])).toEqual([[['ownerId'], 'Owner', 'cascade']]);
    expect(facts.warnings).toEqual([
      "the migrations create extension vector, which embedded PGlite lacks: replayed with oto's shim (2 vector types as real[], 1 pgvector index skipped; keys and uniques unchanged); give --database-url an empty database with pgvector to replay them unchanged",
    ]);
  }, 120_000);

  it('without pgvector, no shim and no warning', async () => {
    const { dir, folder: migrations } = folder('plain', {
      'migrations/001.sql': 'CREATE EXTENSION isn; CREATE TABLE book (id int PRIMARY KEY, code isbn13 UNIQUE);',
    });
    const facts = await replayMigrationFolder(migrations, { schemaDialect: 'postgresql', label: 'migrations', cwd: dir });
    expect(facts.model.tables[0]!.uniques.map((u) => u.columns)).toEqual([['code']]);
    expect(facts.warnings).toBeUndefined();
  }, 120_000);

  it('into a pglite: URL as into the embedded one: the extensions the migrations create, pgvector shimmed', async () => {
    const { dir, folder: migrations } = folder('url', {
      'migrations/migration_lock.toml': LOCK,
      'migrations/20240101000000_init/migration.sql': INIT,
      'migrations/20240102000000_mail/migration.sql': 'CREATE EXTENSION citext; ALTER TABLE "Owner" ADD COLUMN "email" citext UNIQUE;',
    });
    for (const databaseUrl of ['pglite:memory:', `pglite:${dir}/scratch`]) {
      const facts = await replayMigrationFolder(migrations, { schemaDialect: 'postgresql', label: 'migrations', cwd: dir, databaseUrl });
      expect(facts.model.tables.find((t) => t.name === 'Owner')!.uniques.map((u) => u.columns)).toEqual([['email']]);
      expect(facts.warnings).toHaveLength(1);
    }
  }, 120_000);

  it("a PGlite data folder opens with the extensions its database has (a citext comparison needs citext's functions)", async () => {
    const data = `${projects('folder', { 'README.md': 'a PGlite data folder below\n' })}/data`;
    const made = await createPglite(data, ['citext']);
    await made.exec("CREATE EXTENSION citext; CREATE TABLE person (email citext); INSERT INTO person VALUES ('A@x'), ('a@X');");
    await made.close();
    const db = await createPglite(data);
    try {
      const groups = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM person GROUP BY email');
      expect(groups.rows).toEqual([{ n: 2 }]);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('an extension PGlite does not ship: one line that says what to do', async () => {
    const { dir, folder: migrations } = folder('missing', { 'migrations/001.sql': 'CREATE EXTENSION pg_graphql;' });
    await expect(replayMigrationFolder(migrations, { schemaDialect: 'postgresql', label: 'migrations', cwd: dir })).rejects.toThrow(
      'migrations: migration 001 fails on embedded PGlite: extension "pg_graphql" is not available: embedded PGlite does not ship extension pg_graphql; give --database-url an empty database that has it',
    );
  }, 120_000);
});

const PG_URL = process.env['OTO_TEST_PG_URL'];

(PG_URL ? describe : describe.skip)('extensions on a PostgreSQL server (OTO_TEST_PG_URL)', () => {
  const database = 'oto_replay_d_ext';
  const scratch = () => {
    const url = new URL(PG_URL!);
    url.pathname = `/${database}`;
    return url.toString();
  };
  beforeAll(async () => {
    const admin = await connect(PG_URL!, { cwd: process.cwd() });
    await admin.exec(`DROP DATABASE IF EXISTS ${database}`);
    await admin.exec(`CREATE DATABASE ${database}`).finally(() => admin.close());
  }, 60_000);
  afterAll(async () => {
    const admin = await connect(PG_URL!, { cwd: process.cwd() });
    await admin.exec(`DROP DATABASE IF EXISTS ${database}`).finally(() => admin.close());
  }, 60_000);

  it('runs the migrations unchanged: no shim on a server (this one has no pgvector, and says so)', async () => {
    const { dir, folder: migrations } = folder('server', { 'migrations/migration_lock.toml': LOCK, 'migrations/20240101000000_init/migration.sql': INIT });
    await expect(replayMigrationFolder(migrations, { schemaDialect: 'postgresql', label: 'migrations', cwd: dir, databaseUrl: scratch() })).rejects.toThrow(
      /^migrations: migration 20240101000000_init fails on postgresql:\/\/oto:\*\*\*@127\.0\.0\.1:54329\/oto_replay_d_ext: extension "vector" is not available/,
    );
  }, 120_000);
});
