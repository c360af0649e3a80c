/** The CLI habits of eslint, prisma-lint and drizzle-kit (issue 18): positional path, colour, warn, did-you-mean, the generator block. */
import * as path from 'node:path';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { runCli } from './cli';
import { useColor } from './color';
import type { CliIo } from './io';
import { detectSource } from './source-argument';
import { expectInputError, oto } from './testing/run-oto';

jest.setTimeout(180_000);

const projects = tempProjects('cli-habits');
const INSTALLED: Record<string, string> = {
  typeorm: installed('typeorm', path.resolve(__dirname, '../../typeorm')),
  'drizzle-orm': installed('drizzle-orm', path.resolve(__dirname, '../../drizzle')),
};

const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n}\n';
/** User.orders is a list while Order.userId is @unique: a hidden one-to-one (a warning). */
const MODELS = `model User {
  id      Int      @id
  profile Profile?
  orders  Order[]
}
model Profile {
  userId Int  @id
  user   User @relation(fields: [userId], references: [id])
  @@map("oto_profile")
}
model Order {
  id     Int  @id
  userId Int  @unique
  user   User @relation(fields: [userId], references: [id])
}
`;
const SCHEMA = `${DATASOURCE}${MODELS}`;
const DRIZZLE_SCHEMA = `import { relations } from 'drizzle-orm';
import { integer, pgTable, serial } from 'drizzle-orm/pg-core';
export const users = pgTable('users', { id: serial('id').primaryKey() });
export const otoProfile = pgTable('oto_profile', { userId: integer('user_id').primaryKey().references(() => users.id) });
export const usersRelations = relations(users, ({ one }) => ({ profile: one(otoProfile) }));
export const profileRelations = relations(otoProfile, ({ one }) => ({ user: one(users, { fields: [otoProfile.userId], references: [users.id] }) }));
`;
const ENTITY = `import { Entity, OneToOne, PrimaryGeneratedColumn, JoinColumn, Column } from 'typeorm';
import type { Relation } from 'typeorm';
@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn() id!: number;
  @OneToOne(() => Profile, (p) => p.user) profile?: Relation<Profile>;
}
@Entity('oto_profile')
export class Profile {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'user_id' }) userId!: number;
  @OneToOne(() => User, (u) => u.profile, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user!: Relation<User>;
}
`;
const DATA_SOURCE = `import { DataSource } from 'typeorm';\nimport { User, Profile } from './entities';\nexport default new DataSource({ type: 'postgres', entities: [User, Profile] });\n`;

async function run(cwd: string, args: readonly string[], env: Record<string, string> = {}, isTTY = false) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, env, isTTY, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('a positional path, known by what it is', () => {
  const dir = projects('positional', {
    'package.json': '{}',
    'db/schema.prisma': SCHEMA,
    'multi/main.prisma': DATASOURCE,
    'multi/models.prisma': MODELS,
    'drizzle/schema.ts': DRIZZLE_SCHEMA,
    'drizzle.config.ts': "export default { dialect: 'postgresql', schema: './drizzle/schema.ts' };\n",
    'config/kit.ts': "import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ dialect: 'postgresql', schema: '../drizzle/schema.ts' });\n",
    'src/entities.ts': ENTITY,
    'src/data-source.ts': DATA_SOURCE,
    'notes.md': '# notes\n',
    'src/util.ts': 'export const x = 1;\n',
  }, INSTALLED);

  it.each([
    ['db/schema.prisma', 'prisma'],
    ['multi', 'prisma'],
    ['drizzle.config.ts', 'drizzle'],
    ['drizzle/schema.ts', 'drizzle'],
    ['config/kit.ts', 'drizzle'],
    ['src/data-source.ts', 'typeorm'],
    ['src/entities.ts', 'typeorm'],
    ['src/util.ts', undefined],
    ['notes.md', undefined],
    ['src', undefined],
  ])('%s is %s', (file, kind) => {
    expect(detectSource(path.join(dir, file))).toBe(kind);
  });

  it.each<[string[], RegExp]>([
    [['check', 'db/schema.prisma', '--format', 'json'], /"ruleId": "hidden-one-to-one"/],
    [['check', 'multi', '--format', 'json'], /"file": "multi\/models\.prisma"/],
    [['check', 'drizzle.config.ts', '--format', 'json'], /"table": "oto_profile"/],
    [['check', 'src/data-source.ts', '--format', 'json'], /"table": "oto_profile"/],
    [['check', '--prisma', 'db/schema.prisma', '--format', 'json'], /"ruleId": "hidden-one-to-one"/],
    // an ORM flag without a value takes the path
    [['check', '--prisma', 'db/schema.prisma', '--format', 'json'], /"file": "db\/schema\.prisma"/],
    [['generate', 'accessors', 'drizzle.config.ts', '--out', 'out/accessors.ts'], /^oto: wrote out\/accessors\.ts \(2 accessors\)/],
    [['generate', 'sql', 'db/schema.prisma'], /CREATE|no change|--/],
  ])('oto %j', async (args, out) => {
    const { code, stdout, stderr } = await oto(dir, ...args);
    expect(stderr).not.toMatch(/^oto: (?!warning|wrote)/m);
    expect(`${stdout}${stderr}`).toMatch(out);
    expect(code).toBeLessThan(2);
  });

  it.each<[string[], RegExp]>([
    [['check', 'notes.md'], /^oto: notes\.md: not a Prisma schema \(\.prisma or a folder of them\), a drizzle config or Drizzle schema module, or a module importing typeorm: name its ORM with --prisma, --drizzle or --typeorm\n$/],
    [['check', 'nope.prisma'], /^oto: nope\.prisma: no such file or folder: /],
    [['check', 'db/schema.prisma', '--drizzle', 'drizzle.config.ts'], /^oto: db\/schema\.prisma and --drizzle name two schema sources: give one, as a path or with its flag\n$/],
    [['fix', 'notes.md'], /^oto: notes\.md: not a Prisma schema/],
  ])('oto %j is one line, exit 2', async (args, message) => {
    await expectInputError(dir, args, message);
  });

  it('oto fix and generate sql take the path too', async () => {
    const fix = await oto(dir, 'fix', 'db/schema.prisma', '--dry-run');
    expect(fix.stderr).toBe('oto: nothing to fix in the schema\n');
    expect(fix.code).toBe(0);
  });
});

