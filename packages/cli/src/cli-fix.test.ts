/**
 * `oto fix` through the CLI, in a temporary Drizzle project: `--dry-run` prints a unified diff and
 * writes nothing; the run writes the file; the schema then checks clean of what it fixed, and a
 * second run changes nothing; `--renames` also renames to the oto_ convention. And nothing of the
 * user's is lost: line endings, BOM, mode and links kept, read-only files and files changed meanwhile
 * refused, a multi-file fix written all or none, and finished by the next run after a crash.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { commitWrite, prepareWrite } from '@oto/core';
import { runCli } from './cli';
import { JOURNAL_FILE, writeJournal } from './fix-journal';
import type { CliIo } from './io';
import { expectInputError, oto } from './testing/run-oto';
import { PRISMA_USER_PROFILE } from './testing/user-profile-sources';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const DRIZZLE_PACKAGE = path.resolve(__dirname, '../../drizzle');
const projects = tempProjects('cli-fix');

const SCHEMA = `import { relations } from 'drizzle-orm';
import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';

export const users = pgTable('app_user', {
  id: serial('id').primaryKey(),
});

// Each user has one passport (or none).
export const passports = pgTable('passport', {
  id: serial('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  number: text('number'),
});

export const usersRelations = relations(users, ({ one }) => ({ passport: one(passports) }));
export const passportsRelations = relations(passports, ({ one }) => ({
  user: one(users, { fields: [passports.userId], references: [users.id] }),
}));
`;

const project = (name: string, naming: string) =>
  projects(
    name,
    { 'src/schema.ts': SCHEMA, 'drizzle.config.ts': "export default { schema: './src/schema.ts', dialect: 'postgresql' };\n", 'package.json': JSON.stringify({ oto: { naming } }) },
    { 'drizzle-orm': installed('drizzle-orm', DRIZZLE_PACKAGE) },
  );
const findings = (stdout: string) => (JSON.parse(stdout) as { diagnostics: { ruleId: string; messageId: string }[] }).diagnostics.map((d) => `${d.ruleId}/${d.messageId}`);

describe('oto fix', () => {
  it('--dry-run prints the diff; then the fix is written, the finding is gone, and a second run changes nothing', async () => {
    const dir = project('drizzle', 'off');
    const file = path.join(dir, 'src/schema.ts');
    expect(findings((await oto(dir, 'check', '--format', 'json')).stdout)).toEqual(['one-to-one-unique/missing']);

    const dry = await oto(dir, 'fix', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe(
      [
        '===================================================================',
        '--- a/src/schema.ts',
        '+++ b/src/schema.ts',
        '@@ -9,9 +9,10 @@',
        ' export const passports = pgTable(\'passport\', {',
        '   id: serial(\'id\').primaryKey(),',
        '   userId: integer(\'user_id\')',
        '     .notNull()',
        '-    .references(() => users.id),',
        '+    .references(() => users.id)',
        "+    .unique('oto_passport_user_id_key'),",
        "   number: text('number'),",
        ' });',
        ' ',
        ' export const usersRelations = relations(users, ({ one }) => ({ passport: one(passports) }));',
        '',
      ].join('\n'),
    );
    expect(dry.stderr).toBe('oto: would make 1 change for 1 finding (--dry-run: nothing written)\n');
    expect(fs.readFileSync(file, 'utf8')).toBe(SCHEMA);

    const run = await oto(dir, 'fix');
    expect(run).toMatchObject({ code: 0, stdout: 'oto: fixed src/schema.ts\n', stderr: 'oto: made 1 change for 1 finding\n' });
    expect(findings((await oto(dir, 'check', '--format', 'json')).stdout)).toEqual([]);
    const again = await oto(dir, 'fix');
    expect(again).toMatchObject({ code: 0, stdout: '', stderr: 'oto: nothing to fix in the schema\n' });
  }, 60_000);

  it('--renames: the table and the new unique under the oto_ convention', async () => {
    const dir = project('renames', 'prefix');
    const plain = await oto(dir, 'fix', '--dry-run');
    // One line for all the renames the naming convention asks for.
    expect(plain.stderr).toContain("oto: not fixed: the oto_ naming convention's renames (1 table): renames are off (--renames makes them)\n");
    expect(plain.stderr).not.toContain('renaming table passport');

    const run = await oto(dir, 'fix', '--renames');
    expect(run.code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'src/schema.ts'), 'utf8');
    expect(text).toContain("export const passports = pgTable('oto_passport', {");
    expect(text).toContain(".unique('oto_passport_user_id_key'),");
    expect(findings((await oto(dir, 'check', '--format', 'json')).stdout)).toEqual([]);
  }, 60_000);
});

const TYPEORM_USER = `import { Entity, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Profile } from './profile';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn() id!: number;
  @OneToOne(() => Profile, (profile) => profile.user) profile?: Relation<Profile>;
}
`;
const TYPEORM_PROFILE = `import { Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from './user';

@Entity('profile')
export class Profile {
  @PrimaryGeneratedColumn() id!: number;
  @OneToOne(() => User, (user) => user.profile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user!: Relation<User>;
}
`;
const TYPEORM_DATA_SOURCE = `import { DataSource } from 'typeorm';
import { User } from './entity/user';
import { Profile } from './entity/profile';

export default new DataSource({ type: 'postgres', entities: [User, Profile] });
`;
const LINKS = {
  'drizzle-orm': installed('drizzle-orm', DRIZZLE_PACKAGE),
  typeorm: installed('typeorm', path.resolve(__dirname, '../../typeorm')),
};

/** Two schema modules, each with a one-to-one whose unique is missing: one fix per file. */
const USERS = `import { relations } from 'drizzle-orm';
import { pgTable, serial } from 'drizzle-orm/pg-core';
import { licences } from './licences';
import { passports } from './passports';

export const users = pgTable('app_user', { id: serial('id').primaryKey() });
export const usersRelations = relations(users, ({ one }) => ({ passport: one(passports), licence: one(licences) }));
`;
const owned = (table: string, variable: string) => `import { relations } from 'drizzle-orm';
import { integer, pgTable, serial } from 'drizzle-orm/pg-core';
import { users } from './users';

export const ${variable} = pgTable('${table}', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
});
export const ${variable}Relations = relations(${variable}, ({ one }) => ({ user: one(users, { fields: [${variable}.userId], references: [users.id] }) }));
`;
const twoFiles = (name: string) =>
  projects(
    name,
    {
      'src/schema/users.ts': USERS,
      'src/schema/passports.ts': owned('passport', 'passports'),
      'src/schema/licences.ts': owned('licence', 'licences'),
      'drizzle.config.ts': "export default { schema: './src/schema', dialect: 'postgresql' };\n",
      'package.json': JSON.stringify({ oto: { naming: 'off' } }),
    },
    { 'drizzle-orm': installed('drizzle-orm', DRIZZLE_PACKAGE) },
  );

