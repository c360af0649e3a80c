/**
 * The partial unique of a filtered one-to-one (drizzle-orm 1.0's `one({ where })`), written by
 * `oto fix` into the schema source and by `oto generate sql` as SQL: on a real drizzle-orm 1.0
 * project (PostgreSQL and SQLite), the edited schema checks clean for that relation, and the SQL
 * runs on PGlite and SQLite, its guard stopping on duplicates among the filtered rows only, the
 * index read back by oto's introspection backing the filter. MySQL has no partial indexes: refused.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, conventionUniqueName, findFilterKey, planSqlChanges, renderSql, resolveConfig, setAsideLines } from '@oto/core';
import type { SchemaModel, SqlDialect, SqlPlan } from '@oto/core';
import { connect, createPglite, introspect, pgliteClient } from '@oto/database';
import type { SqlClient } from '@oto/database';
import { installed, tempProjects } from '../../../core/src/testing/temp-projects';
import { loadDrizzleModel } from '../load-drizzle';
import { editDrizzleSchema } from './edit-drizzle-schema';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const V1 = installed('drizzle-orm-v1', path.resolve(__dirname, '../..'));

const RELATIONS = `export const relations = defineRelations({ users, addresses }, (r) => ({
  users: {
    addresses: r.many.addresses(),
    primaryAddress: r.one.addresses({ from: r.users.id, to: r.addresses.userId, where: { isPrimary: true } }),
  },
  addresses: { user: r.one.users({ from: r.addresses.userId, to: r.users.id, optional: false }) },
}));
`;
const SCHEMAS: Record<'postgresql' | 'sqlite', string> = {
  postgresql: `import { defineRelations } from 'drizzle-orm';
import { boolean, integer, pgTable, serial } from 'drizzle-orm/pg-core';
export const users = pgTable('app_user', { id: serial('id').primaryKey() });
export const addresses = pgTable('oto_address', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  isPrimary: boolean('is_primary').notNull().default(false),
});
${RELATIONS}`,
  sqlite: `import { defineRelations } from 'drizzle-orm';
import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';
export const users = sqliteTable('app_user', { id: integer('id').primaryKey() });
export const addresses = sqliteTable('oto_address', {
  id: integer('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
}, (t) => []);
${RELATIONS}`,
};
const DDL: Record<'postgresql' | 'sqlite', string> = {
  postgresql: 'CREATE TABLE app_user (id serial PRIMARY KEY); CREATE TABLE oto_address (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES app_user (id), is_primary boolean NOT NULL DEFAULT false);',
  sqlite: 'CREATE TABLE app_user (id integer PRIMARY KEY); CREATE TABLE oto_address (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES app_user (id), is_primary integer NOT NULL DEFAULT 0);',
};
/** How each DDL above writes true (drizzle-orm writes the filter's `true` as TRUE for both: SQLite reads it as 1). */
const TRUE: Record<'postgresql' | 'sqlite', string> = { postgresql: 'true', sqlite: '1' };

const project = tempProjects('drizzle-partial-unique');
const findingsOf = (model: SchemaModel) =>
  check(model, resolveConfig({ naming: 'prefix' })).diagnostics.filter((d) => d.location.relation === 'users.primaryAddress').map((d) => `${d.ruleId}/${d.messageId}`);
const plan = (model: SchemaModel, dialect: SqlDialect, target: 'schema' | 'database'): SqlPlan =>
  planSqlChanges(check(model, resolveConfig({ naming: 'prefix' })).diagnostics, {
    dialect,
    tables: model.tables,
    uniqueName: (table, columns) => conventionUniqueName(table, columns),
    renames: false,
    onDelete: 'restrict',
    target,
  });

