/**
 * Hostile filter values in a v1 filtered one-to-one (`one({ where: { status: '…' } })`): the text a
 * user wrote becomes a predicate in SQL (CREATE UNIQUE INDEX … WHERE, the guard before it) and in
 * TypeScript (`.where(sql\`…\`)` in the schema). Quotes, backslashes (PostgreSQL with
 * standard_conforming_strings off reads them as escapes), comment markers, line terminators,
 * dollar-quote tags, backticks and `${` must all stay the literal they were: the migration runs,
 * creates nothing else, refuses a second row with that very value and no other, and oto reads the
 * index back as backing the filter; the edited source evaluates to the same predicate and name.
 */
import { findFilterKey, planSqlChanges, check, resolveConfig, renderSql, conventionUniqueName } from '@oto/core';
import type { Diagnostic, SchemaModel, SqlChange, SqlDialect, Table } from '@oto/core';
import { connect, introspect } from '@oto/database';
import type { SqlClient } from '@oto/database';
import { defineRelations } from 'drizzle-orm-v1';
import { integer, pgTable, text } from 'drizzle-orm-v1/pg-core';
import { integer as sqliteInteger, sqliteTable, text as sqliteText } from 'drizzle-orm-v1/sqlite-core';
import { Node, Project, ts } from 'ts-morph';
import { inFreshSchema, postgresTargets } from '../../../database/src/testing/postgres-targets';
import { fromDrizzle } from '../from-drizzle';
import { editDrizzleSchema } from './edit-drizzle-schema';

jest.setTimeout(120_000);

const HOSTILE: readonly string[] = [
  "it's",
  'ends in a backslash\\',
  "\\'); DROP TABLE users; --",
  "\\' OR 1=1 OR '",
  '*/ DROP TABLE users; /*',
  '-- a comment',
  'line\nbreak',
  'cr\rand crlf\r\n',
  '$$',
  '$oto$ $oto1$',
  '`tick` ``',
  '${x} \\${y}',
  'separators\u2028\u2029\u0085',
  '\u202e bidi',
  '"double" ""',
  'é 😀',
  'tab\there',
];

const FILTERS: readonly ((value: string) => Record<string, unknown>)[] = [(v) => ({ status: v }), (v) => ({ status: { in: [v, 'plain'] } })];

function modelOf(table: unknown, users: unknown, filter: Record<string, unknown>): SchemaModel {
  // The tables differ per dialect: the relations builder is read untyped.
  const relations = defineRelations({ users, sub: table } as unknown as Record<string, never>, (r) => {
    const one = (r as unknown as { one: Record<string, (config: object) => unknown> }).one;
    const columns = r as unknown as Record<string, Record<string, unknown>>;
    return { users: { current: one['sub']!({ from: columns['users']!['id'], to: columns['sub']!['userId'], where: filter }) } } as never;
  });
  return fromDrizzle({ exports: [{ name: 'users', value: users }, { name: 'sub', value: table }, { name: 'relations', value: relations }] }).model;
}

const config = resolveConfig({ naming: 'off' });
const planOf = (model: SchemaModel, dialect: SqlDialect, target: 'schema' | 'database') =>
  planSqlChanges(check(model, config).diagnostics, { dialect, tables: model.tables, uniqueName: (t, c) => conventionUniqueName(t, c), renames: false, onDelete: 'restrict', target });

const PARAM: Record<'postgresql' | 'sqlite', (i: number) => string> = { postgresql: (i) => `$${i}`, sqlite: () => '?' };

/** Runs the migration for the filter on `value` and checks what it did. */
async function migrate(client: SqlClient, dialect: 'postgresql' | 'sqlite', model: SchemaModel, value: string, before = '', after = ''): Promise<void> {
  const p = PARAM[dialect];
  await client.exec('CREATE TABLE users (id integer PRIMARY KEY); CREATE TABLE sub (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES users (id), status text)');
  await client.exec('INSERT INTO users (id) VALUES (1)');
  const insert = (id: number, status: string) => client.query(`INSERT INTO sub (id, user_id, status) VALUES (${p(1)}, 1, ${p(2)}) RETURNING id`, [id, status]);
  // Two rows outside the filter: the guard counts only the filtered ones.
  await insert(1, value);
  await insert(2, 'other');
  await insert(3, 'other');
  const sql = renderSql(planOf(model, dialect, 'database'), { source: 'schema.ts', command: 'test', runner: 'cli' });
  expect(sql.statements.some((s) => s.startsWith('CREATE UNIQUE INDEX'))).toBe(true);
  await client.exec(`${before}${sql.text}${after}`);
  const { model: actual } = await introspect(client);
  const own = actual.tables.filter((t) => t.schema === undefined || dialect === 'sqlite');
  expect(own.map((t) => t.name).sort()).toEqual(['sub', 'users']);
  const table = own.find((t) => t.name === 'sub') as Table;
  expect({ value, index: table.uniques.map((u) => u.where), backs: findFilterKey(table, ['user_id'], model.relations[0]!.filter!.sql!) !== undefined }).toEqual({
    value,
    index: [expect.any(String)],
    backs: true,
  });
  // The index holds the value as it is: a second row with it is refused, another value is not.
  await expect(insert(4, value)).rejects.toThrow(/unique|duplicate/i);
  await insert(5, 'other');
}