describe('oto fix keeps what is the user\'s', () => {
  // Each editor: the fix of a CRLF file (with a BOM where the ORM reads one), mode 0600, reached
  // through a symbolic link, is the fix of the same file in LF (a twin project), in the file's own
  // layout, written to the link's target. (Prisma's parser refuses a BOM: its schema has none.)
  it.each<[string, Record<string, string>, string, string[], boolean]>([
    ['Drizzle', { 'src/schema.ts': SCHEMA, 'drizzle.config.ts': "export default { schema: './src/schema.ts', dialect: 'postgresql' };\n" }, 'src/schema.ts', [], true],
    ['Prisma', { 'prisma/schema.prisma': PRISMA_USER_PROFILE }, 'prisma/schema.prisma', ['--prisma', 'prisma/schema.prisma', '--renames'], false],
    ['TypeORM', { 'src/entity/user.ts': TYPEORM_USER, 'src/entity/profile.ts': TYPEORM_PROFILE, 'src/data-source.ts': TYPEORM_DATA_SOURCE }, 'src/entity/profile.ts', ['--typeorm', 'src/data-source.ts', '--renames'], true],
  ])('%s: keeps CRLF, the BOM and the mode of a schema reached through a symbolic link, and the link', async (orm, files, schema, args, bom) => {
    const make = (name: string) => projects(`${orm}-${name}`, { ...files, 'package.json': JSON.stringify({ oto: { naming: 'prefix' } }) }, LINKS);
    const twin = make('lf');
    expect((await oto(twin, 'fix', ...args)).code).toBe(0);
    const fixed = fs.readFileSync(path.join(twin, schema), 'utf8');
    expect(fixed).not.toBe(files[schema]);

    const dir = make('crlf');
    // The target sits next to the link: TypeScript modules resolve their imports from their real path.
    const link = path.join(dir, schema);
    const target = path.join(path.dirname(link), `real-${path.basename(schema)}`);
    const layout = (text: string) => `${bom ? '\uFEFF' : ''}${text.replace(/\n/g, '\r\n')}`;
    fs.rmSync(link);
    fs.writeFileSync(target, layout(files[schema]!));
    fs.chmodSync(target, 0o600);
    fs.symlinkSync(path.basename(target), link);
    const run = await oto(dir, 'fix', ...args);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/^oto: fixed /) });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe(layout(fixed));
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(target)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('refuses a read-only schema file in one line naming it, and leaves it', async () => {
    const dir = project('read-only', 'off');
    fs.chmodSync(path.join(dir, 'src/schema.ts'), 0o444);
    await expectInputError(dir, ['fix'], /^oto: src\/schema\.ts: is read-only \(mode 0444\): .*make it writable/);
    expect(fs.readFileSync(path.join(dir, 'src/schema.ts'), 'utf8')).toBe(SCHEMA);
  }, 60_000);

  it('stops, writing nothing, when another writer saved the file between oto reading it and writing it', async () => {
    const dir = project('concurrent', 'prefix');
    const file = path.join(dir, 'src/schema.ts');
    let stderr = '';
    // oto prints what it sets aside after reading the schema and before writing it: the editor saves then.
    const io: CliIo = {
      cwd: dir,
      env: {},
      isTTY: false,
      stdout: () => undefined,
      stderr: (text) => {
        if (text.includes('not fixed') && !stderr.includes('not fixed')) fs.appendFileSync(file, '// saved by the editor\n');
        stderr += text;
      },
    };
    expect(await runCli(['fix'], io)).toBe(2);
    expect(stderr.split('\n').filter((l) => !l.includes('not fixed'))).toEqual([
      'oto: src/schema.ts: was changed by someone else since oto read it: oto wrote nothing and left it as it is; run oto again',
      '',
    ]);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${SCHEMA}// saved by the editor\n`);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['schema.ts']);
  }, 60_000);

  it('writes no file of a multi-file fix unless it can write them all', async () => {
    const dir = twoFiles('all-or-none');
    fs.chmodSync(path.join(dir, 'src/schema/passports.ts'), 0o444);
    await expectInputError(dir, ['fix'], /^oto: src\/schema\/passports\.ts: is read-only/);
    expect(fs.readFileSync(path.join(dir, 'src/schema/licences.ts'), 'utf8')).toBe(owned('licence', 'licences'));
    expect(fs.readdirSync(path.join(dir, 'src/schema')).sort()).toEqual(['licences.ts', 'passports.ts', 'users.ts']);
  }, 60_000);

  it('after a run killed between its renames, the next run finishes the rest and says which file already had its fix', async () => {
    // The texts a whole run writes, from a twin project.
    const twin = twoFiles('twin');
    expect(await oto(twin, 'fix')).toMatchObject({ code: 0, stdout: 'oto: fixed src/schema/licences.ts\noto: fixed src/schema/passports.ts\n' });
    const fixed = (file: string) => fs.readFileSync(path.join(twin, file), 'utf8');

    // What a kill -9 after the first rename leaves: the journal, the first file fixed, the other's temporary file.
    const dir = twoFiles('interrupted');
    const files = ['src/schema/licences.ts', 'src/schema/passports.ts'];
    const prepared = files.map((f) => prepareWrite(path.join(dir, f), fixed(f), { label: f }));
    writeJournal(path.join(dir, JOURNAL_FILE), prepared, files.map(fixed));
    commitWrite(prepared[0]!);
    expect(fs.readdirSync(path.join(dir, 'src/schema'))).toHaveLength(4);

    const rerun = await oto(dir, 'fix');
    expect(rerun).toMatchObject({
      code: 0,
      stdout: 'oto: already fixed by an earlier, interrupted oto fix: src/schema/licences.ts\noto: fixed src/schema/passports.ts\n',
      stderr: 'oto: made 1 change for 1 finding\n',
    });
    for (const f of files) expect(fs.readFileSync(path.join(dir, f), 'utf8')).toBe(fixed(f));
    expect(fs.readdirSync(path.join(dir, 'src/schema')).sort()).toEqual(['licences.ts', 'passports.ts', 'users.ts']);
    expect(fs.existsSync(path.join(dir, JOURNAL_FILE))).toBe(false);
    expect(await oto(dir, 'fix')).toMatchObject({ code: 0, stdout: '', stderr: 'oto: nothing to fix in the schema\n' });
  }, 120_000);
});
