/**
 * A jest setup file: better-sqlite3's errors belong to the test file that gets them.
 *
 * better-sqlite3 throws its errors from native code, built with the constructor that the process's
 * first `new Database` registered (lib/database.js does it once: `addon.isInitialized`). jest runs
 * each test file in a realm of its own, but a native addon is loaded once per worker: after another
 * file opened a SQLite database in the same worker, a file's SQLite errors were the other realm's
 * SqliteError, no `Error` of this realm, and `rejects.toThrow(…)` read the rejection as "did not
 * throw" (partial-unique-fix.test.ts, with two jest workers). Every test file points the addon at
 * the SqliteError its own `require('better-sqlite3')` exports, as @oto/database resolves it.
 * better-sqlite3 absent or not built: nothing to do (the tests that need it say so themselves).
 */
import * as path from 'node:path';

export interface SqliteAddon {
  setErrorConstructor(constructor: new (message: string, code: string) => Error): void;
  isInitialized?: boolean;
}
type Bindings = (options: { bindings: string; module_root: string }) => SqliteAddon;

const DATABASE_PACKAGE = path.resolve(__dirname, '../../packages/database');

/** The native addon of the better-sqlite3 that @oto/database loads, with its SqliteError; undefined when it is not there. */
export function sqliteAddon(): { addon: SqliteAddon; SqliteError: new (message: string, code: string) => Error } | undefined {
  try {
    const main = require.resolve('better-sqlite3', { paths: [DATABASE_PACKAGE] });
    const { SqliteError } = require(main) as typeof import('better-sqlite3');
    const root = path.dirname(require.resolve('better-sqlite3/package.json', { paths: [DATABASE_PACKAGE] }));
    // The lookup better-sqlite3 makes itself; Node caches the addon, so this is the one it uses.
    const bindings = require(require.resolve('bindings', { paths: [root] })) as Bindings;
    return { addon: bindings({ bindings: 'better_sqlite3.node', module_root: root }), SqliteError };
  } catch {
    return undefined;
  }
}

/** Registers this realm's SqliteError with the native addon; false when better-sqlite3 is not there. */
export function sqliteErrorsOfThisRealm(): boolean {
  const found = sqliteAddon();
  if (!found) return false;
  found.addon.setErrorConstructor(found.SqliteError);
  found.addon.isInitialized = true;
  return true;
}

sqliteErrorsOfThisRealm();
