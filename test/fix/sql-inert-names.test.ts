/**
 * Names cannot run as SQL from the generated file: a table named `x\rCREATE TABLE injected (x int);
 * --` (psql ends a `--` comment at `\r`) or holding `\r\n`, U+2028 or a bidi override appears in the
 * file's comments and the guard's message only escaped, so running the file creates nothing but
 * the fix, on PGlite, the PostgreSQL server through `psql -f` (without ON_ERROR_STOP, the most
 * forgiving runner), SQLite, and MariaDB through the `mariadb` CLI. A NUL in a name is refused with
 * one line naming the table.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { findBackingKey, tableFinder, UserError } from '@oto/core';
import type { SqlDialect } from '@oto/core';
import { connect, createPglite, databaseFacts, pgliteClient } from '@oto/database';
import type { SqlClient } from '@oto/database';
import { sqliteClient } from '../../packages/database/src/clients/sqlite';
import { ddl, rows, scenarioOf } from './random-schema';
import type { PairSpec } from './random-schema';
import { hasCommand, mariadbFile, MYSQL_URL, PG_URL, psqlFile, sqlFor } from './sql-runners';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const base = { sharedKey: false, unique: false, notNull: true, declaredOptional: false, onDelete: undefined } satisfies Partial<PairSpec>;
/** Two one-to-ones under hostile names; `lineBreak` in the second (the mysql CLI cannot carry `\r\n`). */
const hostile = (lineBreak: string) =>
  scenarioOf([
    { ...base, principal: 'p', dependent: 'x\rCREATE TABLE injected (x int); --', column: 'p_id' },
    { ...base, principal: 'q', dependent: `y${lineBreak}CREATE TABLE injected2 (x int); -- \u202e`, column: 'c\u2028\v\f\u0085id' },
  ]);
const HOSTILE = hostile('\r\n');
const HOSTILE_LF = hostile('\n');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oto-sql-inert-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The tables the database holds once the file ran: the declared ones only, each one-to-one backed. */
async function expectOnlyTheFix(client: SqlClient, tables: readonly string[], scenario = HOSTILE): Promise<void> {
  expect([...tables].sort()).toEqual(scenario.model.tables.map((t) => t.name).sort());
  const facts = await databaseFacts(client, scenario.model);
  const find = tableFinder(facts.model.tables, facts.defaultSchema);
  for (const relation of scenario.model.relations) {
    const table = find(relation.dependent.table);
    expect(table && findBackingKey(table, relation.foreignKey?.columns ?? [])).toBeTruthy();
  }
}

async function build(client: SqlClient, dialect: SqlDialect, duplicate = false, scenario = HOSTILE): Promise<void> {
  for (const statement of [...ddl(scenario, dialect), ...rows(scenario, dialect, duplicate)]) await client.exec(statement);
}

