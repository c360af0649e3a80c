/**
 * `oto generate sql --into` a drizzle-kit 1.0 folder, for PostgreSQL, MySQL and SQLite, against
 * the real drizzle-kit 1.0.0-rc.5 (examples/drizzle-v1 installs it):
 * - each change oto writes gives the snapshot drizzle-kit itself writes for the same change of the
 *   schema (PostgreSQL its deltas and footprints, sqlHash included; MySQL and SQLite its model);
 * - on a folder drizzle-kit wrote, `oto generate sql --into`, `oto fix`, then `drizzle-kit
 *   generate` finds no change, `drizzle-kit check` passes, and `oto check --migrations` replays the
 *   folder (PGlite; SQLite in memory; the MariaDB server of OTO_TEST_MYSQL_URL, when set, in a
 *   scratch database).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SqlChange } from '@oto/core';
import { connect } from '@oto/database';
import { tempProjects } from '../../packages/core/src/testing/temp-projects';
import { oto } from '../../packages/cli/src/testing/run-oto';
import { nextV1Snapshot } from '../../packages/cli/src/drizzle-kit-v1-snapshot';
import type { StoredSnapshot } from '../../packages/cli/src/drizzle-kit-v1-snapshot';
import { installed, ROOT } from '../support/paths';

jest.setTimeout(240_000);

type Dialect = 'postgresql' | 'mysql' | 'sqlite';
const DIALECTS: readonly Dialect[] = ['postgresql', 'mysql', 'sqlite'];

const V1 = path.join(ROOT, 'examples/drizzle-v1');
const KIT = path.join(installed('drizzle-kit', V1), 'bin.cjs');
const projects = tempProjects('drizzle-kit-v1-sql');
const project = (name: string, files: Record<string, string>) =>
  projects(name, files, { 'drizzle-orm': installed('drizzle-orm', V1), 'drizzle-kit': installed('drizzle-kit', V1) });

function drizzleKit(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [KIT, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '1' }, encoding: 'utf8', timeout: 120_000, input: '' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const config = (dialect: Dialect) => `import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ schema: './src/schema.ts', out: './drizzle', dialect: '${dialect}' });\n`;

const CORE: Record<Dialect, { module: string; table: string; int: string; id: string; text: (name: string) => string }> = {
  postgresql: { module: 'pg-core', table: 'pgTable', int: 'integer', id: "integer('id').primaryKey()", text: (n) => `text('${n}')` },
  mysql: { module: 'mysql-core', table: 'mysqlTable', int: 'int', id: "int('id').primaryKey().autoincrement()", text: (n) => `varchar('${n}', { length: 50 })` },
  sqlite: { module: 'sqlite-core', table: 'sqliteTable', int: 'integer', id: "integer('id').primaryKey()", text: (n) => `text('${n}')` },
};

interface Edit {
  readonly userId?: string;
  readonly onDelete?: string;
  readonly table?: string;
  readonly unique?: string;
  readonly index?: string;
  readonly extra?: string;
}

/** The tables every parity case starts from: a foreign key, a named UNIQUE and a named unique index to rename. */
function parityTables(dialect: Dialect, edit: Edit = {}): string {
  const c = CORE[dialect];
  const text = c.module === 'mysql-core' ? 'varchar' : 'text';
  return `import { sql } from 'drizzle-orm';
import { ${c.table}, ${c.int}, ${text}, unique, uniqueIndex } from 'drizzle-orm/${c.module}';
export const users = ${c.table}('app_user', { id: ${c.id} });
export const passports = ${c.table}('${edit.table ?? 'passport'}', {
  id: ${c.id},
  userId: ${c.int}('user_id')${edit.userId ?? ''}.references(() => users.id, { onDelete: '${edit.onDelete ?? 'set null'}' }),
  code: ${c.text('code')},
  serial: ${c.text('serial')},
}, (t) => [unique('${edit.unique ?? 'passport_code_key'}').on(t.code), uniqueIndex('${edit.index ?? 'passport_serial_idx'}').on(t.serial)${edit.extra ?? ''}]);
`;
}

