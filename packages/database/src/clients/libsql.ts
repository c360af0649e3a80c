/**
 * libSQL (Turso's fork of SQLite) through @libsql/client: a fresh in-memory database for drizzle's
 * `turso` migrations (libSQL syntax such as `ALTER TABLE … ALTER COLUMN … TO …`, which plain SQLite
 * rejects), a local file, or a `libsql://` server. Read with the SQLite catalog queries.
 */
import { UserError } from '@oto/core';
import type { Row, SqlClient } from './sql-client';

type LibsqlModule = typeof import('@libsql/client', { with: { 'resolution-mode': 'require' } });

function libsqlModule(): LibsqlModule {
  try {
    // An optional dependency with native builds per platform: loaded only for libSQL.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('@libsql/client') as LibsqlModule;
  } catch {
    throw new UserError('libSQL needs the package @libsql/client, which is not installed (or has no build for this machine): npm install @libsql/client');
  }
}

/**
 * A client over libSQL; `url` as @libsql/client takes it (`:memory:`, `file:<path>`,
 * `libsql://host`), `authToken` for a Turso database.
 */
export async function libsqlClient(url: string, label: string, options: { authToken?: string } = {}): Promise<SqlClient> {
  const { createClient } = libsqlModule();
  const db = createClient({ url, ...(options.authToken ? { authToken: options.authToken } : {}) });
  // Connecting is lazy: a first query says whether the database is there.
  await db.execute('SELECT 1');
  return {
    dialect: 'sqlite',
    label,
    async query<T extends Row>(sql: string, params?: readonly unknown[]) {
      const result = await db.execute({ sql, args: (params ?? []) as never });
      // Plain objects by column name, as better-sqlite3 returns them.
      return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i]]))) as T[];
    },
    async exec(script) {
      await db.executeMultiple(script);
    },
    async close() {
      db.close();
    },
  };
}
