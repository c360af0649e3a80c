/**
 * `oto check --migrations` for hosted platforms and extensions: the config's `replay.prelude`
 * (the shipped Supabase one, or a .sql file) runs before the first migration, a migration that
 * needs one says so, and a pgvector shim is one warning line.
 */
import { tempProjects } from '../../core/src/testing/temp-projects';
import { expectInputError, oto } from './testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const projects = tempProjects('cli-replay');

const SCHEMA = `datasource db {
  provider = "postgresql"
}

model Account {
  id      String   @id @db.Uuid
  profile Profile?
}

model Profile {
  id        Int     @id
  accountId String  @unique @db.Uuid
  account   Account @relation(fields: [accountId], references: [id], onDelete: Cascade)
}
`;
const LOCK = 'provider = "postgresql"\n';
/** A Supabase-style migration: the account row is the auth user's, policies use auth.uid(). */
const INIT = `CREATE TABLE "Account" ("id" UUID NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE, CONSTRAINT "Account_pkey" PRIMARY KEY ("id"));
CREATE TABLE "Profile" ("id" INTEGER NOT NULL, "accountId" UUID NOT NULL, CONSTRAINT "Profile_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "Profile_accountId_key" ON "Profile"("accountId");
ALTER TABLE "Profile" ADD CONSTRAINT "Profile_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Account" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own account" ON "Account" FOR SELECT TO authenticated USING (auth.uid() = id);
GRANT SELECT ON "Account" TO anon, authenticated, service_role;
ALTER PUBLICATION supabase_realtime ADD TABLE "Profile";
CREATE TABLE "Avatar" ("id" UUID NOT NULL DEFAULT extensions.uuid_generate_v4(), CONSTRAINT "Avatar_pkey" PRIMARY KEY ("id"));
CREATE POLICY "own folder" ON storage.objects FOR SELECT TO authenticated USING (bucket_id = 'avatars' AND (storage.foldername(name))[1] = auth.uid()::text);
`;
const project = (name: string, config: object, extra: Record<string, string> = {}) =>
  projects(name, {
    'package.json': JSON.stringify({ oto: { naming: 'off', ...config } }),
    'prisma/schema.prisma': SCHEMA,
    'prisma/migrations/migration_lock.toml': LOCK,
    'prisma/migrations/20240101000000_init/migration.sql': INIT,
    ...extra,
  });
const check = (dir: string) => oto(dir, 'check', '--prisma', 'prisma/schema.prisma', '--migrations', 'prisma/migrations');

describe('replay.prelude', () => {
  it('a Supabase migration without the prelude: one line naming the migration and the prelude to add', async () => {
    await expectInputError(
      project('no-prelude', {}),
      ['check', '--prisma', 'prisma/schema.prisma', '--migrations', 'prisma/migrations'],
      /^oto: prisma\/migrations: migration 20240101000000_init fails on embedded PGlite: schema "auth" does not exist; Supabase creates .*add "replay": \{ "prelude": \["supabase"\] \} to the oto config\n$/,
    );
  }, 120_000);

  it('the shipped supabase prelude: auth.users, auth.uid() and the roles exist, the check runs', async () => {
    const { code, stdout, stderr } = await check(project('supabase', { replay: { prelude: ['supabase'] } }));
    expect(stderr).toBe('');
    expect(stdout).toContain('no findings in 1 one-to-one relation (of 1 relation), against the database replayed from prisma/migrations');
    expect(code).toBe(0);
  }, 120_000);

  it('a .sql file, relative to the config file, runs after the shipped one', async () => {
    const dir = project(
      'file',
      { replay: { prelude: ['supabase', 'db/app-roles.sql'] } },
      {
        'db/app-roles.sql': 'CREATE ROLE reporting NOLOGIN;\n',
        'prisma/migrations/20240102000000_reporting/migration.sql': 'GRANT SELECT ON "Profile" TO reporting;\n',
      },
    );
    const { code, stderr } = await check(dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 120_000);

  it('bad entries: one line, exit 2', async () => {
    const args = ['check', '--prisma', 'prisma/schema.prisma', '--migrations', 'prisma/migrations'];
    await expectInputError(project('unknown', { replay: { prelude: ['firebase'] } }), args, /^oto: package\.json#oto: replay\.prelude "firebase" is no prelude oto ships \(supabase\) nor a \.sql file\n$/);
    await expectInputError(project('missing', { replay: { prelude: ['db/none.sql'] } }), args, /^oto: package\.json#oto: replay\.prelude db\/none\.sql cannot be read/);
    await expectInputError(project('typo', { replay: { preludes: ['supabase'] } }), args, /^oto: package\.json#oto: replay: Unrecognized key/);
    await expectInputError(
      project('failing', { replay: { prelude: ['db/bad.sql'] } }, { 'db/bad.sql': 'CREATE ROLE;\n' }),
      args,
      /^oto: prisma\/migrations: prelude db\/bad\.sql fails on embedded PGlite: syntax error/,
    );
  }, 180_000);
});

describe('pgvector on embedded PGlite', () => {
  it('replays through the shim and says so in one warning line', async () => {
    const dir = project('vector', { replay: { prelude: ['supabase'] } }, {
      'prisma/migrations/20240102000000_embedding/migration.sql':
        'CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA extensions;\nALTER TABLE "Profile" ADD COLUMN "embedding" extensions.vector(3);\nCREATE INDEX ON "Profile" USING hnsw ("embedding" extensions.vector_cosine_ops);\n',
    });
    const { code, stdout, stderr } = await check(dir);
    expect(stderr).toMatch(/^oto: warning: the migrations create extension vector, which embedded PGlite lacks: replayed with oto's shim \(1 vector type as real\[\], 1 pgvector index skipped; keys and uniques unchanged\)/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stdout).toContain('no findings in 1 one-to-one relation');
    expect(code).toBe(0);
  }, 120_000);
});
