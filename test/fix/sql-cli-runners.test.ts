/**
 * The generated SQL file under the database CLIs users run it with, including the forgiving ones
 * that carry on past an error. PostgreSQL through the real `psql -f` WITHOUT ON_ERROR_STOP: with
 * duplicate keys the guard's error changes nothing, in the CONCURRENTLY form (no transaction: the
 * guard leaves the session read-only, so the index build and the ALTERs fail too, and the file's
 * end makes it writable again) and in the transactional form (the aborted transaction ignores the
 * rest); without duplicates both forms apply, under `psql -v ON_ERROR_STOP=1` as the header says.
 * MariaDB through the real `mariadb` CLI: the guard's procedure goes through (DELIMITER lines);
 * with duplicates it stops with nothing changed, also with `--force`; without, the file applies.
 * Both CLIs also take every hostile name of the round trip's alphabet (and psql's own `:variable`
 * and `\meta-command` syntax) in the file's identifiers, literals and comments.
 * SQLite through the real `sqlite3` CLI, which carries on past errors without -bail: with duplicates
 * the failed guard's row makes COMMIT fail, so neither the unique nor the rename is left.
 * Each part skips cleanly when its server URL or CLI is missing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { connect } from '@oto/database';
import type { SqlClient } from '@oto/database';
import { ddl, HOSTILE_NAMES, rows, scenarioOf } from './random-schema';
import type { PairSpec } from './random-schema';
import { hasCommand, mariadbFile, MYSQL_URL, PG_URL, psqlFile, sqlFor, sqlite3File, sqlite3Version } from './sql-runners';

/** A required one-to-one with no unique and ON DELETE SET NULL on its NOT NULL key: a unique to add and a foreign key to replace. */
const SCENARIO = scenarioOf([{ principal: 'account', dependent: 'profile', column: 'account_id', sharedKey: false, unique: false, notNull: true, declaredOptional: false, onDelete: 'set-null' }]);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oto-sql-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

