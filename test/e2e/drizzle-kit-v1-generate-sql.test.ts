/**
 * `oto generate sql --into` a drizzle-kit 1.0 folder, for PostgreSQL, MySQL and SQLite, against
 * the real drizzle-kit 1.0.0-rc.5 (examples/drizzle-v1 installs it):
 * - each change oto writes gives the snapshot drizzle-kit itself writes for the same change of the
 *   schema (PostgreSQL its deltas and footprints, sqlHash included; MySQL and SQLite its model);
 * - on a folder drizzle-kit wrote, `oto generate sql --into`, `oto fix`, then `drizzle-kit
 *   generate` finds no change, `drizzle-kit check` passes, and `oto check --migrations` replays the
 *   folder (PGlite; SQLite in memory; the MariaDB server of OTO_TEST_MYSQL_URL, when set, in a
 *   scratch database).
 * drizzle-kit runs as few times as that takes, two at a time: a dialect's parity cases are a few
 * migrations of several changes each, each schema's `init` is generated once and its folder copied,
 * and the runs that wait for no oto step start together in the first beforeAll.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SqlChange } from '@oto/core';
import { connect } from '@oto/database';
import { tempProjects } from '../../packages/core/src/testing/temp-projects';
import { oto } from '../../packages/cli/src/testing/run-oto';
import { nextV1Snapshot } from '../../packages/cli/src/drizzle-kit-v1-snapshot';
import type { StoredSnapshot } from '../../packages/cli/src/drizzle-kit-v1-snapshot';
import { installed, ROOT } from '../support/paths';
import { kitRunner, startedTogether } from '../support/drizzle-kit-runs';

jest.setTimeout(240_000);

type Dialect = 'postgresql' | 'mysql' | 'sqlite';
const DIALECTS: readonly Dialect[] = ['postgresql', 'mysql', 'sqlite'];

const V1 = path.join(ROOT, 'examples/drizzle-v1');
const KIT = path.join(installed('drizzle-kit', V1), 'bin.cjs');
const projects = tempProjects('drizzle-kit-v1-sql');
const project = (name: string, files: Record<string, string>) =>
  projects(name, files, { 'drizzle-orm': installed('drizzle-orm', V1), 'drizzle-kit': installed('drizzle-kit', V1) });

const drizzleKit = kitRunner(KIT);
const later = startedTogether();

/** A project with these files and a copy of `from`'s drizzle folder. */
function copied(from: string, name: string, files: Record<string, string>): string {
  const dir = project(name, files);
  fs.cpSync(path.join(from, 'drizzle'), path.join(dir, 'drizzle'), { recursive: true });
  return dir;
}