describe('names in the generated SQL stay inert', () => {
  it.each<SqlDialect>(['postgresql', 'mysql', 'sqlite'])('%s: no comment line of the file holds a line terminator or bidi control', (dialect) => {
    const { text } = sqlFor(dialect === 'mysql' ? HOSTILE_LF : HOSTILE, dialect);
    const comments = text.split('\n').filter((line) => line.startsWith('--'));
    expect(comments.join('\n')).toContain('x\\rCREATE TABLE injected (x int); --');
    for (const line of comments) expect(line).not.toMatch(/[\r\v\f\u0085\u2028\u2029\u202e]/);
  });

  it('PGlite runs the file: the fix and nothing else; the guard names the table escaped', async () => {
    const db = await createPglite();
    const client = pgliteClient(db);
    try {
      await build(client, 'postgresql', true);
      const error = await client.exec(sqlFor(HOSTILE, 'postgresql').text).then(() => undefined, (e: unknown) => e as Error);
      expect(error?.message).toBe('oto: nothing was changed, the data would break the migration:\n  duplicate keys in x\\rCREATE TABLE injected (x int); --(p_id): (1) 2 rows');
      await client.exec('ROLLBACK');
      await client.exec(`DELETE FROM "x\rCREATE TABLE injected (x int); --" WHERE "id" = 3`);
      await client.exec(sqlFor(HOSTILE, 'postgresql').text);
      const tables = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
      await expectOnlyTheFix(client, tables.map((t) => t.tablename));
    } finally {
      await client.close();
    }
  }, 120_000);

  (PG_URL && hasCommand('psql') ? it : it.skip)('the PostgreSQL server, through psql -f without ON_ERROR_STOP: the fix and nothing else', async () => {
    const client = await connect(PG_URL!, { cwd: process.cwd() });
    const schema = `oto_inert_${randomBytes(4).toString('hex')}`;
    try {
      await client.exec(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"`);
      await build(client, 'postgresql');
      const file = path.join(dir, 'postgresql.sql');
      fs.writeFileSync(file, sqlFor(HOSTILE, 'postgresql').text);
      const ran = await psqlFile(PG_URL!, schema, file, { stopOnError: false });
      expect(ran.stderr).toBe('');
      expect(ran.code).toBe(0);
      const tables = await client.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = $1', [schema]);
      await expectOnlyTheFix(client, tables.map((t) => t.tablename));
      expect(await client.query("SELECT tablename FROM pg_tables WHERE tablename LIKE 'injected%'")).toEqual([]);
    } finally {
      await client.exec(`SET search_path TO public; DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.close();
    }
  }, 120_000);

  it('SQLite runs the file: the fix and nothing else', async () => {
    const client = sqliteClient(':memory:', 'in-memory SQLite', 10_000);
    try {
      await client.exec('PRAGMA foreign_keys = ON');
      await build(client, 'sqlite');
      await client.exec(sqlFor(HOSTILE, 'sqlite').text);
      const tables = await client.query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
      await expectOnlyTheFix(client, tables.map((t) => t.name));
    } finally {
      await client.close();
    }
  });

  (MYSQL_URL && hasCommand('mariadb') ? it : it.skip)('MariaDB, through the mariadb CLI: the fix and nothing else', async () => {
    const database = 'oto_inert_names';
    const client = await connect(MYSQL_URL!, { cwd: process.cwd() });
    try {
      await client.exec(`DROP DATABASE IF EXISTS ${database}; CREATE DATABASE ${database} CHARACTER SET utf8mb4; USE ${database}`);
      await build(client, 'mysql', false, HOSTILE_LF);
      const ran = await mariadbFile(MYSQL_URL!, database, sqlFor(HOSTILE_LF, 'mysql').text, { force: false });
      expect(ran.stderr).toBe('');
      expect(ran.code).toBe(0);
      const tables = await client.query<Record<string, string>>('SHOW TABLES');
      await expectOnlyTheFix(client, tables.map((t) => Object.values(t)[0]!), HOSTILE_LF);
    } finally {
      await client.exec(`DROP DATABASE IF EXISTS ${database}`);
      await client.close();
    }
  }, 120_000);

  const thrown = (make: () => unknown): Error | undefined => {
    try {
      make();
    } catch (e) {
      return e as Error;
    }
    return undefined;
  };

  it('a NUL in a name: one line naming the table, no SQL', () => {
    const error = thrown(() => sqlFor(scenarioOf([{ ...base, principal: 'p', dependent: 'a\0b', column: 'p_id' }]), 'postgresql'));
    expect(error).toBeInstanceOf(UserError);
    expect(error?.message).toBe('table a\\0b: the name a\\0b holds a NUL character (\\0), which no SQL database takes in a name: rename it in the schema');
  });

  it('\\r\\n in a name, for the mysql CLI (which reads it as \\n): one line; a migration runner gets the statements', () => {
    const error = thrown(() => sqlFor(HOSTILE, 'mysql'));
    expect(error).toBeInstanceOf(UserError);
    expect(error?.message).toMatch(/^table y\\r\\nCREATE TABLE injected2 \(x int\); -- \\u202e: the name .* holds \\r\\n, which the mysql\/mariadb CLI reads as \\n: write the migration with --into/);
    expect(sqlFor(HOSTILE, 'mysql', { runner: 'migrator' }).statements.length).toBeGreaterThan(0);
  });
});
