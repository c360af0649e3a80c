/** `oto check --usage`: the application code's queries checked against the Drizzle schema, through the CLI. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { expectInputError, oto } from './testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const FIXTURE = path.resolve(__dirname, '../../usage/src/drizzle/__fixtures__/app');
const ROOT = path.resolve(__dirname, '../../..');
const LINKS = { 'drizzle-orm': installed('drizzle-orm', ROOT), pg: installed('pg', ROOT), '@types/pg': installed('@types/pg', ROOT) };
const fixture = Object.fromEntries(fs.readdirSync(FIXTURE).map((f) => [f, fs.readFileSync(path.join(FIXTURE, f), 'utf8')]));

/** account.user_id is not unique, user.account is one(): each marked line is a finding. */
const APP = `import { db, account, post } from './db';
import { eq } from 'drizzle-orm';
export async function changePassword(userId: string) {
  const current = await db.query.account.findFirst({ where: eq(account.userId, userId) });
  await db.update(account).set({ provider: 'x' }).where(eq(account.userId, userId));
  // oto-ignore-next-line usage-first-of-many: any post of the author will do here
  const any = await db.query.post.findFirst({ where: eq(post.authorId, userId) });
  // oto-ignore-next-line usage-join-fans-out: nothing on the next line
  const users = await db.query.user.findMany({ with: { account: true } });
  // oto-ignore-next-line usage-first-of-many
  const other = await db.query.post.findFirst({ where: eq(post.authorId, userId) });
  return [current, any, users, other];
}
`;

interface Finding {
  ruleId: string;
  messageId: string;
  location: { file?: string; line?: number; column?: number; relation?: string };
}

const projects = tempProjects('cli-usage');

