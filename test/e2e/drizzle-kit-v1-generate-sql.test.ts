/**
 * `oto generate sql --into` a drizzle-kit 1.0 folder, for PostgreSQL, MySQL and SQLite, against
 * the real drizzle-kit 1.0.0-rc.5 (examples/drizzle-v1 installs it; the snapshot of each change is
 * compared with drizzle-kit's in drizzle-kit-v1-snapshot-parity.test.ts): on a folder drizzle-kit
 * wrote, `oto generate sql --into`, `oto fix`, then `drizzle-kit generate` finds no change,
 * `drizzle-kit check` passes, and `oto check --migrations` replays the folder (PGlite; SQLite in
 * memory; the MariaDB server of OTO_TEST_MYSQL_URL, when set, in a scratch database); oto's
 * migration beside another branch's under drizzle-kit's commutativity check; a filtered one-to-one.
 * drizzle-kit runs two at a time; each schema's `init` is generated once and its folder copied.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { connect } from '@oto/database';
import { oto } from '../../packages/cli/src/testing/run-oto';
import { CORE, DIALECTS, drizzleV1Projects, kitConfig as config } from '../support/drizzle-v1-projects';
import type { Dialect } from '../support/drizzle-v1-projects';

jest.setTimeout(240_000);

const { copied, initialised, drizzleKit, later } = drizzleV1Projects('drizzle-kit-v1-sql');

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
