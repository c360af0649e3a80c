/**
 * The names of the uniques a drizzle-orm 1.0 schema leaves unnamed (a column's `.unique()`,
 * `unique().on(…)`, `uniqueIndex().on(…)`), per dialect: the real drizzle-kit 1.0.0-rc.5 (the v1
 * example's install) generates the migration in a temporary project, and the model oto reads from
 * that project's schema names each unique as the database replayed from the migration does (the
 * kit's snapshot names too, but past PostgreSQL's 63 bytes, which the database cuts its own way);
 * messages carry the name, and comparing the schema with the replayed database finds no rename.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DatabaseFacts, Dialect, Table } from '@oto/core';
import { check, resolveConfig } from '@oto/core';
import { connect, readMigrationFolder, replayMigrationFolder } from '@oto/database';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { loadDrizzleModel } from './load-drizzle';

// Spawns drizzle-kit and replays its migration (PGlite, the servers when set).
jest.setTimeout(120_000);

const example = path.resolve(__dirname, '../../../examples/drizzle-v1');
const KIT = path.join(installed('drizzle-kit', example), 'bin.cjs');
const PG_URL = process.env['OTO_TEST_PG_URL'];
const MYSQL_URL = process.env['OTO_TEST_MYSQL_URL'];

const LONG = 'a_table_with_a_rather_long_name_for_testing_names';
const LONGER = 'a_table_with_a_very_very_long_name_for_testing_names_past_63x';

type KitDialect = Extract<Dialect, 'postgresql' | 'mysql' | 'sqlite'>;

/** The same tables in each dialect's builders; unnamed unique indexes on PostgreSQL only (drizzle-kit 1.0 refuses them on MySQL and names them `null` on SQLite). */
function schema(dialect: KitDialect): string {
  const core = { postgresql: 'pg-core', mysql: 'mysql-core', sqlite: 'sqlite-core' }[dialect];
  const table = { postgresql: 'pgTable', mysql: 'mysqlTable', sqlite: 'sqliteTable' }[dialect];
  const int = dialect === 'mysql' ? 'int' : 'integer';
  const key = dialect === 'mysql' ? "varchar('id', { length: 64 })" : "text('id')";
  const ref = dialect === 'mysql' ? "varchar('serverId', { length: 64 })" : "text('serverId')";
  const indexes = dialect === 'postgresql';
  return `import { defineRelations } from 'drizzle-orm';
import { ${int}, ${table}, ${dialect === 'mysql' ? 'varchar' : 'text'}, unique, uniqueIndex } from 'drizzle-orm/${core}';
export const servers = ${table}('server', { id: ${key}.primaryKey() });
export const users = ${table}('users', { id: ${int}('id').primaryKey() });
export const settings = ${table}('forward_auth_settings', {
  id: ${int}('id').primaryKey(),
  serverId: ${ref}.unique().references(() => servers.id),
  a: ${int}('a'),
  b: ${int}('b'),
  c: ${int}('c'),
  d: ${int}('d'),
}, (t) => [unique().on(t.a, t.b)${indexes ? ', uniqueIndex().on(t.c), uniqueIndex().on(t.c, t.d)' : ''}]);
export const longer = ${table}('${LONG}', {
  id: ${int}('id').primaryKey(),
  userId: ${int}('the_column_with_a_long_name').unique().references(() => users.id),
  x: ${int}('x_column_with_long_name_too'),
  y: ${int}('y_column_with_long_name_too'),
  z: ${int}('z_column_with_long_name_too'),
}, (t) => [unique().on(t.x, t.y)${indexes ? ', uniqueIndex().on(t.z)' : ''}]);
export const longest = ${table}('${LONGER}', { id: ${int}('id').primaryKey(), col: ${int}('col').unique() });
export const relations = defineRelations({ servers, users, settings, longer }, (r) => ({
  servers: { settings: r.many.settings() },
  settings: { server: r.one.servers({ from: r.settings.serverId, to: r.servers.id }) },
  users: { longer: r.one.longer() },
  longer: { user: r.one.users({ from: r.longer.userId, to: r.users.id }) },
}));
`;
}

/** Each table's unique names (and its primary key's), by table and columns. */
type Names = Record<string, string | null>;