describe('oto check --usage', () => {
  const dir = projects('app', { ...fixture, 'app.ts': APP, 'broken.ts': `export const x = db.select(;\n` }, LINKS);

  it('locates each usage finding at the code, honours the ignore comments, names the file that does not parse', async () => {
    const { code, stdout, stderr } = await oto(dir, 'check', '--drizzle', 'schema.ts', '--usage', '--format', 'json');
    const report = JSON.parse(stdout) as { diagnostics: Finding[]; usage: { files: number; queries: number; unresolved: unknown[] } };
    const usage = report.diagnostics.filter((d) => d.location.column !== undefined).map((d) => `${d.ruleId}/${d.messageId} ${d.location.file}:${d.location.line}:${d.location.column}`);
    expect(usage).toEqual([
      'usage-unbacked-one-to-one/single-row app.ts:4:25',
      'usage-unbacked-one-to-one/write app.ts:5:9',
      'usage-unbacked-one-to-one/read app.ts:9:56',
      'usage-first-of-many/arbitrary app.ts:11:23',
    ]);
    expect(report.usage).toEqual({ tsconfig: 'tsconfig.json', files: 4, queries: 5, unresolved: [] });
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^oto: warning: broken\.ts:1:\d+: .*: its queries are not checked$/),
      'oto: warning: app.ts:8: "oto-ignore-next-line usage-join-fans-out" silences nothing on the next line: remove it',
      'oto: warning: app.ts:10: "oto-ignore-next-line usage-first-of-many" needs a reason ("// oto-ignore-next-line usage-first-of-many: <why>"): it silences nothing without one',
      'oto: usage: 5 queries in 4 files of tsconfig.json, 0 not resolved',
    ]);
    expect(code).toBe(1);
  }, 180_000);

  it('text: the schema finding lists the call sites that depend on it, the usage findings are grouped by file', async () => {
    const { stdout } = await oto(dir, 'check', '--drizzle', 'schema.ts', '--usage', 'tsconfig.json');
    expect(stdout).toContain('    read at 2 places: app.ts:4:25, app.ts:9:56; written at 1 place: app.ts:5:9\n');
    expect(stdout).toMatch(/\napp\.ts\n {2}error {3}usage-unbacked-one-to-one {2}4:25\n/);
  }, 180_000);

  it('sarif and github annotations carry the column', async () => {
    const sarif = JSON.parse((await oto(dir, 'check', '--drizzle', 'schema.ts', '--usage', '--format', 'sarif')).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'usage-first-of-many');
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'app.ts' }, region: { startLine: 11, startColumn: 23 } });
    const github = (await oto(dir, 'check', '--drizzle', 'schema.ts', '--usage', '--format', 'github')).stdout;
    expect(github).toContain('::warning file=app.ts,line=11,col=23,title=oto usage-first-of-many::');
  }, 180_000);

  it('takes the tsconfig and the files to leave out from usage in the oto config', async () => {
    const configured = projects('configured', {
      ...fixture,
      'app.ts': APP,
      'legacy/old.ts': APP,
      'tsconfig.app.json': JSON.stringify({ extends: './tsconfig.json', include: ['*.ts', 'legacy/*.ts'] }),
      'oto.config.json': JSON.stringify({ usage: { tsconfig: 'tsconfig.app.json', exclude: ['legacy/**'] } }),
    }, LINKS);
    const { stdout, stderr } = await oto(configured, 'check', '--drizzle', 'schema.ts', '--usage', '--format', 'json');
    const report = JSON.parse(stdout) as { diagnostics: Finding[]; usage: { tsconfig: string; files: number } };
    expect(report.usage).toMatchObject({ tsconfig: 'tsconfig.app.json', files: 3 });
    expect(report.diagnostics.filter((d) => d.location.file?.startsWith('legacy/'))).toEqual([]);
    expect(report.diagnostics.filter((d) => d.location.file === 'app.ts')).toHaveLength(4);
    expect(stderr).toContain('oto: usage: 5 queries in 3 files of tsconfig.app.json, 0 not resolved');
  }, 180_000);

  it('an unknown key under usage in the oto config is one line, exit 2', async () => {
    const configured = projects('misspelt', { ...fixture, 'oto.config.json': JSON.stringify({ usage: { tsconfg: 'x.json' } }) }, LINKS);
    await expectInputError(configured, ['check', '--drizzle', 'schema.ts', '--usage'], /^oto: oto\.config\.json: usage: Unrecognized key: "tsconfg"/);
  });

  describe('bad input: one line, exit 2', () => {
    it('a tsconfig that is not there', async () => {
      await expectInputError(dir, ['check', '--drizzle', 'schema.ts', '--usage', 'app/tsconfig.json'], /^oto: app\/tsconfig\.json: no such tsconfig: give --usage the application's tsconfig\.json/);
    });
    it('a tsconfig that is not JSON', async () => {
      fs.writeFileSync(path.join(dir, 'bad.json'), '{ "compilerOptions": { ');
      await expectInputError(dir, ['check', '--drizzle', 'schema.ts', '--usage', 'bad.json'], /^oto: bad\.json: not a valid tsconfig: /);
    });
    it('a tsconfig that matches no files', async () => {
      fs.writeFileSync(path.join(dir, 'none.json'), JSON.stringify({ include: ['src/**/*.ts'] }));
      await expectInputError(dir, ['check', '--drizzle', 'schema.ts', '--usage', 'none.json'], /^oto: none\.json: matches no TypeScript files to check: see its "include"\/"files"$/m);
    });
  });
});

