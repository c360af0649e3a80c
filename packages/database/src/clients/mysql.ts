import { requireOptional } from '@oto/core';
import type { Bounds } from './postgres';
import type { Row, SqlClient } from './sql-client';

type Mysql2 = typeof import('mysql2/promise');

/** mysql2, an optional peer: loaded only when a MySQL/MariaDB server is read. */
function mysqlModule(): Mysql2 {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return requireOptional('mysql2', 'A MySQL/MariaDB database URL', () => require('mysql2/promise') as Mysql2);
}

/** A connected mysql2 connection (MySQL and MariaDB); `mariadb://` URLs are read as `mysql://`. */
export async function mysqlClient(url: string, label: string, bounds: Bounds): Promise<SqlClient> {
  const { createConnection } = mysqlModule();
  const connection = await createConnection({
    uri: url.replace(/^mariadb:/i, 'mysql:'),
    connectTimeout: bounds.connectTimeoutMs,
    multipleStatements: true,
    // Catalog values as strings: booleans and counts are read the same way on every server.
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
  });
  connection.on('error', () => undefined);
  return {
    dialect: 'mysql',
    label,
    async query<T extends Row>(sql: string, params?: readonly unknown[]) {
      const [rows] = await connection.query({ sql, timeout: bounds.queryTimeoutMs, values: params ? [...params] : [] });
      return rows as T[];
    },
    async exec(script) {
      await connection.query({ sql: script, timeout: bounds.queryTimeoutMs });
    },
    close: () => connection.end(),
  };
}