const EXPECTED: Record<KitDialect, Names> = {
  postgresql: {
    'forward_auth_settings(serverId)': 'forward_auth_settings_serverId_key',
    'forward_auth_settings(a,b)': 'forward_auth_settings_a_b_unique',
    'forward_auth_settings(c)': 'forward_auth_settings_c_index',
    'forward_auth_settings(c,d)': 'forward_auth_settings_c_d_index',
    // PostgreSQL names the bare UNIQUE drizzle-kit writes, shortening the longer of table and column.
    [`${LONG}(the_column_with_a_long_name)`]: 'a_table_with_a_rather_long_name_the_column_with_a_long_name_key',
    // A name drizzle-kit writes out, past 63 bytes: cut to 63.
    [`${LONG}(x_column_with_long_name_too,y_column_with_long_name_too)`]: 'a_table_with_a_rather_long_name_for_testing_names_x_column_with',
    [`${LONG}(z_column_with_long_name_too)`]: 'a_table_with_a_rather_long_name_for_testing_names_z_column_with',
    [`${LONGER}(col)`]: 'a_table_with_a_very_very_long_name_for_testing_names_pa_col_key',
  },
  mysql: {
    'forward_auth_settings(serverId)': 'serverId_unique',
    'forward_auth_settings(a,b)': 'a_b_unique',
    [`${LONG}(the_column_with_a_long_name)`]: 'the_column_with_a_long_name_unique',
    [`${LONG}(x_column_with_long_name_too,y_column_with_long_name_too)`]: 'x_column_with_long_name_too_y_column_with_long_name_too_unique',
    [`${LONGER}(col)`]: 'col_unique',
  },
  sqlite: {
    'forward_auth_settings(serverId)': 'forward_auth_settings_serverId_unique',
    'forward_auth_settings(a,b)': 'forward_auth_settings_a_b_unique',
    [`${LONG}(the_column_with_a_long_name)`]: `${LONG}_the_column_with_a_long_name_unique`,
    [`${LONG}(x_column_with_long_name_too,y_column_with_long_name_too)`]: `${LONG}_x_column_with_long_name_too_y_column_with_long_name_too_unique`,
    [`${LONGER}(col)`]: `${LONGER}_col_unique`,
  },
};

/** The names drizzle-kit 1.0's PostgreSQL snapshot keeps past 63 bytes (the database's are above). */
const KIT_LONG_NAMES: Names = {
  [`${LONG}(the_column_with_a_long_name)`]: `${LONG}_the_column_with_a_long_name_key`,
  [`${LONG}(x_column_with_long_name_too,y_column_with_long_name_too)`]: `${LONG}_x_column_with_long_name_too_y_column_with_long_name_too_unique`,
  [`${LONG}(z_column_with_long_name_too)`]: `${LONG}_z_column_with_long_name_too_index`,
  [`${LONGER}(col)`]: `${LONGER}_col_key`,
};

/** The primary key of the 61-character table: PostgreSQL names a column's bare PRIMARY KEY itself. */
const LONGEST_PK: Record<KitDialect, string | undefined> = {
  postgresql: 'a_table_with_a_very_very_long_name_for_testing_names_past__pkey',
  mysql: 'PRIMARY',
  sqlite: undefined,
};

const uniqueNames = (tables: readonly Pick<Table, 'name' | 'uniques'>[]): Names =>
  Object.fromEntries(tables.flatMap((t) => t.uniques.map((u) => [`${t.name}(${u.columns.join(',')})`, u.name ?? null] as const)));

interface KitRow {
  readonly entityType: string;
  readonly table: string;
  readonly name: string;
  readonly columns: readonly (string | { readonly value: string })[];
  readonly isUnique?: boolean;
}
/** The unique names in drizzle-kit's snapshot, by table and columns. */
function snapshotNames(dir: string): Names {
  const [folder] = fs.readdirSync(path.join(dir, 'migrations'));
  const { ddl } = JSON.parse(fs.readFileSync(path.join(dir, 'migrations', folder!, 'snapshot.json'), 'utf8')) as { ddl: KitRow[] };
  const uniques = ddl.filter((r) => r.entityType === 'uniques' || (r.entityType === 'indexes' && r.isUnique));
  return Object.fromEntries(uniques.map((r) => [`${r.table}(${r.columns.map((c) => (typeof c === 'string' ? c : c.value)).join(',')})`, r.name]));
}

const MYSQL_SCRATCH = 'oto_j_unique_names';
/** A scratch MySQL database, emptied (dropped after the tests). */
async function scratchMysql(): Promise<string> {
  const admin = await connect(MYSQL_URL!, { cwd: process.cwd() });
  try {
    await admin.exec(`DROP DATABASE IF EXISTS \`${MYSQL_SCRATCH}\`; CREATE DATABASE \`${MYSQL_SCRATCH}\``);
  } finally {
    await admin.close();
  }
  const url = new URL(MYSQL_URL!);
  url.pathname = `/${MYSQL_SCRATCH}`;
  return url.toString();
}
if (MYSQL_URL) {
  afterAll(async () => {
    const drop = await connect(MYSQL_URL, { cwd: process.cwd() });
    await drop.exec(`DROP DATABASE IF EXISTS \`${MYSQL_SCRATCH}\``).finally(() => drop.close());
  }, 60_000);
}

const projects = tempProjects('j-unique-names');

/** The replays each dialect runs: embedded ones always, servers when their URL is set. */
const REPLAYS: Record<KitDialect, readonly { readonly name: string; readonly url?: () => Promise<string> }[]> = {
  postgresql: [{ name: 'PGlite' }],
  mysql: MYSQL_URL ? [{ name: 'MySQL server', url: scratchMysql }] : [],
  sqlite: [{ name: 'in-memory SQLite' }],
};