const passport = { name: 'passport' };
const hint = (kind: string, from: string, to: string, table?: string) => ({ type: 'rename', kind, from: ['public', ...(table ? [table] : []), from], to: ['public', ...(table ? [table] : []), to] });

/** Each change oto writes, and the same change made to the schema for drizzle-kit. */
const CASES: readonly { readonly name: string; readonly edit: Edit; readonly change: SqlChange; readonly hints?: readonly object[]; readonly only?: readonly Dialect[] }[] = [
  { name: 'a UNIQUE on one column', edit: { userId: ".unique('oto_passport_user_id_key')" }, change: { kind: 'add-unique', table: passport, columns: ['user_id'], name: 'oto_passport_user_id_key', keyKind: 'constraint' } },
  {
    name: 'a UNIQUE on two columns',
    edit: { extra: ", unique('oto_passport_user_id_code_key').on(t.userId, t.code)" },
    change: { kind: 'add-unique', table: passport, columns: ['user_id', 'code'], name: 'oto_passport_user_id_code_key', keyKind: 'constraint' },
  },
  { name: 'a unique index', edit: { extra: ", uniqueIndex('oto_passport_user_id_idx').on(t.userId)" }, change: { kind: 'add-unique', table: passport, columns: ['user_id'], name: 'oto_passport_user_id_idx', keyKind: 'index' } },
  {
    name: 'a partial unique index',
    edit: { extra: ", uniqueIndex('oto_passport_user_id_idx').on(t.userId).where(sql`\"code\" IS NOT NULL`)" },
    change: { kind: 'add-unique', table: passport, columns: ['user_id'], name: 'oto_passport_user_id_idx', keyKind: 'index', where: '"code" IS NOT NULL' },
    // MySQL has no partial indexes (drizzle-orm's MySQL uniqueIndex has no where).
    only: ['postgresql', 'sqlite'],
  },
  { name: 'NOT NULL', edit: { userId: '.notNull()' }, change: { kind: 'set-not-null', table: passport, columns: ['user_id'] } },
  {
    name: 'an ON DELETE',
    edit: { onDelete: 'cascade' },
    change: { kind: 'replace-foreign-key', table: passport, foreignKey: { name: '', columns: ['user_id'], referencedTable: 'app_user', referencedColumns: ['id'], onDelete: 'set-null' }, onDelete: 'cascade' },
  },
  {
    name: 'a renamed UNIQUE',
    edit: { unique: 'oto_passport_code_key' },
    change: { kind: 'rename-unique', table: passport, columns: ['code'], from: 'passport_code_key', to: 'oto_passport_code_key', keyKind: 'constraint' },
    hints: [hint('unique', 'passport_code_key', 'oto_passport_code_key', 'passport')],
  },
  {
    name: 'a renamed unique index',
    edit: { index: 'oto_passport_serial_idx' },
    change: { kind: 'rename-unique', table: passport, columns: ['serial'], from: 'passport_serial_idx', to: 'oto_passport_serial_idx', keyKind: 'index' },
    hints: [hint('index', 'passport_serial_idx', 'oto_passport_serial_idx', 'passport')],
  },
  { name: 'a renamed table', edit: { table: 'oto_passport' }, change: { kind: 'rename-table', table: passport, to: 'oto_passport' }, hints: [hint('table', 'passport', 'oto_passport')] },
];

const readSnapshots = (out: string): StoredSnapshot[] =>
  fs
    .readdirSync(out)
    .sort()
    .map((folder) => ({ folder, snapshot: JSON.parse(fs.readFileSync(path.join(out, folder, 'snapshot.json'), 'utf8')) as StoredSnapshot['snapshot'] }));
const sorted = (rows: unknown) => (rows as unknown[]).map((r) => JSON.stringify(r)).sort();