describe('the oto config: typeorm key, and the generator oto block', () => {
  it('a "typeorm" key names the data source: check and generate work without flags', async () => {
    const dir = projects('typeorm-key', { 'package.json': '{}', 'config/oto.config.json': '{ "typeorm": "../src/data-source.ts" }', 'src/entities.ts': ENTITY, 'src/data-source.ts': DATA_SOURCE }, INSTALLED);
    const check = await oto(dir, 'check', '--config', 'config/oto.config.json', '--format', 'json');
    expect(check.stderr).toBe('');
    expect(JSON.parse(check.stdout).relations.map((r: { dependent: { table: string } }) => r.dependent.table)).toEqual(['oto_profile']);
    const inRoot = projects('typeorm-key-root', { 'package.json': '{"oto":{"typeorm":"src/data-source.ts"}}', 'src/entities.ts': ENTITY, 'src/data-source.ts': DATA_SOURCE }, INSTALLED);
    expect((await oto(inRoot, 'check')).code).toBe(0);
    expect((await oto(inRoot, 'generate', 'accessors', '--out', 'accessors.ts')).code).toBe(0);
  });

  it('no Prisma schema in a TypeORM or Drizzle app names --drizzle and --typeorm', async () => {
    const dir = projects('no-schema', { 'package.json': '{}' });
    await expectInputError(dir, ['check'], /pass --prisma <schema file or folder>; a Drizzle or TypeORM app: --drizzle <config> or --typeorm <data source>/);
  });

  const block = (options: string) => `generator oto {\n  provider = "oto-prisma"\n${options}}\n${SCHEMA}`;
  it.each<[string, string, string[], string[], number]>([
    ['rules off in the block', '  rules = ["hidden-one-to-one = off"]\n', [], [], 0],
    ['failOn in the block (warn, eslint\'s word)', '  failOn = "warn"\n', [], ['hidden-one-to-one'], 1],
    ['the command line over the block', '  failOn = "warning"\n', ['--fail-on', 'error'], ['hidden-one-to-one'], 0],
    ['no block: the config file', '', [], ['hidden-one-to-one'], 0],
  ])('%s', async (name, options, flags, rules, code) => {
    const dir = projects(`block-${name.replace(/\W+/g, '-')}`, { 'package.json': '{}', 'schema.prisma': options ? block(options) : SCHEMA });
    const result = await oto(dir, 'check', '--format', 'json', ...flags);
    expect(JSON.parse(result.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(rules);
    expect(result.code).toBe(code);
  });

  it('the block wins over the config file', async () => {
    const dir = projects('block-over-file', { 'package.json': '{"oto":{"rules":{"hidden-one-to-one":"error"}}}', 'schema.prisma': block('  rules = "hidden-one-to-one = info"\n') });
    const result = await oto(dir, 'check', '--format', 'json');
    expect(JSON.parse(result.stdout).diagnostics.map((d: { severity: string }) => d.severity)).toEqual(['info']);
    expect(result.code).toBe(0);
  });

  it('a bad block option is one line naming the schema file', async () => {
    const dir = projects('block-bad', { 'package.json': '{}', 'schema.prisma': block('  failOn = "sometimes"\n') });
    await expectInputError(dir, ['check'], /^oto: schema\.prisma: generator oto: failOn: Invalid option: expected one of /);
  });
});

describe('colour, warn and did-you-mean', () => {
  const dir = projects('habits', { 'package.json': '{}', 'schema.prisma': SCHEMA });
  const ANSI = /\u001b\[/;

  it.each<[string, Record<string, string>, boolean, boolean | undefined, boolean]>([
    ['a terminal', {}, true, undefined, true],
    ['a pipe', {}, false, undefined, false],
    ['--color on a pipe', {}, false, true, true],
    ['--no-color on a terminal', {}, true, false, false],
    ['--no-color over FORCE_COLOR', { FORCE_COLOR: '1' }, true, false, false],
    ['FORCE_COLOR=1 on a pipe', { FORCE_COLOR: '1' }, false, undefined, true],
    ['FORCE_COLOR=0 on a terminal', { FORCE_COLOR: '0' }, true, undefined, false],
    ['NO_COLOR on a terminal', { NO_COLOR: '1' }, true, undefined, false],
    ['TERM=dumb on a terminal', { TERM: 'dumb' }, true, undefined, false],
    ['FORCE_COLOR over TERM=dumb', { TERM: 'dumb', FORCE_COLOR: '1' }, false, undefined, true],
  ])('%s', async (_, env, isTTY, flag, coloured) => {
    expect(useColor({ env, isTTY }, flag)).toBe(coloured);
    const args = ['check', ...(flag === true ? ['--color'] : flag === false ? ['--no-color'] : [])];
    const { stdout } = await run(dir, args, env, isTTY);
    expect(stdout).toContain('hidden-one-to-one');
    expect(ANSI.test(stdout)).toBe(coloured);
  });

  it.each<[string[], number]>([
    [['check', '--fail-on', 'warn'], 1],
    [['check', '--fail-on', 'warning'], 1],
    [['check', '--fail-on', 'error'], 0],
  ])('oto %j exits %d', async (args, code) => {
    expect((await oto(dir, ...args)).code).toBe(code);
  });

  it('warn in the config file', async () => {
    const warn = projects('warn-config', { 'package.json': '{"oto":{"failOn":"warn","rules":{"one-to-one-naming":"warn"}}}', 'schema.prisma': SCHEMA });
    expect((await oto(warn, 'check')).code).toBe(1);
  });

  it.each<[string[], RegExp]>([
    [['chek'], /^oto: unknown command 'chek' \(Did you mean check\?\)\n$/],
    [['check', '--fail-o', 'error'], /^oto: unknown option '--fail-o' \(Did you mean --fail-on\?\)\n$/],
    [['check', '--fromat', 'json'], /^oto: unknown option '--fromat' \(Did you mean --format\?\)\n$/],
    [['generate', 'acessors'], /^oto: unknown command 'acessors' \(Did you mean accessors\?\)\n$/],
    [['check', '--fail-on', 'warnings'], /^oto: option '--fail-on <severity>' argument 'warnings' is invalid\. Allowed choices are error, warning, never, warn\.\n$/],
  ])('oto %j', async (args, message) => {
    await expectInputError(dir, args, message);
  });

  it('every bad config key at once, in one line, with did-you-means and the allowed values', async () => {
    const bad = projects('bad-keys', { 'package.json': '{}', 'oto.config.json': '{ "faiOn": "error", "rules": { "hiden-one-to-one": "off" }, "naming": "suffix" }', 'schema.prisma': SCHEMA });
    await expectInputError(
      bad,
      ['check'],
      /^oto: oto\.config\.json: rules: Unrecognized key: "hiden-one-to-one" \(did you mean "hidden-one-to-one"\?\), allowed: [^;]+; Unrecognized key: "faiOn" \(did you mean "failOn"\?\), allowed: rules, naming, [^;]+; naming: Invalid option: expected one of "prefix"\|"infix"\|"off"\n$/,
    );
  });
});