describe.each(postgresTargets())('hostile filter values on $name', (target) => {
  afterAll(() => target.close());
  const users = pgTable('users', { id: integer('id').primaryKey() });
  const sub = pgTable('sub', { id: integer('id').primaryKey(), userId: integer('user_id').notNull().references(() => users.id), status: text('status') });

  it.each([
    ['standard_conforming_strings on', '', ''],
    ['standard_conforming_strings off', 'SET standard_conforming_strings = off;\n', '\nRESET standard_conforming_strings;'],
  ])('the migration keeps each value a literal (%s)', async (_name, before, after) => {
    const client = await target.client();
    for (const value of HOSTILE) {
      for (const filter of FILTERS) {
        await inFreshSchema(client, () => migrate(client, 'postgresql', modelOf(sub, users, filter(value)), value, before, after));
      }
    }
  });

  it('the guard stops on two filtered rows with the value, naming it inert, whatever the setting', async () => {
    const client = await target.client();
    for (const value of HOSTILE) {
      await inFreshSchema(client, async () => {
        await client.exec('SET standard_conforming_strings = off; CREATE TABLE users (id integer PRIMARY KEY); CREATE TABLE sub (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES users (id), status text)');
        try {
          await client.query('INSERT INTO users (id) VALUES (1)');
          for (const id of [1, 2]) await client.query('INSERT INTO sub (id, user_id, status) VALUES ($1, 1, $2)', [id, value]);
          const sql = renderSql(planOf(modelOf(sub, users, { status: value }), 'postgresql', 'database'), { source: 'schema.ts', command: 'test', runner: 'cli' });
          const error = (await client.exec(sql.text).then(() => undefined, (e: unknown) => e)) as Error | undefined;
          expect(error?.message).toMatch(/^oto: nothing was changed, the data would break the migration:\n {2}duplicate keys in sub\(user_id\) WHERE "status" = .*: \(1\) 2 rows$/);
          await client.exec('ROLLBACK');
          const table = (await introspect(client)).model.tables.find((t) => t.name === 'sub' && t.schema === undefined);
          expect(table?.uniques).toEqual([]);
        } finally {
          await client.exec('RESET standard_conforming_strings');
        }
      });
    }
  });
});

describe('hostile filter values on SQLite', () => {
  const users = sqliteTable('users', { id: sqliteInteger('id').primaryKey() });
  const sub = sqliteTable('sub', { id: sqliteInteger('id').primaryKey(), userId: sqliteInteger('user_id').notNull().references(() => users.id), status: sqliteText('status') });

  it('the migration keeps each value a literal', async () => {
    for (const value of HOSTILE) {
      for (const filter of FILTERS) {
        const client = await connect('sqlite::memory:', { cwd: process.cwd() });
        try {
          await migrate(client, 'sqlite', modelOf(sub, users, filter(value)), value);
        } finally {
          await client.close();
        }
      }
    }
  });
});

describe('hostile filter values in the schema source oto fix edits', () => {
  const users = pgTable('users', { id: integer('id').primaryKey() });
  const HEAD = "import { integer, pgTable, text } from 'drizzle-orm/pg-core';\n";

  it.each(['single', 'double'])('.where(sql`…`) evaluates to the predicate, the index name to the name (%s quotes)', (quotes) => {
    const q = (s: string) => (quotes === 'single' ? `'${s}'` : `"${s}"`);
    // One table per value, each with its filtered one-to-one, in one file.
    const models = HOSTILE.map((value, i) => {
      const sub = pgTable(`sub${i}`, { id: integer('id').primaryKey(), userId: integer('user_id').notNull().references(() => users.id), status: text('status') });
      return modelOf(sub, users, { status: value });
    });
    const source = HEAD + HOSTILE.map((_v, i) => `export const sub${i} = pgTable(${q(`sub${i}`)}, {\n  userId: integer(${q('user_id')}),\n  status: text(${q('status')}),\n});\n`).join('');
    const lines = source.split('\n');
    const tables = models.flatMap((m, i) => m.tables.filter((t) => t.name === `sub${i}`).map((t) => ({ ...t, entity: `sub${i}`, origin: { file: 'schema.ts', line: lines.findIndex((l) => l.startsWith(`export const sub${i} `)) + 1 } })));
    const changes = models.map((m, i) => {
      const [planned] = planOf(m, 'postgresql', 'schema').changes;
      expect(planned?.change).toMatchObject({ kind: 'add-unique', where: expect.any(String) });
      return { change: { ...planned!.change, name: `oto_${HOSTILE[i]}` } as SqlChange, findings: [{ ruleId: 'x' } as Diagnostic] };
    });
    const result = editDrizzleSchema({ ...models[0]!, tables: [...models[0]!.tables.filter((t) => t.name === 'users'), ...tables] }, changes, () => source);
    expect(result.setAside).toEqual([]);
    const edited = result.files.get('schema.ts')!;
    expect(ts.transpileModule(edited, { reportDiagnostics: true }).diagnostics?.map((d) => d.messageText)).toEqual([]);
    const file = new Project({ useInMemoryFileSystem: true }).createSourceFile('schema.ts', edited);
    const calls = file.getDescendants().filter((n) => Node.isCallExpression(n) && n.getExpression().getText().endsWith('.where'));
    expect(calls).toHaveLength(HOSTILE.length);
    const built = calls.map((call) => {
      // The expression as JavaScript reads it, with stand-ins for drizzle's builders.
      const evaluate = new Function('uniqueIndex', 'sql', 'table', `return ${call.getText()};`) as (...args: unknown[]) => { name: string; where: readonly string[] };
      return evaluate(
        (name: string) => ({ on: () => ({ where: (w: readonly string[]) => ({ name, where: w }) }) }),
        (strings: TemplateStringsArray, ...params: unknown[]) => (params.length > 0 ? ['substituted'] : [...strings]),
        { userId: 'userId' },
      );
    });
    expect(built).toEqual(changes.map(({ change }) => ({ name: (change as { name: string }).name, where: [(change as { where: string }).where] })));
  });
});