describe.each(DIALECTS)('%s: the snapshot oto writes is the one drizzle-kit 1.0 writes for the same change', (dialect) => {
  const base = project(`parity-${dialect}`, { 'src/schema.ts': parityTables(dialect), 'drizzle.config.ts': config(dialect) });
  beforeAll(() => expect(drizzleKit(base, 'generate', '--name', 'init').status).toBe(0));

  it.each(CASES.filter((c) => !c.only || c.only.includes(dialect)))('$name', ({ name, edit, change, hints }) => {
    const dir = project(`parity-${dialect}-${name.replace(/\W+/g, '-')}`, { 'src/schema.ts': parityTables(dialect, edit), 'drizzle.config.ts': config(dialect) });
    fs.cpSync(path.join(base, 'drizzle'), path.join(dir, 'drizzle'), { recursive: true });
    const before = readSnapshots(path.join(dir, 'drizzle'));
    const run = drizzleKit(dir, 'generate', '--name', 'change', ...(hints ? ['--hints', JSON.stringify(hints)] : []));
    expect(run.status).toBe(0);
    const theirs = readSnapshots(path.join(dir, 'drizzle'))[1]!.snapshot;
    const ours = nextV1Snapshot(before, [change], String(theirs['id']));
    if ('reason' in ours) throw new Error(ours.reason);
    if (dialect === 'postgresql') {
      expect(ours.snapshot).toEqual(theirs);
    } else {
      const { ddl, ...header } = ours.snapshot;
      const { ddl: theirDdl, ...theirHeader } = theirs;
      expect(header).toEqual(theirHeader);
      expect(sorted(ddl)).toEqual(sorted(theirDdl));
    }
  });
});

/** A one-to-one whose FK has no unique, its FK column NOT NULL or not, with this ON DELETE. */
function appSchema(dialect: Dialect, { notNull, onDelete }: { readonly notNull: boolean; readonly onDelete: string }): string {
  const c = CORE[dialect];
  return `import { defineRelations } from 'drizzle-orm';
import { ${c.table}, ${c.int} } from 'drizzle-orm/${c.module}';
export const users = ${c.table}('app_user', { id: ${c.id} });
export const passports = ${c.table}('passport', {
  id: ${c.id},
  userId: ${c.int}('user_id')${notNull ? '.notNull()' : ''}.references(() => users.id, { onDelete: '${onDelete}' }),
});
export const relations = defineRelations({ users, passports }, (r) => ({
  users: { passport: r.one.passports({ from: r.users.id, to: r.passports.userId }) },
  passports: { user: r.one.users({ from: r.passports.userId, to: r.users.id, optional: false }) },
}));
`;
}

/** An empty MariaDB database of this test's own, when OTO_TEST_MYSQL_URL names a server. */
async function mysqlScratch(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const server = process.env['OTO_TEST_MYSQL_URL'];
  if (!server) return undefined;
  const name = 'oto_a_v1_into';
  const admin = await connect(server, { cwd: process.cwd() });
  await admin.exec(`DROP DATABASE IF EXISTS \`${name}\`; CREATE DATABASE \`${name}\``).finally(() => admin.close());
  const url = new URL(server);
  url.pathname = `/${name}`;
  const drop = async () => {
    const again = await connect(server, { cwd: process.cwd() });
    await again.exec(`DROP DATABASE IF EXISTS \`${name}\``).finally(() => again.close());
  };
  return { url: url.toString(), drop };
}

/**
 * Per dialect what the migration holds: PostgreSQL a unique, NOT NULL and the ON DELETE; MySQL and
 * SQLite the unique (the schema's FK NOT NULL and ON DELETE CASCADE already: SQLite changes neither
 * in place, MySQL restates the whole column for NOT NULL, and a MySQL database refuses SET NULL on a
 * NOT NULL column from the start; their ON DELETE snapshot is held by the parity cases above).
 */
const WORKFLOW: Record<Dialect, { readonly notNull: boolean; readonly onDelete: string; readonly expect: readonly RegExp[] }> = {
  postgresql: { notNull: false, onDelete: 'set null', expect: [/UNIQUE/, /SET NOT NULL/, /ON DELETE RESTRICT/] },
  mysql: { notNull: true, onDelete: 'cascade', expect: [/UNIQUE/] },
  sqlite: { notNull: true, onDelete: 'cascade', expect: [/CREATE UNIQUE INDEX/] },
};

