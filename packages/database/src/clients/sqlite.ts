import type { Database } from 'better-sqlite3';
import { UserError } from '@oto/core';
import type { Row, SqlClient } from './sql-client';

type DatabaseConstructor = typeof import('better-sqlite3');

function betterSqlite3(): DatabaseConstructor {
  let Sqlite: DatabaseConstructor;
  try {
    // An optional dependency: a native module that may not have built on this machine.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Sqlite = require('better-sqlite3') as DatabaseConstructor;
  } catch {
    throw new UserError('SQLite needs the package better-sqlite3, which is not installed (or did not build here): npm install better-sqlite3');
  }
  // Stubbed for the project's own TypeORM (--stub better-sqlite3): an inert stand-in reads nothing,
  // and a check on it would pass without checking.
  if (Object.prototype.toString.call(Sqlite).startsWith('[object [oto stub of')) {
    throw new UserError('SQLite: better-sqlite3 is stubbed ("stub" in the oto config, or --stub), and oto needs the real driver to read or replay a SQLite database: install better-sqlite3 and remove the stub');
  }
  return Sqlite;
}

/**
 * A SQLite database through better-sqlite3: a file opened read-only (it must exist), or a fresh
 * in-memory database (`:memory:`) for migration replay.
 */
export function sqliteClient(file: string, label: string, timeoutMs: number): SqlClient {
  const Sqlite = betterSqlite3();
  const memory = file === ':memory:';
  const db: Database = new Sqlite(file, memory ? {} : { readonly: true, fileMustExist: true, timeout: timeoutMs });
  // SQLite reads the header only at the first query: a file that is no database fails here, while connecting.
  try {
    db.pragma('schema_version');
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    dialect: 'sqlite',
    label,
    async query<T extends Row>(sql: string, params?: readonly unknown[]) {
      return db.prepare(sql).all(...(params ?? [])) as T[];
    },
    async exec(script) {
      db.exec(script);
    },
    async close() {
      db.close();
    },
  };
}
