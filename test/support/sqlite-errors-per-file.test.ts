/**
 * The jest setup file sqlite-errors-per-file.ts: a SQLite error is an Error of the test file that
 * gets it, also when another realm (an earlier test file in the same jest worker) registered its
 * SqliteError with better-sqlite3's native addon first. Real better-sqlite3 through @oto/database,
 * and real jest on two test files in one worker, without and with the setup.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tempProjects } from '../../packages/core/src/testing/temp-projects';
import { connect } from '@oto/database';
import { sqliteAddon, sqliteErrorsOfThisRealm } from './sqlite-errors-per-file';

// Spawns jest on two test files, twice: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const SETUP = path.join(__dirname, 'sqlite-errors-per-file.ts');
const BETTER_SQLITE3 = require.resolve('better-sqlite3', { paths: [path.join(ROOT, 'packages/database')] });

const found = sqliteAddon()!;

/** better-sqlite3's own SqliteError, evaluated in a realm of its own, as an earlier test file's jest context holds it. */
function foreignSqliteError(): new (message: string, code: string) => Error {
  const file = path.join(path.dirname(BETTER_SQLITE3), 'sqlite-error.js');
  const module = { exports: {} as unknown };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), { module, exports: module.exports });
  return module.exports as new (message: string, code: string) => Error;
}

/** A SQLite error from a fresh in-memory database, as the tests get them: a rejected exec. */
async function sqliteFailure(): Promise<{ failed: Promise<void> }> {
  const client = await connect('sqlite::memory:', { cwd: __dirname });
  const failed = client.exec('CREATE TABLE t (id integer); CREATE TABLE t (id integer);');
  await failed.catch(() => undefined);
  await client.close();
  return { failed };
}

describe('better-sqlite3 errors in a jest test file', () => {
  afterAll(() => {
    sqliteErrorsOfThisRealm();
  });

  it('registered from another realm, an error is no Error here, and rejects.toThrow reads "did not throw"', async () => {
    found.addon.setErrorConstructor(foreignSqliteError());
    const { failed } = await sqliteFailure();
    const error = await failed.then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ name: 'SqliteError', code: 'SQLITE_ERROR', message: 'table t already exists' });
    expect(error).not.toBeInstanceOf(Error);
    await expect(expect(failed).rejects.toThrow(/table t already exists/)).rejects.toThrow(/Received function did not throw/);
  });

  it('after the setup: an Error of this realm, a SqliteError of the better-sqlite3 this file loads, and rejects.toThrow matches', async () => {
    found.addon.setErrorConstructor(foreignSqliteError());
    expect(sqliteErrorsOfThisRealm()).toBe(true);
    const { failed } = await sqliteFailure();
    await expect(failed).rejects.toThrow(/^table t already exists$/);
    const error = await failed.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(found.SqliteError);
    expect(error).toMatchObject({ code: 'SQLITE_ERROR' });
  });

  it('jest runs the setup before every test file', () => {
    const config = require('../../jest.config.js') as { setupFiles: string[] };
    expect(config.setupFiles).toContain('<rootDir>/test/support/sqlite-errors-per-file.ts');
  });
});

describe('two test files in one jest worker, each opening a SQLite database', () => {
  const project = tempProjects('sqlite-errors-per-file');
  /** The same SQLite failure in each file: `rejects.toThrow`, as partial-unique-fix.test.ts asserts its guard. */
  const FILE = `const Database = require(${JSON.stringify(BETTER_SQLITE3)});
test('a SQLite error rejects with an Error of this file', async () => {
  const db = new Database(':memory:');
  await expect((async () => db.exec('SELECT * FROM missing'))()).rejects.toThrow(/no such table: missing/);
  db.close();
});
`;
  /** The files in the order of their names, in one process (-i): the second one meets the first one's addon. */
  const SEQUENCER = `const Sequencer = require(${JSON.stringify(require.resolve('@jest/test-sequencer', { paths: [ROOT] }))}).default;
module.exports = class extends Sequencer { sort(tests) { return [...tests].sort((a, b) => a.path.localeCompare(b.path)); } };
`;
  // The setup file is TypeScript: @swc/jest, as jest.config.js transforms it.
  const swc = [require.resolve('@swc/jest', { paths: [ROOT] }), { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

  const runJest = async (setupFiles: string[]) => {
    const dir = project(setupFiles.length > 0 ? 'with-setup' : 'without-setup', { 'a.test.js': FILE, 'b.test.js': FILE, 'sequencer.js': SEQUENCER });
    const config = { rootDir: dir, testEnvironment: 'node', testMatch: ['<rootDir>/*.test.js'], testSequencer: path.join(dir, 'sequencer.js'), setupFiles, transform: { '^.+\\.ts$': swc }, cacheDirectory: path.join(dir, '.jest-cache') };
    const args = [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '-i', '--no-watchman', '--config', JSON.stringify(config)];
    return promisify(execFile)(process.execPath, args, { cwd: dir, encoding: 'utf8' }).then(
      ({ stderr }) => ({ code: 0, stderr }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
  };

  it('without the setup: the first file passes, the second one reads its SQLite error as "did not throw"', async () => {
    const { code, stderr } = await runJest([]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/PASS .*a\.test\.js/);
    expect(stderr).toMatch(/FAIL .*b\.test\.js/);
    expect(stderr).toContain('Received function did not throw');
  });

  it('with the setup (as jest.config.js runs it): both files pass', async () => {
    const { code, stderr } = await runJest([SETUP]);
    expect(stderr).toMatch(/PASS .*a\.test\.js/);
    expect(stderr).toMatch(/PASS .*b\.test\.js/);
    expect(code).toBe(0);
  });
});