describe.each(DIALECTS.flatMap((d) => [[d, false], [d, true]] as const))('%s (--renames: %s): generate sql --into, oto fix, drizzle-kit generate', (dialect, renames) => {
  it('finds no change left, drizzle-kit check passes, and the folder replays', async () => {
    const dir = project(`workflow-${dialect}-${renames}`, {
      'src/schema.ts': appSchema(dialect, WORKFLOW[dialect]),
      'drizzle.config.ts': config(dialect),
      'package.json': JSON.stringify({ oto: { naming: renames ? 'prefix' : 'off' } }),
    });
    expect(drizzleKit(dir, 'generate', '--name', 'init').status).toBe(0);
    const flags = renames ? ['--renames'] : [];
    const written = await oto(dir, 'generate', 'sql', '--drizzle', 'drizzle.config.ts', '--into', 'drizzle', ...flags);
    expect(written.stderr).toMatch(/^oto: \d+ changes?\n$/);
    expect(written.code).toBe(0);
    const folders = fs.readdirSync(path.join(dir, 'drizzle')).sort();
    expect(folders).toHaveLength(2);
    expect(folders[1]).toMatch(/^\d{14}_oto_one_to_one$/);
    const migration = fs.readFileSync(path.join(dir, 'drizzle', folders[1]!, 'migration.sql'), 'utf8');
    for (const pattern of WORKFLOW[dialect].expect) expect(migration).toMatch(pattern);
    if (renames) expect(migration).toMatch(/RENAME/);

    const fixed = await oto(dir, 'fix', '--drizzle', 'drizzle.config.ts', ...flags);
    expect(fixed.code).toBe(0);
    const next = drizzleKit(dir, 'generate', '--name', 'after');
    expect(next.output).toContain('No schema changes');
    expect(next.status).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'drizzle'))).toHaveLength(2);
    const checked = drizzleKit(dir, 'check');
    expect(checked.output).toContain("Everything's fine");
    expect(checked.status).toBe(0);

    const scratch = dialect === 'mysql' ? await mysqlScratch() : undefined;
    if (dialect === 'mysql' && !scratch) return;
    try {
      const replay = await oto(dir, 'check', '--drizzle', 'drizzle.config.ts', '--migrations', 'drizzle', ...(scratch ? ['--database-url', scratch.url] : []));
      expect(replay.stderr).not.toContain('fails on');
      expect(replay.stdout).not.toContain('database-unique-missing');
      expect(replay.code).toBe(0);
    } finally {
      await scratch?.drop();
    }
  });
});

/**
 * Two branches merged in git leave two migrations after one parent; drizzle-kit's commutativity
 * check intersects their footprints. oto's migration (the unique, NOT NULL, the ON DELETE) and one
 * drizzle-kit writes on another branch: an unrelated column commutes, the same NOT NULL is one
 * change (the same sqlHash), another ON DELETE of the same foreign key is a conflict.
 */
