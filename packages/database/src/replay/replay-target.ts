/**
 * Where migrations are replayed: a fresh embedded PGlite (PostgreSQL migrations), a fresh
 * in-memory SQLite (SQLite migrations), or the empty database `--database-url` names. A TypeORM
 * replay reaches PGlite (the embedded one, or the `pglite:<folder>` given) through a socket server
 * on 127.0.0.1, since TypeORM has no PGlite driver.
 */
import * as path from 'node:path';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { PGlite } from '@electric-sql/pglite';
import { UserError, oneLine } from '@oto/core';
import type { Dialect } from '@oto/core';
import { createPglite, pgliteClient, PGLITE_MEMORY } from '../clients/pglite';
import { libsqlClient } from '../clients/libsql';
import { sqliteClient } from '../clients/sqlite';
import type { SqlClient } from '../clients/sql-client';
import { connect, parseDatabaseUrl } from '../connect';
import type { Bounds } from '../clients/postgres';
import { introspect } from '../introspect/introspect';

export interface ReplayTarget {
  readonly client: SqlClient;
  /** A URL a separate client (TypeORM) can connect to; PGlite starts its socket server on first call. */
  url(): Promise<string>;
  close(): Promise<void>;
}

/** Connections the replay's socket server takes at once. */
const SOCKET_CONNECTIONS = 8;

function embeddedPostgres(db: PGlite, label = 'embedded PGlite'): ReplayTarget {
  const client = pgliteClient(db, { label });
  let server: PGLiteSocketServer | undefined;
  return {
    client,
    async url() {
      if (!server) {
        // More than one connection: the server's default of one refuses a client's next connection
        // until it has seen the last one close, which a reconnecting pool (TypeORM's, after an error
        // or between runs) can beat on a busy machine ("Connection terminated unexpectedly").
        // PGlite runs one query at a time whatever the count; a transaction keeps its connection's.
        server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: SOCKET_CONNECTIONS });
        await server.start();
      }
      return `postgresql://postgres:postgres@${server.getServerConn()}/postgres`;
    },
    async close() {
      await server?.stop();
      await client.close();
    },
  };
}

/** A database given for replay must hold no table: replaying migrations into it changes it. */
async function ensureEmpty(client: SqlClient, close: () => Promise<void> = () => client.close()): Promise<void> {
  const { model } = await introspect(client);
  if (model.tables.length > 0) {
    await close();
    throw new UserError(
      `${client.label} has ${model.tables.length} table(s): migrations are replayed only into an empty scratch database (or leave out --database-url to use embedded PGlite)`,
    );
  }
}

export async function openReplayTarget(options: {
  dialect: Dialect;
  databaseUrl?: string;
  cwd: string;
  bounds?: Bounds;
  /** Extensions (SQL names) a PGlite loads: those the migrations and preludes create (a `pglite:` folder's database adds its own). */
  extensions?: readonly string[];
  /** SQLite migrations written for libSQL: replayed in an in-memory libSQL. */
  libsql?: boolean;
}): Promise<ReplayTarget> {
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    const parsed = parseDatabaseUrl(url, options.cwd);
    if (parsed.kind === 'pglite') {
      // Served like the embedded one: a TypeORM replay connects to it through the socket server.
      const shown = parsed.file === PGLITE_MEMORY ? 'memory:' : path.relative(options.cwd, parsed.file) || parsed.file;
      let db: PGlite;
      try {
        // A replay may build its scratch database in a new folder (asked for by naming it); a live check may not.
        db = await createPglite(parsed.file === PGLITE_MEMORY ? undefined : parsed.file, options.extensions);
      } catch (error) {
        throw new UserError(`cannot open PGlite database ${shown}: ${oneLine(error)}`);
      }
      const target = embeddedPostgres(db, `PGlite ${shown}`);
      await ensureEmpty(target.client, () => target.close());
      return target;
    }
    const client = await connect(url, options);
    await ensureEmpty(client);
    // A SQLite file by its path, as oto's client opened it: the URL's query is no part of it.
    const shared = parsed.kind === 'sqlite' ? `sqlite:${parsed.file}` : url;
    return { client, url: async () => shared, close: () => client.close() };
  }
  switch (options.dialect) {
    case 'postgresql':
    case 'cockroachdb':
      return embeddedPostgres(await createPglite(undefined, options.extensions ?? []));
    case 'sqlite': {
      const client = options.libsql
        ? await libsqlClient(':memory:', 'in-memory libSQL')
        : sqliteClient(':memory:', 'in-memory SQLite', options.bounds?.queryTimeoutMs ?? 60_000);
      return {
        client,
        url: async () => {
          throw new UserError('SQLite migrations are replayed in memory; give an empty database file with --database-url sqlite:<file> for a TypeORM replay');
        },
        close: () => client.close(),
      };
    }
    default:
      throw new UserError(
        `replaying ${options.dialect} migrations needs a ${options.dialect === 'mysql' ? 'MySQL or MariaDB' : options.dialect} server: give an empty scratch database with --database-url`,
      );
  }
}
