import type { Client } from 'pg';
import { requireOptional } from '@oto/core';
import type { SqlClient } from './sql-client';

export interface Bounds {
  /** How long connecting may take, in milliseconds. */
  readonly connectTimeoutMs: number;
  /** How long one query may take, in milliseconds. */
  readonly queryTimeoutMs: number;
}

/**
 * node-postgres parses `sslmode=require` (and `prefer`, `verify-ca`) as `verify-full`, and says so in
 * a ten-line process warning before anything else; oto connects as node-postgres does (verifying
 * the server's certificate) without printing it: an error, if it comes, is one line.
 */
function withoutSslModeWarning<T>(make: () => T): T {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: never[]) => {
    if (/^SECURITY WARNING: The SSL modes 'prefer', 'require', and 'verify-ca'/.test(String(warning))) return;
    emitWarning.call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return make();
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** pg, an optional peer: loaded only when a PostgreSQL server is read. */
function pgModule(): { Client: typeof Client } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return requireOptional('pg', 'A PostgreSQL database URL', () => require('pg') as { Client: typeof Client });
}

/** A connected node-postgres client; throws node-postgres's error when it cannot connect. */
export async function postgresClient(url: string, label: string, bounds: Bounds): Promise<SqlClient> {
  const client = withoutSslModeWarning(
    () =>
      new (pgModule().Client)({
        connectionString: url,
        connectionTimeoutMillis: bounds.connectTimeoutMs,
        statement_timeout: bounds.queryTimeoutMs,
        query_timeout: bounds.queryTimeoutMs + 1000,
        application_name: 'oto',
      }),
  );
  // A server that goes away later emits 'error' on the client; the next query reports it instead.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    // node-postgres rejects a failed authentication (a SASL password the URL lacks) but keeps the
    // socket open: close it, or the process waits on it forever.
    await client.end().catch(() => undefined);
    (client as unknown as { connection?: { stream?: { destroy?(): void } } }).connection?.stream?.destroy?.();
    throw error;
  }
  return {
    dialect: 'postgresql',
    label,
    async query(sql, params) {
      const result = await client.query(sql, params ? [...params] : undefined);
      return result.rows;
    },
    async exec(script) {
      await client.query(script);
    },
    close: () => client.end(),
  };
}