describe("postgresql: oto's migration on a branch, under drizzle-kit check", () => {
  const base = appSchema('postgresql', WORKFLOW.postgresql);
  const start = (slug: string) => {
    const dir = project(`branch-${slug}`, { 'src/schema.ts': base, 'drizzle.config.ts': config('postgresql'), 'package.json': JSON.stringify({ oto: { naming: 'off' } }) });
    expect(drizzleKit(dir, 'generate', '--name', 'init').status).toBe(0);
    return dir;
  };
  /** The other branch's migration, by drizzle-kit, from the same first migration, merged into `dir`'s folder with its schema. */
  const merge = (dir: string, slug: string, schema: string) => {
    const other = project(`branch-${slug}-other`, { 'src/schema.ts': schema, 'drizzle.config.ts': config('postgresql') });
    fs.cpSync(path.join(dir, 'drizzle'), path.join(other, 'drizzle'), { recursive: true, filter: (p) => !p.includes('oto_one_to_one') });
    expect(drizzleKit(other, 'generate', '--name', 'branch').status).toBe(0);
    const folder = fs.readdirSync(path.join(other, 'drizzle')).find((f) => f.endsWith('_branch'))!;
    fs.cpSync(path.join(other, 'drizzle', folder), path.join(dir, 'drizzle', folder), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src/schema.ts'), schema);
  };

  it.each([
    { name: 'an unrelated column', schema: base.replace("id: integer('id').primaryKey() });", "id: integer('id').primaryKey(), note: integer('note') });"), commutes: true },
    { name: 'the same NOT NULL', schema: base.replace("integer('user_id')", "integer('user_id').notNull()"), commutes: true },
    { name: 'another ON DELETE of the same foreign key', schema: base.replace("onDelete: 'set null'", "onDelete: 'cascade'"), commutes: false },
  ])('$name: commutes $commutes', async ({ name, schema, commutes }) => {
    const slug = name.replace(/\W+/g, '-');
    const dir = start(slug);
    expect((await oto(dir, 'generate', 'sql', '--drizzle', 'drizzle.config.ts', '--into', 'drizzle')).code).toBe(0);
    // Git merges the two branches: both migrations after the first, the schema with both changes.
    merge(dir, slug, schema);
    expect((await oto(dir, 'fix', '--drizzle', 'drizzle.config.ts')).code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'drizzle'))).toHaveLength(3);
    const checked = drizzleKit(dir, 'check');
    if (commutes) expect(checked).toEqual({ status: 0, output: expect.stringContaining("Everything's fine") });
    else expect(checked).toEqual({ status: 1, output: expect.stringMatching(/recreate_fk/) });
  });
});

/** A v1 filtered one-to-one (`one({ where })`) with no partial unique behind it; MySQL has no partial indexes. */
describe.each<Dialect>(['postgresql', 'sqlite'])('%s: a filtered one-to-one, generate sql --into, oto fix, drizzle-kit generate', (dialect) => {
  it('writes the partial unique, and drizzle-kit finds no change after oto fix', async () => {
    const c = CORE[dialect];
    const dir = project(`filtered-${dialect}`, {
      'src/schema.ts': `import { defineRelations } from 'drizzle-orm';
import { ${c.table}, ${c.int} } from 'drizzle-orm/${c.module}';
export const users = ${c.table}('app_user', { id: ${c.id} });
export const subscriptions = ${c.table}('subscription', {
  id: ${c.id},
  userId: ${c.int}('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  cancelledAt: ${c.int}('cancelled_at'),
});
export const relations = defineRelations({ users, subscriptions }, (r) => ({
  users: { liveSubscription: r.one.subscriptions({ from: r.users.id, to: r.subscriptions.userId, where: { cancelledAt: { isNull: true } } }) },
}));
`,
      'drizzle.config.ts': config(dialect),
      'package.json': JSON.stringify({ oto: { naming: 'off' } }),
    });
    expect(drizzleKit(dir, 'generate', '--name', 'init').status).toBe(0);
    const written = await oto(dir, 'generate', 'sql', '--drizzle', 'drizzle.config.ts', '--into', 'drizzle');
    expect(written.stderr).toMatch(/^oto: 1 change\n$/);
    const folder = fs.readdirSync(path.join(dir, 'drizzle')).sort()[1]!;
    expect(fs.readFileSync(path.join(dir, 'drizzle', folder, 'migration.sql'), 'utf8')).toMatch(/CREATE UNIQUE INDEX .* WHERE /);

    expect((await oto(dir, 'fix', '--drizzle', 'drizzle.config.ts')).code).toBe(0);
    const next = drizzleKit(dir, 'generate', '--name', 'after');
    expect(next.output).toContain('No schema changes');
    expect(drizzleKit(dir, 'check').output).toContain("Everything's fine");
    const replay = await oto(dir, 'check', '--drizzle', 'drizzle.config.ts', '--migrations', 'drizzle', '--format', 'json');
    expect(replay.stderr).not.toContain('fails on');
    const found = (JSON.parse(replay.stdout) as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId);
    expect(found).not.toContain('one-to-one-unique');
    expect(found).not.toContain('database-unique-missing');
  });
});
