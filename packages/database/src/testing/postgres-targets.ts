/**
 * The PostgreSQL databases the tests run against: embedded PGlite always, and the real server
 * whenever OTO_TEST_PG_URL is set (CI sets it). Each test works in a schema of its own.
 */
import { randomBytes } from 'node:crypto';
import { connect } from '../connect';
import { createPglite, pgliteClient } from '../clients/pglite';
import type { SqlClient } from '../clients/sql-client';

export interface PostgresTarget {
  readonly name: string;
  /** One client for the test file (PGlite takes a few seconds to start: made once). */
  client(): Promise<SqlClient>;
  /** A URL oto can connect to with this schema as its default (the real server only). */
  url?(schema: string): string;
  close(): Promise<void>;
}

function lazy(open: () => Promise<SqlClient>): Pick<PostgresTarget, 'client' | 'close'> {
  let opened: Promise<SqlClient> | undefined;
  return {
    client: () => (opened ??= open()),
    async close() {
      if (opened) await (await opened).close();
      opened = undefined;
    },
  };
}

export const PG_URL = process.env['OTO_TEST_PG_URL'];

export function postgresTargets(): PostgresTarget[] {
  const targets: PostgresTarget[] = [{ name: 'PGlite', ...lazy(async () => pgliteClient(await createPglite())) }];
  if (PG_URL) {
    const url = PG_URL;
    targets.push({
      name: 'PostgreSQL server',
      ...lazy(() => connect(url, { cwd: process.cwd() })),
      url: (schema) => `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    });
  }
  return targets;
}

/** Runs `use` in a fresh schema that is the client's default, dropped afterwards. */
export async function inFreshSchema<T>(client: SqlClient, use: (schema: string) => Promise<T>): Promise<T> {
  const schema = `oto_${randomBytes(5).toString('hex')}`;
  await client.exec(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"`);
  try {
    return await use(schema);
  } finally {
    await client.exec(`SET search_path TO public; DROP SCHEMA "${schema}" CASCADE`);
  }
}
