/**
 * One small interface over every database oto reads: node-postgres, PGlite, mysql2, better-sqlite3
 * and a TypeORM query runner. Introspection and duplicate counts are written once against it.
 */
export type ClientDialect = 'postgresql' | 'mysql' | 'sqlite';

export type Row = Record<string, unknown>;

export interface SqlClient {
  readonly dialect: ClientDialect;
  /** How the database is named in messages: a URL without its password, a file, `embedded PGlite`. */
  readonly label: string;
  /** One statement, with `$1` (PostgreSQL) or `?` (MySQL, SQLite) parameters. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** A script of statements separated by `;`, as a migration file holds them. */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

/** Counts the statements a client runs (tests: the catalog queries stay constant). */
export function countingClient(client: SqlClient): SqlClient & { readonly count: () => number } {
  let count = 0;
  return {
    dialect: client.dialect,
    label: client.label,
    query(sql, params) {
      count += 1;
      return client.query(sql, params);
    },
    exec(script) {
      count += 1;
      return client.exec(script);
    },
    close: () => client.close(),
    count: () => count,
  };
}