(PG_URL && hasCommand('psql') ? describe : describe.skip)('the SQL file under psql -f', () => {
  let client: SqlClient;
  let schema: string;
  beforeEach(async () => {
    client = await connect(PG_URL!, { cwd: process.cwd() });
    schema = `oto_psql_${randomBytes(4).toString('hex')}`;
    await client.exec(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"`);
    for (const statement of [...ddl(SCENARIO, 'postgresql'), ...rows(SCENARIO, 'postgresql', true)]) await client.exec(statement);
  });
  afterEach(async () => {
    await client.exec(`SET search_path TO public; DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.close();
  });

  /** The indexes of the dependent (valid or not) and its foreign key's ON DELETE (pg_constraint's letter). */
  async function state(): Promise<{ indexes: string[]; onDelete: string[] }> {
    const indexes = await client.query<{ name: string }>(
      `SELECT c.relname || CASE WHEN i.indisvalid THEN '' ELSE ' (INVALID)' END AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = $1 AND t.relname = 'profile' ORDER BY 1`,
      [schema],
    );
    const fks = await client.query<{ action: string }>(
      `SELECT confdeltype::text AS action FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname = $1 AND k.contype = 'f'`,
      [schema],
    );
    return { indexes: indexes.map((r) => r.name), onDelete: fks.map((r) => r.action) };
  }

  it.each([
    ['CONCURRENTLY', true],
    ['in a transaction', false],
  ])('%s: with duplicates, psql without ON_ERROR_STOP carries on and nothing changes; without, psql -v ON_ERROR_STOP=1 applies it', async (_, concurrently) => {
    const sql = sqlFor(SCENARIO, 'postgresql', { concurrently });
    expect(sql.text).toContain('psql -v ON_ERROR_STOP=1 -f <file>');
    const file = path.join(dir, `${schema}.sql`);
    fs.writeFileSync(file, sql.text);
    const before = await state();
    expect(before).toEqual({ indexes: ['profile_pkey'], onDelete: ['n'] });

    const carriedOn = await psqlFile(PG_URL!, schema, file, { stopOnError: false });
    expect(carriedOn.stderr).toContain('ERROR:  oto: nothing was changed, the data would break the migration:\n  duplicate keys in profile(account_id): (1) 2 rows');
    expect(await state()).toEqual(before);
    // The file's last statement made the session writable again (psql ran it, carrying on).
    expect(carriedOn.stdout.trim().split('\n').at(-1)).toBe('off');

    await client.exec(`DELETE FROM "profile" WHERE "id" = 3`);
    const applied = await psqlFile(PG_URL!, schema, file, { stopOnError: true });
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(await state()).toEqual({ indexes: ['oto_profile_account_id_key', 'profile_pkey'], onDelete: ['r'] });
    expect(applied.stdout.trim().split('\n').at(-1)).toBe('off');
  }, 120_000);
});

/** A unique to add, and with --renames the table's rename (which no data stops); no ON DELETE change (MySQL refuses SET NULL over a NOT NULL column, SQLite cannot change one in place). */
const UNIQUE_SCENARIO = scenarioOf([{ ...SCENARIO.pairs[0]!, onDelete: undefined }]);

(MYSQL_URL && hasCommand('mariadb') ? describe : describe.skip)('the SQL file under the mariadb CLI', () => {
  const database = 'oto_cli_runner';
  let client: SqlClient;
  beforeEach(async () => {
    client = await connect(MYSQL_URL!, { cwd: process.cwd() });
    await client.exec(`DROP DATABASE IF EXISTS ${database}; CREATE DATABASE ${database} CHARACTER SET utf8mb4; USE ${database}`);
    for (const statement of [...ddl(UNIQUE_SCENARIO, 'mysql'), ...rows(UNIQUE_SCENARIO, 'mysql', true)]) await client.exec(statement);
  });
  afterEach(async () => {
    await client.exec(`DROP DATABASE IF EXISTS ${database}`);
    await client.close();
  });

  /** Each table with its unique indexes. */
  async function state(): Promise<string[]> {
    const tables = await client.query<{ name: string }>(
      `SELECT CONCAT(t.table_name, ': ', COALESCE(GROUP_CONCAT(DISTINCT s.index_name ORDER BY s.index_name), '')) AS name FROM information_schema.tables t LEFT JOIN information_schema.statistics s ON s.table_schema = t.table_schema AND s.table_name = t.table_name AND s.non_unique = 0 WHERE t.table_schema = ? GROUP BY t.table_name ORDER BY 1`,
      [database],
    );
    return tables.map((r) => r.name);
  }

  it.each([
    ['stops at the guard', false],
    ['with --force, carries on into a read-only session', true],
  ])('with duplicates the CLI %s and nothing changes; without, the file applies', async (_, force) => {
    const { text } = sqlFor(UNIQUE_SCENARIO, 'mysql', {}, true);
    expect(text).toContain('\nDELIMITER $$\nCREATE PROCEDURE `oto_guard`()\n');
    const before = await state();
    expect(before).toEqual(['account: PRIMARY', 'profile: PRIMARY']);

    const stopped = await mariadbFile(MYSQL_URL!, database, text, { force });
    expect(stopped.stderr).toMatch(/ERROR 1644 \(45000\) at line \d+: oto: nothing was changed, the data would break the migration: duplicate keys in profile\(account_id\): \(1\) 2 rows;/);
    expect(stopped.code).toBe(force ? 0 : 1); // --force reports errors and exits 0
    expect(await state()).toEqual(before);

    await client.exec('DELETE FROM `profile` WHERE `id` = 3');
    const applied = await mariadbFile(MYSQL_URL!, database, text, { force });
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(await state()).toEqual(['account: PRIMARY', 'oto_profile: oto_profile_account_id_key,PRIMARY']);
  }, 120_000);
});

const SQLITE3 = sqlite3Version();

(SQLITE3 > 0 ? describe : describe.skip)('the SQL file under the sqlite3 CLI', () => {
  let database: string;
  beforeEach(async () => {
    database = path.join(dir, `sqlite-${randomBytes(4).toString('hex')}.db`);
    const built = await sqlite3File(database, [...ddl(UNIQUE_SCENARIO, 'sqlite'), ...rows(UNIQUE_SCENARIO, 'sqlite', true)].join('\n'), { bail: true });
    expect(built).toMatchObject({ code: 0, stderr: '' });
  });

  /** Each table with its indexes, as sqlite3 itself lists them. */
  const state = async () => (await sqlite3File(database, "SELECT type || ' ' || name FROM sqlite_master ORDER BY 1;", { bail: true })).stdout.trim().split('\n');

  it('without -bail: with duplicates nothing changes (COMMIT fails on the guard\'s row); without, the file applies', async () => {
    const { text } = sqlFor(UNIQUE_SCENARIO, 'sqlite', {}, true);
    expect(text).toContain('-- Run it with a runner that stops at the first error: sqlite3 -bail <database> < <file>.');
    const before = await state();
    expect(before).toEqual(['table account', 'table profile']);

    const carriedOn = await sqlite3File(database, text, { bail: false });
    expect(carriedOn.stderr).toMatch(/FOREIGN KEY constraint failed/);
    // SQLite 3.47+ names the duplicates; older versions reject the guard's trigger (also an error).
    if (SQLITE3 >= 3_047_000) expect(carriedOn.stderr).toContain('oto: nothing was changed, the data would break the migration: duplicate keys in profile(account_id): (1) 2 rows');
    expect(await state()).toEqual(before);

    await sqlite3File(database, 'DELETE FROM "profile" WHERE "id" = 3;', { bail: true });
    const applied = await sqlite3File(database, text, { bail: false });
    if (SQLITE3 >= 3_047_000) expect(applied).toMatchObject({ code: 0, stderr: '' });
    expect(await state()).toEqual(['index oto_profile_account_id_key', 'table account', 'table oto_profile']);
  }, 120_000);
});

/**
 * One-to-ones under every hostile name (three to a scenario), each a unique to add: with a
 * duplicate on the first the CLI stops with nothing changed, without it the file applies. The
 * mysql CLI cannot carry `\r\n` in a name (oto refuses it for that CLI, sql-inert-names.test.ts).
 */
function hostileScenarios(extra: readonly string[], cli: 'psql' | 'mariadb') {
  const names = [...HOSTILE_NAMES, ...extra].filter((n) => cli === 'psql' || !n.includes('\r\n'));
  const chunks = Array.from({ length: Math.ceil(names.length / 3) }, (_, i) => names.slice(i * 3, i * 3 + 3));
  return chunks.map((chunk) =>
    scenarioOf(chunk.map((n, i): PairSpec => ({ principal: `${n} p${i}`, dependent: `${n} d${i}`, column: `${n}_id`, sharedKey: false, unique: false, notNull: true, declaredOptional: false, onDelete: undefined }))),
  );
}

describe('hostile names through the real CLIs', () => {
  (PG_URL && hasCommand('psql') ? it : it.skip)('psql -f, in a transaction and CONCURRENTLY by turns: stops on the duplicate with nothing changed, applies without it', async () => {
    const client = await connect(PG_URL!, { cwd: process.cwd() });
    try {
      for (const [index, scenario] of hostileScenarios([':oto_var', "\\gexec", '\\q', ':"x"'], 'psql').entries()) {
        const schema = `oto_psqlh_${randomBytes(4).toString('hex')}`;
        await client.exec(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"`);
        try {
          for (const statement of [...ddl(scenario, 'postgresql'), ...rows(scenario, 'postgresql', true)]) await client.exec(statement);
          const file = path.join(dir, `${schema}.sql`);
          fs.writeFileSync(file, sqlFor(scenario, 'postgresql', { concurrently: index % 2 === 1 }).text);
          const indexes = () => client.query<{ n: string }>(`SELECT count(*)::text AS n FROM pg_indexes WHERE schemaname = $1`, [schema]);
          const before = await indexes();
          const stopped = await psqlFile(PG_URL!, schema, file, { stopOnError: false });
          expect(stopped.stderr).toMatch(/^psql:[^\n]*ERROR: {2}oto: nothing was changed, the data would break the migration:\n {2}duplicate keys in /);
          expect(await indexes()).toEqual(before);
          const [first] = scenario.pairs;
          await client.exec(`DELETE FROM "${first!.dependent.replace(/"/g, '""')}" WHERE "id" = 3`);
          const applied = await psqlFile(PG_URL!, schema, file, { stopOnError: true });
          expect(applied.stderr).toBe('');
          expect(Number((await indexes())[0]!.n)).toBe(Number(before[0]!.n) + scenario.pairs.length);
        } finally {
          await client.exec(`SET search_path TO public; DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        }
      }
    } finally {
      await client.close();
    }
  }, 180_000);

  (MYSQL_URL && hasCommand('mariadb') ? it : it.skip)('the mariadb CLI: stops on the duplicate with nothing changed, applies without it', async () => {
    const database = 'oto_cli_hostile';
    const client = await connect(MYSQL_URL!, { cwd: process.cwd() });
    try {
      for (const scenario of hostileScenarios(['\\G', '\\c', 'delim$$iter', 'lf\ndelimiter ;\nDROP TABLE x; --'], 'mariadb')) {
        await client.exec(`DROP DATABASE IF EXISTS ${database}; CREATE DATABASE ${database} CHARACTER SET utf8mb4; USE ${database}`);
        for (const statement of [...ddl(scenario, 'mysql'), ...rows(scenario, 'mysql', true)]) await client.exec(statement);
        const { text } = sqlFor(scenario, 'mysql');
        const uniques = () => client.query<{ n: number }>(`SELECT count(DISTINCT table_name, index_name) AS n FROM information_schema.statistics WHERE table_schema = ? AND non_unique = 0`, [database]);
        const before = await uniques();
        const stopped = await mariadbFile(MYSQL_URL!, database, text, { force: true });
        expect(stopped.stderr).toMatch(/^ERROR 1644 \(45000\) at line \d+: oto: nothing was changed, the data would break the migration: duplicate keys in /m);
        expect(await uniques()).toEqual(before);
        const [first] = scenario.pairs;
        await client.exec(`DELETE FROM \`${first!.dependent.replace(/`/g, '``')}\` WHERE \`id\` = 3`);
        const applied = await mariadbFile(MYSQL_URL!, database, text, { force: false });
        expect(applied.stderr).toBe('');
        expect(Number((await uniques())[0]!.n)).toBe(Number(before[0]!.n) + scenario.pairs.length);
      }
    } finally {
      await client.exec(`DROP DATABASE IF EXISTS ${database}`);
      await client.close();
    }
  }, 180_000);
});