describe.each(['postgresql', 'mysql', 'sqlite'] as const)('drizzle-orm 1.0 unnamed uniques on %s, as drizzle-kit 1.0 writes them', (dialect) => {
  const dir = projects(dialect, {
    'schema.ts': schema(dialect),
    'drizzle.config.ts': `import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ schema: './schema.ts', out: './migrations', dialect: '${dialect}' });\n`,
  }, { 'drizzle-orm': installed('drizzle-orm', example), 'drizzle-kit': installed('drizzle-kit', example) });
  let generated: { status: number | null; output: string } | undefined;
  const generate = () => {
    if (!generated) {
      const run = spawnSync(process.execPath, [KIT, 'generate', '--name', 'init'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', CI: '1' }, encoding: 'utf8', timeout: 110_000, input: '' });
      generated = { status: run.status, output: `${run.stdout}${run.stderr}` };
    }
    return generated;
  };
  const model = () => loadDrizzleModel({ cwd: dir, schemaFiles: ['schema.ts'] }).model;

  it('the model names each unique as drizzle-kit 1.0 writes it (its snapshot; past 63 bytes on PostgreSQL, as the database keeps it)', () => {
    expect(generate()).toMatchObject({ status: 0 });
    const ours = uniqueNames(model().tables);
    expect(ours).toEqual(EXPECTED[dialect]);
    expect(snapshotNames(dir)).toEqual({ ...EXPECTED[dialect], ...(dialect === 'postgresql' ? KIT_LONG_NAMES : {}) });
    expect(model().tables.find((t) => t.name === LONGER)?.primaryKey?.name).toBe(LONGEST_PK[dialect]);
  });

  it('a message names the unique by that name', () => {
    const hidden = check(model(), resolveConfig({})).diagnostics.find((d) => d.ruleId === 'hidden-one-to-one');
    expect(hidden?.message).toContain(`forward_auth_settings(serverId) is unique (${EXPECTED[dialect]['forward_auth_settings(serverId)']})`);
  });

  const replays = REPLAYS[dialect];
  // MySQL replays into a server only.
  if (replays.length > 0) it.each(replays)('the database replayed from the migration ($name) has the same names, and no rename is reported', async ({ url }) => {
    expect(generate()).toMatchObject({ status: 0 });
    const databaseUrl = url ? await url() : undefined;
    const facts: DatabaseFacts = await replayMigrationFolder(readMigrationFolder(path.join(dir, 'migrations'), 'migrations'), {
      schemaDialect: dialect,
      label: 'migrations',
      cwd: dir,
      ...(databaseUrl ? { databaseUrl } : {}),
    });
    const replayed = uniqueNames(facts.model.tables);
    // SQLite keeps no name of a UNIQUE constraint (its index is sqlite_autoindex_…).
    expect(replayed).toEqual(dialect === 'sqlite' ? Object.fromEntries(Object.keys(EXPECTED.sqlite).map((k) => [k, null])) : EXPECTED[dialect]);
    if (dialect !== 'sqlite') expect(facts.model.tables.find((t) => t.name === LONGER)?.primaryKey?.name).toBe(LONGEST_PK[dialect]);
    const database = check(model(), resolveConfig({}), facts).diagnostics.filter((d) => d.ruleId.startsWith('database-') || d.ruleId.startsWith('migration-'));
    expect(database.map((d) => d.message)).toEqual([]);
  });
});

// The server, like PGlite: a scratch database of its own for the replay.
(PG_URL ? describe : describe.skip)('drizzle-orm 1.0 unnamed uniques on the PostgreSQL server (OTO_TEST_PG_URL)', () => {
  it('has the names PGlite has', async () => {
    const name = 'oto_j_unique_names';
    const admin = await connect(PG_URL!, { cwd: process.cwd() });
    try {
      await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
      await admin.exec(`CREATE DATABASE ${name}`);
    } finally {
      await admin.close();
    }
    const dir = projects('server', {
      'schema.ts': schema('postgresql'),
      'drizzle.config.ts': "import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ schema: './schema.ts', out: './migrations', dialect: 'postgresql' });\n",
    }, { 'drizzle-orm': installed('drizzle-orm', example), 'drizzle-kit': installed('drizzle-kit', example) });
    const run = spawnSync(process.execPath, [KIT, 'generate', '--name', 'init'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', CI: '1' }, encoding: 'utf8', timeout: 110_000, input: '' });
    expect(run.status).toBe(0);
    const url = new URL(PG_URL!);
    url.pathname = `/${name}`;
    try {
      const facts = await replayMigrationFolder(readMigrationFolder(path.join(dir, 'migrations'), 'migrations'), { schemaDialect: 'postgresql', label: 'migrations', cwd: dir, databaseUrl: url.toString() });
      expect(uniqueNames(facts.model.tables)).toEqual(EXPECTED.postgresql);
      const model = loadDrizzleModel({ cwd: dir, schemaFiles: ['schema.ts'] }).model;
      expect(check(model, resolveConfig({}), facts).diagnostics.filter((d) => d.ruleId.startsWith('database-')).map((d) => d.message)).toEqual([]);
    } finally {
      const drop = await connect(PG_URL!, { cwd: process.cwd() });
      await drop.exec(`DROP DATABASE IF EXISTS ${name}`).finally(() => drop.close());
    }
  });
});