/** A project whose first migration, `init`, drizzle-kit writes (once: copy it with `copied`). */
function initialised(name: string, files: Record<string, string>): () => Promise<string> {
  return later(async () => {
    const dir = project(name, files);
    const run = await drizzleKit(dir, 'generate', '--name', 'init');
    if (run.status !== 0) throw new Error(`drizzle-kit generate --name init in ${name}: exit ${run.status}\n${run.output}`);
    return dir;
  });
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

/**
 * Each change oto writes, and the same change made to the schema for drizzle-kit. A dialect's
 * changes are three migrations, each change its own rows, deltas and footprint: the `keys` (the
 * UNIQUEs, NOT NULL, ON DELETE), the `indexes` (apart: beside a unique index on the same column
 * drizzle-kit's SQLite snapshot leaves the column's UNIQUE out) and the `renames` (the uniques'
 * first, then their table's; drizzle-kit wants the uniques' hints on the table's new name). On
 * PostgreSQL the table's rename is a migration of its own: in one diff with it drizzle-kit keys a
 * unique's rename on the table's new name, oto on the old one, its rename first (deltas are applied
 * in order: drizzle-kit reads both to the same model), so the two diffs differ though both are right.
 */
const CASES: readonly {
  readonly name: string;
  readonly migration: 'keys' | 'indexes' | 'renames';
  readonly edit: Edit;
  readonly change: SqlChange;
  readonly hints?: (table: string) => readonly object[];
  readonly only?: readonly Dialect[];
}[] = [
  { name: 'a UNIQUE on one column', migration: 'keys', edit: { userId: ".unique('oto_passport_user_id_key')" }, change: { kind: 'add-unique', table: passport, columns: ['user_id'], name: 'oto_passport_user_id_key', keyKind: 'constraint' } },
  {
    name: 'a UNIQUE on two columns',
    migration: 'keys',
    edit: { extra: ", unique('oto_passport_user_id_code_key').on(t.userId, t.code)" },
    change: { kind: 'add-unique', table: passport, columns: ['user_id', 'code'], name: 'oto_passport_user_id_code_key', keyKind: 'constraint' },
  },
  { name: 'a unique index', migration: 'indexes', edit: { extra: ", uniqueIndex('oto_passport_user_id_idx').on(t.userId)" }, change: { kind: 'add-unique', table: passport, columns: ['user_id'], name: 'oto_passport_user_id_idx', keyKind: 'index' } },
  {
    name: 'a partial unique index',
    migration: 'indexes',
    edit: { extra: ", uniqueIndex('oto_passport_user_id_live_idx').on(t.userId).where(sql`\"code\" IS NOT NULL`)" },
    change: { kind: 'add-unique', table: passport, columns: ['user_id'], name: 'oto_passport_user_id_live_idx', keyKind: 'index', where: '"code" IS NOT NULL' },
    // MySQL has no partial indexes (drizzle-orm's MySQL uniqueIndex has no where).
    only: ['postgresql', 'sqlite'],
  },
  { name: 'NOT NULL', migration: 'keys', edit: { userId: '.notNull()' }, change: { kind: 'set-not-null', table: passport, columns: ['user_id'] } },
  {
    name: 'an ON DELETE',
    migration: 'keys',
    edit: { onDelete: 'cascade' },
    change: { kind: 'replace-foreign-key', table: passport, foreignKey: { name: '', columns: ['user_id'], referencedTable: 'app_user', referencedColumns: ['id'], onDelete: 'set-null' }, onDelete: 'cascade' },
  },
  {
    name: 'a renamed UNIQUE',
    migration: 'renames',
    edit: { unique: 'oto_passport_code_key' },
    change: { kind: 'rename-unique', table: passport, columns: ['code'], from: 'passport_code_key', to: 'oto_passport_code_key', keyKind: 'constraint' },
    hints: (table) => [hint('unique', 'passport_code_key', 'oto_passport_code_key', table)],
  },
  {
    name: 'a renamed unique index',
    migration: 'renames',
    edit: { index: 'oto_passport_serial_idx' },
    change: { kind: 'rename-unique', table: passport, columns: ['serial'], from: 'passport_serial_idx', to: 'oto_passport_serial_idx', keyKind: 'index' },
    hints: (table) => [hint('index', 'passport_serial_idx', 'oto_passport_serial_idx', table)],
  },
  { name: 'a renamed table', migration: 'renames', edit: { table: 'oto_passport' }, change: { kind: 'rename-table', table: passport, to: 'oto_passport' }, hints: () => [hint('table', 'passport', 'oto_passport')] },
];

const readSnapshots = (out: string): StoredSnapshot[] =>
  fs
    .readdirSync(out)
    .sort()
    .map((folder) => ({ folder, snapshot: JSON.parse(fs.readFileSync(path.join(out, folder, 'snapshot.json'), 'utf8')) as StoredSnapshot['snapshot'] }));
const sorted = (rows: unknown) => (rows as unknown[]).map((r) => JSON.stringify(r)).sort();

/** The cases of one migration together: the edits merged into one schema, the changes and hints in order. */
function together(cases: typeof CASES) {
  const edit: Edit = {
    userId: cases.map((c) => c.edit.userId ?? '').join(''),
    extra: cases.map((c) => c.edit.extra ?? '').join(''),
    ...Object.assign({}, ...cases.map(({ edit: { userId: _u, extra: _e, ...rest } }) => rest)),
  };
  return { edit, changes: cases.map((c) => c.change), hints: cases.flatMap((c) => c.hints?.(edit.table ?? 'passport') ?? []) };
}

const MIGRATIONS = ['keys', 'indexes', 'renames', 'table'] as const;
const migrationOf = (dialect: Dialect, c: (typeof CASES)[number]) => (dialect === 'postgresql' && c.change.kind === 'rename-table' ? 'table' : c.migration);
const PARITY = DIALECTS.map((dialect) => {
  const base = initialised(`parity-${dialect}`, { 'src/schema.ts': parityTables(dialect), 'drizzle.config.ts': config(dialect) });
  const migrations = MIGRATIONS.flatMap((migration) => {
    const cases = CASES.filter((c) => migrationOf(dialect, c) === migration && (!c.only || c.only.includes(dialect)));
    if (cases.length === 0) return [];
    const { edit, changes, hints } = together(cases);
    const run = later(async () => {
      const dir = copied(await base(), `parity-${dialect}-${migration}`, { 'src/schema.ts': parityTables(dialect, edit), 'drizzle.config.ts': config(dialect) });
      const before = readSnapshots(path.join(dir, 'drizzle'));
      const kit = await drizzleKit(dir, 'generate', '--name', 'change', ...(hints.length > 0 ? ['--hints', JSON.stringify(hints)] : []));
      return { before, kit, after: kit.status === 0 ? readSnapshots(path.join(dir, 'drizzle')) : [] };
    });
    return [{ migration, names: cases.map((c) => c.name).join(', '), changes, run }];
  });
  return [dialect, migrations] as const;
});

describe.each(PARITY)('%s: the snapshot oto writes is the one drizzle-kit 1.0 writes for the same changes', (dialect, migrations) => {
  it.each(migrations)('$migration: $names', async ({ changes, run }) => {
    const { before, kit, after } = await run();
    if (kit.status !== 0) throw new Error(`drizzle-kit generate: exit ${kit.status}\n${kit.output}`);
    expect(after).toHaveLength(2);
    const theirs = after[1]!.snapshot;
    const ours = nextV1Snapshot(before, changes, String(theirs['id']));
    if ('reason' in ours) throw new Error(ours.reason);
    if (dialect === 'postgresql') {
      // One delta and one footprint a change, in drizzle-kit's statement order: compared as sets, as drizzle-kit reads them.
      const { deltas, footprints, ...header } = ours.snapshot;
      const { deltas: theirDeltas, footprints: theirFootprints, ...theirHeader } = theirs;
      expect(header).toEqual(theirHeader);
      expect(sorted(deltas)).toEqual(sorted(theirDeltas));
      expect(sorted(footprints)).toEqual(sorted(theirFootprints));
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

/** Each dialect's app schema, its `init` by drizzle-kit (copied by the workflow and the branch cases). */
const APP = Object.fromEntries(
  DIALECTS.map((dialect) => [dialect, initialised(`app-${dialect}`, { 'src/schema.ts': appSchema(dialect, WORKFLOW[dialect]), 'drizzle.config.ts': config(dialect) })]),
) as Record<Dialect, () => Promise<string>>;

/** `drizzle-kit generate` after oto (it must find no change) and `drizzle-kit check`, side by side: both only read the folder. */
const generateAndCheck = (dir: string) => Promise.all([drizzleKit(dir, 'generate', '--name', 'after'), drizzleKit(dir, 'check')]);

// With --renames, and the naming convention on: the migration holds the renames beside the unique,
// NOT NULL and ON DELETE. Without them (naming off, no --renames) generate sql --into and oto fix
// run on PostgreSQL in the branch cases and on PostgreSQL and SQLite in the filtered case below.
describe.each(DIALECTS)('%s (--renames): generate sql --into, oto fix, drizzle-kit generate', (dialect) => {
  it('finds no change left, drizzle-kit check passes, and the folder replays', async () => {
    const dir = copied(await APP[dialect](), `workflow-${dialect}`, {
      'src/schema.ts': appSchema(dialect, WORKFLOW[dialect]),
      'drizzle.config.ts': config(dialect),
      'package.json': JSON.stringify({ oto: { naming: 'prefix' } }),
    });
    const written = await oto(dir, 'generate', 'sql', '--drizzle', 'drizzle.config.ts', '--into', 'drizzle', '--renames');
    expect(written.stderr).toMatch(/^oto: \d+ changes?\n$/);
    expect(written.code).toBe(0);
    const folders = fs.readdirSync(path.join(dir, 'drizzle')).sort();
    expect(folders).toHaveLength(2);
    expect(folders[1]).toMatch(/^\d{14}_oto_one_to_one$/);
    const migration = fs.readFileSync(path.join(dir, 'drizzle', folders[1]!, 'migration.sql'), 'utf8');
    for (const pattern of WORKFLOW[dialect].expect) expect(migration).toMatch(pattern);
    expect(migration).toMatch(/RENAME/);

    const fixed = await oto(dir, 'fix', '--drizzle', 'drizzle.config.ts', '--renames');
    expect(fixed.code).toBe(0);
    const [next, checked] = await generateAndCheck(dir);
    expect(next.output).toContain('No schema changes');
    expect(next.status).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'drizzle'))).toHaveLength(2);
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
const BASE = appSchema('postgresql', WORKFLOW.postgresql);
const BRANCHES = [
  { name: 'an unrelated column', schema: BASE.replace("id: integer('id').primaryKey() });", "id: integer('id').primaryKey(), note: integer('note') });"), commutes: true },
  { name: 'the same NOT NULL', schema: BASE.replace("integer('user_id')", "integer('user_id').notNull()"), commutes: true },
  { name: 'another ON DELETE of the same foreign key', schema: BASE.replace("onDelete: 'set null'", "onDelete: 'cascade'"), commutes: false },
].map((branch) => {
  const slug = branch.name.replace(/\W+/g, '-');
  // The other branch's migration, by drizzle-kit, from the same first migration.
  const other = later(async () => {
    const dir = copied(await APP.postgresql(), `branch-${slug}-other`, { 'src/schema.ts': branch.schema, 'drizzle.config.ts': config('postgresql') });
    const run = await drizzleKit(dir, 'generate', '--name', 'branch');
    if (run.status !== 0) throw new Error(`drizzle-kit generate --name branch: exit ${run.status}\n${run.output}`);
    return path.join(dir, 'drizzle', fs.readdirSync(path.join(dir, 'drizzle')).find((f) => f.endsWith('_branch'))!);
  });
  return { ...branch, slug, other };
});

describe("postgresql: oto's migration on a branch, under drizzle-kit check", () => {
  it.each(BRANCHES)('$name: commutes $commutes', async ({ slug, schema, commutes, other }) => {
    const dir = copied(await APP.postgresql(), `branch-${slug}`, { 'src/schema.ts': BASE, 'drizzle.config.ts': config('postgresql'), 'package.json': JSON.stringify({ oto: { naming: 'off' } }) });
    expect((await oto(dir, 'generate', 'sql', '--drizzle', 'drizzle.config.ts', '--into', 'drizzle')).code).toBe(0);
    // Git merges the two branches: both migrations after the first, the schema with both changes.
    const branch = await other();
    fs.cpSync(branch, path.join(dir, 'drizzle', path.basename(branch)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src/schema.ts'), schema);
    expect((await oto(dir, 'fix', '--drizzle', 'drizzle.config.ts')).code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'drizzle'))).toHaveLength(3);
    const checked = await drizzleKit(dir, 'check');
    if (commutes) expect(checked).toEqual({ status: 0, output: expect.stringContaining("Everything's fine") });
    else expect(checked).toEqual({ status: 1, output: expect.stringMatching(/recreate_fk/) });
  });
});

/** A v1 filtered one-to-one (`one({ where })`) with no partial unique behind it; MySQL has no partial indexes. */
const FILTERED = Object.fromEntries(
  (['postgresql', 'sqlite'] as const).map((dialect) => {
    const c = CORE[dialect];
    const schema = `import { defineRelations } from 'drizzle-orm';
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
`;
    return [dialect, initialised(`filtered-${dialect}`, { 'src/schema.ts': schema, 'drizzle.config.ts': config(dialect), 'package.json': JSON.stringify({ oto: { naming: 'off' } }) })];
  }),
) as Record<'postgresql' | 'sqlite', () => Promise<string>>;

describe.each<'postgresql' | 'sqlite'>(['postgresql', 'sqlite'])('%s: a filtered one-to-one, generate sql --into, oto fix, drizzle-kit generate', (dialect) => {
  it('writes the partial unique, and drizzle-kit finds no change after oto fix', async () => {
    const dir = await FILTERED[dialect]();
    const written = await oto(dir, 'generate', 'sql', '--drizzle', 'drizzle.config.ts', '--into', 'drizzle');
    expect(written.stderr).toMatch(/^oto: 1 change\n$/);
    const folder = fs.readdirSync(path.join(dir, 'drizzle')).sort()[1]!;
    expect(fs.readFileSync(path.join(dir, 'drizzle', folder, 'migration.sql'), 'utf8')).toMatch(/CREATE UNIQUE INDEX .* WHERE /);

    expect((await oto(dir, 'fix', '--drizzle', 'drizzle.config.ts')).code).toBe(0);
    const [next, checked] = await generateAndCheck(dir);
    expect(next.output).toContain('No schema changes');
    expect(checked.output).toContain("Everything's fine");
    const replay = await oto(dir, 'check', '--drizzle', 'drizzle.config.ts', '--migrations', 'drizzle', '--format', 'json');
    expect(replay.stderr).not.toContain('fails on');
    const found = (JSON.parse(replay.stdout) as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId);
    expect(found).not.toContain('one-to-one-unique');
    expect(found).not.toContain('database-unique-missing');
  });
});