describe.each(['postgresql', 'sqlite'] as const)('the partial unique of a filtered one-to-one on %s', (dialect) => {
  const dir = project(dialect, { 'schema.ts': SCHEMAS[dialect], 'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'es2022', skipLibCheck: true } }) }, { 'drizzle-orm': V1 });
  const load = () => loadDrizzleModel({ cwd: dir, schemaFiles: ['schema.ts'] }).model;
  let model: SchemaModel;
  beforeAll(() => {
    model = load();
  });

  it('oto fix writes uniqueIndex(…).on(…).where(sql`…`), and the schema then checks clean for that relation', () => {
    expect(findingsOf(model)).toEqual(['one-to-one-unique/filtered', 'false-one-to-one/primaryOfMany']);
    const fixes = plan(model, dialect, 'schema');
    expect(fixes.changes.map((c) => c.change)).toEqual([
      { kind: 'add-unique', table: { name: 'oto_address' }, columns: ['user_id'], name: 'oto_address_user_id_key', keyKind: 'index', where: '"is_primary" = true' },
    ]);
    const edits = editDrizzleSchema(model, fixes.changes, (file) => fs.readFileSync(path.resolve(dir, file), 'utf8'));
    expect(edits.setAside).toEqual([]);
    const [[file, text]] = [...edits.files] as [[string, string]];
    // The extra config created (PostgreSQL's table has none) or extended (SQLite's empty one); sql and uniqueIndex imported.
    const param = dialect === 'postgresql' ? 'table' : 't';
    expect(text).toContain(`(${param}) => [uniqueIndex('oto_address_user_id_key').on(${param}.userId).where(sql\`"is_primary" = true\`)]);`);
    expect(text).toMatch(/^import \{ defineRelations, sql \} from 'drizzle-orm';\nimport \{ [^}]*, uniqueIndex \} from 'drizzle-orm\/(pg|sqlite)-core';\n/);
    fs.writeFileSync(path.resolve(dir, file), text);
    const fixed = load();
    expect(findingsOf(fixed)).toEqual([]);
    expect(plan(fixed, dialect, 'schema').changes).toEqual([]);
  });

  it('oto generate sql writes CREATE UNIQUE INDEX … WHERE …, which the database runs, its guard counting only the filtered rows', async () => {
    const sql = renderSql(plan(model, dialect, 'database'), { source: 'schema.ts', command: 'oto generate sql', runner: 'migrator' });
    expect(sql.statements).toContain('CREATE UNIQUE INDEX "oto_address_user_id_key" ON "oto_address" ("user_id") WHERE "is_primary" = true;');
    expect(sql.down).toEqual(['DROP INDEX "oto_address_user_id_key";']);
    const open = async (): Promise<SqlClient> => (dialect === 'postgresql' ? pgliteClient(await createPglite(), { owned: true }) : connect('sqlite::memory:', { cwd: dir }));
    const run = async (client: SqlClient) => {
      // Statement by statement, as a migration runner sends them.
      for (const statement of sql.statements) await client.exec(statement);
    };

    // Two rows per user, one primary: the partial unique goes in, and backs the filter.
    const sound = await open();
    try {
      await sound.exec(`${DDL[dialect]} INSERT INTO app_user (id) VALUES (1); INSERT INTO oto_address (user_id, is_primary) VALUES (1, ${TRUE[dialect]}), (1, ${dialect === 'postgresql' ? 'false' : '0'});`);
      await run(sound);
      const table = (await introspect(sound)).model.tables.find((t) => t.name === 'oto_address')!;
      const filter = model.relations.find((r) => r.name === 'users.primaryAddress')!.filter!.sql!;
      expect(findFilterKey(table, ['user_id'], filter)?.name).toBe('oto_address_user_id_key');
    } finally {
      await sound.close();
    }

    // Two primary rows for one user: the guard stops before any change, naming the key.
    const broken = await open();
    try {
      await broken.exec(`${DDL[dialect]} INSERT INTO app_user (id) VALUES (1); INSERT INTO oto_address (user_id, is_primary) VALUES (1, ${TRUE[dialect]}), (1, ${TRUE[dialect]});`);
      await expect(run(broken)).rejects.toThrow(/duplicate keys in oto_address\(user_id\) WHERE "is_primary" = true: \(1\) 2 rows/);
      await broken.exec('ROLLBACK');
      expect((await introspect(broken)).model.tables.find((t) => t.name === 'oto_address')!.uniques).toEqual([]);
    } finally {
      await broken.close();
    }
  });
});

it('MySQL has no partial indexes: oto fix and oto generate sql set the partial unique aside in one line', () => {
  const model: SchemaModel = {
    source: 'drizzle',
    dialect: 'mysql',
    tables: [
      { name: 'app_user', columns: [{ name: 'id', nullable: false }], primaryKey: { columns: ['id'] }, uniques: [], foreignKeys: [] },
      {
        name: 'oto_address',
        columns: [{ name: 'id', nullable: false }, { name: 'user_id', nullable: false }, { name: 'is_primary', nullable: false }],
        primaryKey: { columns: ['id'] },
        uniques: [],
        foreignKeys: [{ columns: ['user_id'], referencedTable: 'app_user', referencedColumns: ['id'] }],
      },
    ],
    relations: [
      {
        name: 'users.primaryAddress',
        dependent: { table: 'oto_address', cardinality: 'one', optional: false },
        principal: { table: 'app_user', field: 'primaryAddress', cardinality: 'one', optional: true },
        foreignKey: { columns: ['user_id'], referencedColumns: ['id'] },
        filter: { text: '{"isPrimary":true}', sql: '`is_primary` = true' },
      },
    ],
  };
  for (const target of ['schema', 'database'] as const) {
    const planned = plan(model, 'mysql', target);
    expect(planned.changes).toEqual([]);
    expect(setAsideLines(planned.setAside)).toEqual([
      'users.primaryAddress: a partial unique on oto_address(user_id) WHERE `is_primary` = true: MySQL has no partial (WHERE) indexes: enforce the filtered one-to-one otherwise (a generated column that is NULL outside the filter, with a unique over it), or declare the relation many',
    ]);
  }
});
