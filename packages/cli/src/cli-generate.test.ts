/**
 * `oto generate accessors` through the CLI, in temporary projects: it writes the module, leaves it
 * alone when nothing changed, never replaces a file the user wrote, and what it writes compiles
 * under tsc --strict against the project's own drizzle-orm (MySQL, a composite key).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { expectInputError, oto } from './testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const DRIZZLE_PACKAGE = path.resolve(__dirname, '../../drizzle');
const INSTALLED: Record<string, string> = {
  'drizzle-orm': installed('drizzle-orm', DRIZZLE_PACKAGE),
  '@oto/runtime': path.resolve(__dirname, '../../runtime'),
};
const projects = tempProjects('cli-generate');
const project = (name: string, files: Record<string, string>) => projects(name, files, INSTALLED);

/** MySQL, a composite primary key, and a many-to-one to the same table (no accessor). */
const SCHEMA = `import { relations } from 'drizzle-orm';
import { int, mysqlTable, primaryKey, varchar, foreignKey, unique } from 'drizzle-orm/mysql-core';

export const tenantUsers = mysqlTable('tenant_user', {
  tenant: int('tenant').notNull(),
  id: int('id').notNull(),
  mentorId: int('mentor_id'),
}, (t) => [primaryKey({ columns: [t.tenant, t.id] }), unique('oto_mentor').on(t.tenant, t.mentorId)]);

export const settings = mysqlTable('oto_settings', {
  tenant: int('tenant').notNull(),
  userId: int('user_id').notNull(),
  theme: varchar('theme', { length: 20 }),
}, (t) => [
  primaryKey({ columns: [t.tenant, t.userId] }),
  foreignKey({ columns: [t.tenant, t.userId], foreignColumns: [tenantUsers.tenant, tenantUsers.id] }),
]);

export const tenantUsersRelations = relations(tenantUsers, ({ one }) => ({
  settings: one(settings),
  mentor: one(tenantUsers, { fields: [tenantUsers.tenant, tenantUsers.mentorId], references: [tenantUsers.tenant, tenantUsers.id], relationName: 'mentoring' }),
}));

export const settingsRelations = relations(settings, ({ one }) => ({
  user: one(tenantUsers, { fields: [settings.tenant, settings.userId], references: [tenantUsers.tenant, tenantUsers.id] }),
}));
`;
const CONFIG = `export default { schema: './src/schema.ts', dialect: 'mysql' };\n`;
const USE = `import { drizzle } from 'drizzle-orm/mysql2';
import { tenantUsersSettings, settingsUser } from './oto';

export async function use(db: ReturnType<typeof drizzle>) {
  const s = await tenantUsersSettings(db, { tenant: 1, id: 2 });
  const theme: string | null | undefined = s?.theme;
  const user = await settingsUser(db, { tenant: 1, userId: 2 });
  const id: number = user.id;
  // @ts-expect-error a composite key is an object with every column
  await settingsUser(db, { tenant: 1 });
  return [theme, id];
}
`;