describe('oto check --prisma --migrations --usage', () => {
  const PRISMA_CLI = require.resolve('prisma/build/index.js', { paths: [ROOT] });
  const SCHEMA = fs.readFileSync(path.resolve(__dirname, '../../usage/src/prisma/__fixtures__/schema.prisma'), 'utf8');
  // The migrations forgot account's unique on user_id: the database the code runs against has none.
  const MIGRATION = `CREATE TABLE "user" ("id" TEXT PRIMARY KEY, "email" TEXT NOT NULL UNIQUE);
CREATE TABLE "account" ("id" TEXT PRIMARY KEY, "user_id" TEXT NOT NULL REFERENCES "user"("id"), "provider" TEXT NOT NULL);
CREATE UNIQUE INDEX "account_user_id_provider_key" ON "account"("user_id", "provider");
CREATE TABLE "profile" ("id" TEXT PRIMARY KEY, "user_id" TEXT NOT NULL UNIQUE REFERENCES "user"("id"));
CREATE TABLE "post" ("id" INTEGER PRIMARY KEY, "author_id" TEXT NOT NULL REFERENCES "user"("id"));
`;
  const APP_PRISMA = `import { PrismaClient } from './generated/client';
declare const prisma: PrismaClient;
export async function signIn(userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, include: { account: true, profile: true } });
  await prisma.account.updateMany({ where: { userId }, data: { provider: 'x' } });
  return user;
}
`;
  const dir = projects('prisma', {
    'schema.prisma': SCHEMA,
    'migrations/0_init/migration.sql': MIGRATION,
    'migrations/migration_lock.toml': 'provider = "postgresql"\n',
    'app.ts': APP_PRISMA,
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', module: 'commonjs', moduleResolution: 'node', skipLibCheck: true }, include: ['*.ts'] }),
  }, { '@prisma/client': installed('@prisma/client', ROOT) });

  it('the reads and writes through the one-to-one whose unique the database lacks, naming database-unique-missing', async () => {
    const generate = spawnSync(process.execPath, [PRISMA_CLI, 'generate', '--schema', 'schema.prisma'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, CI: '1' },
      timeout: 120_000,
    });
    expect(generate.status).toBe(0);
    const { code, stdout } = await oto(dir, 'check', '--prisma', 'schema.prisma', '--migrations', 'migrations', '--usage', '--format', 'json');
    const report = JSON.parse(stdout) as { diagnostics: (Finding & { message: string })[] };
    const usage = report.diagnostics.filter((d) => d.ruleId.startsWith('usage-'));
    expect(usage.map((d) => `${d.messageId} ${d.location.file}:${d.location.line}:${d.location.column} ${d.location.relation}`)).toEqual([
      'read app.ts:4:81 AccountToUser',
      'write app.ts:5:9 AccountToUser',
    ]);
    expect(usage.every((d) => d.message.includes('(database-unique-missing)'))).toBe(true);
    expect(report.diagnostics.some((d) => d.ruleId === 'database-unique-missing')).toBe(true);
    expect(code).toBe(1);
  }, 300_000);
});

describe('oto check --typeorm --usage', () => {
  const USER = `import { Entity, OneToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Profile } from './profile';

@Entity('app_user')
export class User {
  @PrimaryColumn() id!: string;
  @OneToOne(() => Profile, (profile) => profile.user) profile?: Relation<Profile>;
}
`;
  // Without a foreign key constraint TypeORM adds no REL_ unique: the one-to-one has no key.
  const PROFILE = `import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from './user';

@Entity('profile')
export class Profile {
  @PrimaryColumn() id!: string;
  @Column({ name: 'user_id' }) userId!: string;
  @OneToOne(() => User, (user) => user.profile, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'user_id' })
  user!: Relation<User>;
}
`;
  const APP_TYPEORM = `import { AppDataSource } from './data-source';
import { Profile } from './entity/profile';
import { User } from './entity/user';
export async function show(userId: string) {
  const profile = await AppDataSource.getRepository(Profile).findOneBy({ userId });
  const user = await AppDataSource.manager.findOne(User, { where: { id: userId }, relations: ['profile'] });
  return [profile, user];
}
`;
  const dir = projects('typeorm', {
    'src/entity/user.ts': USER,
    'src/entity/profile.ts': PROFILE,
    'src/data-source.ts': `import { DataSource } from 'typeorm';\nimport { Profile } from './entity/profile';\nimport { User } from './entity/user';\nexport const AppDataSource = new DataSource({ type: 'postgres', entities: [User, Profile] });\n`,
    'src/app.ts': APP_TYPEORM,
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', module: 'commonjs', moduleResolution: 'node', skipLibCheck: true, experimentalDecorators: true }, include: ['src/**/*.ts'] }),
  }, { typeorm: installed('typeorm', path.resolve(__dirname, '../../typeorm')) });

  it('a single-row read by the foreign key and the relations read of the one-to-one that has no key', async () => {
    const { code, stdout } = await oto(dir, 'check', '--typeorm', 'src/data-source.ts', '--usage', '--format', 'json');
    const report = JSON.parse(stdout) as { diagnostics: Finding[] };
    expect(report.diagnostics.filter((d) => d.ruleId.startsWith('usage-')).map((d) => `${d.messageId} ${d.location.file}:${d.location.line}:${d.location.column}`)).toEqual([
      'single-row src/app.ts:5:25',
      'read src/app.ts:6:95',
    ]);
    expect(code).toBe(1);
  }, 180_000);
});