function compile(dir: string): string[] {
  const program = ts.createProgram([path.join(dir, 'src', 'use.ts')], {
    strict: true,
    noEmit: true,
    noUncheckedIndexedAccess: true,
    noUnusedLocals: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    skipLibCheck: true,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.relative(dir, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('oto generate accessors --drizzle', () => {
  it('writes a module that compiles under --strict, then finds it up to date', async () => {
    const dir = project('mysql', { 'drizzle.config.ts': CONFIG, 'src/schema.ts': SCHEMA, 'src/use.ts': USE });
    const first = await oto(dir, 'generate', 'accessors', '--out', 'src/oto.ts');
    expect(first).toEqual({ code: 0, stdout: 'oto: wrote src/oto.ts (2 accessors)\n', stderr: '' });
    const text = fs.readFileSync(path.join(dir, 'src', 'oto.ts'), 'utf8');
    expect(text).toContain("import type { MySqlDatabase, MySqlQueryResultHKT, PreparedQueryHKTBase } from 'drizzle-orm/mysql-core';");
    expect(text).not.toMatch(/\bany\b/);
    expect(compile(dir)).toEqual([]);
    const second = await oto(dir, 'generate', 'accessors', '--drizzle', 'drizzle.config.ts', '--out', 'src/oto.ts');
    expect(second.stdout).toBe('oto: src/oto.ts is up to date (2 accessors)\n');
    expect(fs.readFileSync(path.join(dir, 'src', 'oto.ts'), 'utf8')).toBe(text);
  }, 60_000);

  it('takes accessors.out of the oto config when --out is not given, and --out over it', async () => {
    const dir = project('config-out', {
      'drizzle.config.ts': CONFIG,
      'src/schema.ts': SCHEMA,
      'oto.config.json': JSON.stringify({ accessors: { out: 'src/db/oto.ts' } }),
    });
    expect(await oto(dir, 'generate', 'accessors')).toEqual({ code: 0, stdout: 'oto: wrote src/db/oto.ts (2 accessors)\n', stderr: '' });
    expect(fs.readFileSync(path.join(dir, 'src', 'db', 'oto.ts'), 'utf8')).toMatch(/^\/\/ Generated by oto/);
    expect((await oto(dir, 'generate', 'accessors', '--out', 'elsewhere.ts')).stdout).toBe('oto: wrote elsewhere.ts (2 accessors)\n');
    fs.writeFileSync(path.join(dir, 'oto.config.json'), JSON.stringify({ accessors: { output: 'x.ts' } }));
    await expectInputError(dir, ['generate', 'accessors'], /^oto: oto\.config\.json: accessors: Unrecognized key: "output" \(did you mean "out"\?\), allowed: out\n/);
  }, 60_000);

  it('never replaces a file the user wrote', async () => {
    const dir = project('user-file', { 'drizzle.config.ts': CONFIG, 'src/schema.ts': SCHEMA, 'src/db.ts': 'export const db = 1;\n' });
    await expectInputError(dir, ['generate', 'accessors', '--out', 'src/db.ts'], /^oto: src\/db\.ts: exists and was not generated by oto/);
    expect(fs.readFileSync(path.join(dir, 'src', 'db.ts'), 'utf8')).toBe('export const db = 1;\n');
  });

  it('says what is missing', async () => {
    const dir = project('bad', { 'drizzle.config.ts': CONFIG, 'src/schema.ts': SCHEMA });
    await expectInputError(dir, ['generate', 'accessors'], /^oto: generate accessors: pass --out <file>/);
    await expectInputError(dir, ['generate', 'accessors', '--prisma', '--out', 'x.ts'], /^oto: Prisma accessors come from the oto generator/);
    const broken = SCHEMA.replace("relationName: 'mentoring' }),", "relationName: 'mentoring' }),\n  mentee: one(tenantUsers, { relationName: 'mentoring' }),");
    await expectInputError(project('broken', { 'drizzle.config.ts': CONFIG, 'src/schema.ts': broken }), ['generate', 'accessors', '--out', 'x.ts'], /^oto: src\/schema\.ts: drizzle cannot read the relations\(\) declarations: /);
    await expectInputError(project('empty', {}), ['generate', 'accessors', '--out', 'x.ts'], /^oto: no drizzle\.config\.\* in .*: pass --drizzle <config> or --typeorm <data source>/);
  });
});

describe('oto generate accessors --typeorm', () => {
  it('writes the example\'s accessors elsewhere, importing its entities', async () => {
    const example = path.resolve(__dirname, '../../../examples/typeorm');
    const out = path.join(project('typeorm-out', {}), 'oto.ts');
    const { code, stdout } = await oto(example, 'generate', 'accessors', '--typeorm', 'src/data-source.ts', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toBe(`oto: wrote ${out} (12 accessors)\noto: no accessor for Student.locker: no foreign key columns on either side: nothing joins the two rows\n`);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain(`import { Car, Driver } from '${path.relative(path.dirname(out), path.join(example, 'src/entity/driver')).split(path.sep).join('/')}';`);
    expect(text).toContain('export async function driverCar(db: OtoManager, id: Driver[\'id\']): Promise<Car | null> {');
  }, 60_000);
});
