/**
 * Opens the database a URL names, bounded in time, with errors as one line that names the host and
 * port (never the password): `postgres://`, `postgresql://`, `mysql://`, `mariadb://`, `sqlite:`,
 * `file:`, a `.db`/`.sqlite`/`.sqlite3` path, `libsql://…`/`libsql:<file>` (libSQL, Turso), or
 * `pglite:<folder>` for a PGlite data folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError, oneLine, redactSecrets, redactUrl, secretsOf } from '@oto/core';
import { libsqlClient } from './clients/libsql';
import { mysqlClient } from './clients/mysql';
import { openPgliteFolder, pgliteClient, PGLITE_MEMORY } from './clients/pglite';
import { postgresClient } from './clients/postgres';
import type { Bounds } from './clients/postgres';
import { sqliteClient } from './clients/sqlite';
import type { SqlClient } from './clients/sql-client';

export const DEFAULT_BOUNDS: Bounds = { connectTimeoutMs: 10_000, queryTimeoutMs: 60_000 };

type Target =
  | { readonly kind: 'postgresql' | 'mysql'; readonly url: string; readonly where: string }
  | { readonly kind: 'sqlite' | 'pglite'; readonly file: string }
  /** libSQL: `url` as @libsql/client takes it; `file` for a local one (it must exist). */
  | { readonly kind: 'libsql'; readonly url: string; readonly where: string; readonly file?: string };

/**
 * `libsql://host…` (Turso, sqld; an `authToken` query parameter is passed on, never shown) or
 * `libsql:<file>` for a local libSQL file.
 */
function libsqlTarget(url: string, cwd: string): Target {
  const rest = url.slice('libsql:'.length);
  if (rest.startsWith('//')) {
    const host = /^\/\/(?:[^@/?#]*@)?([^/?#]*)/.exec(rest)?.[1] ?? '';
    return { kind: 'libsql', url, where: `libsql://${host}` };
  }
  const file = path.resolve(cwd, rest.replace(/^file:/, '').replace(/[?#][\s\S]*$/, ''));
  return { kind: 'libsql', url: `file:${file}`, where: path.relative(cwd, file) || file, file };
}

function decodeOr(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function serverTarget(kind: 'postgresql' | 'mysql', url: string): Target {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(`database URL ${redactUrl(url)} is not a valid URL: write it as ${kind === 'mysql' ? 'mysql' : 'postgresql'}://user:password@host:port/database`);
  }
  const port = parsed.port || (kind === 'mysql' ? '3306' : '5432');
  const host = parsed.hostname || 'localhost';
  const database = decodeOr(parsed.pathname.replace(/^\//, ''));
  return { kind, url, where: `${host}:${port}${database ? ` (database ${database})` : ''}` };
}

/** The path of a `sqlite:`/`file:`/`pglite:` URL: without `//`, query and fragment. */
function pathOf(rest: string): string {
  return rest.replace(/^\/\//, '').replace(/[?#][\s\S]*$/, '');
}

/** What kind of database a URL names. */
export function parseDatabaseUrl(url: string, cwd: string): Target {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') return serverTarget('postgresql', url);
  if (scheme === 'mysql' || scheme === 'mariadb') return serverTarget('mysql', url);
  // `file:./dev.db?connection_limit=1` (Prisma) names the file before the query: the query is not
  // part of the path, and never shown (it may hold a key).
  if (scheme === 'sqlite' || scheme === 'file') {
    const rest = pathOf(url.slice(scheme.length + 1));
    return { kind: 'sqlite', file: rest === ':memory:' ? rest : path.resolve(cwd, rest) };
  }
  if (scheme === 'libsql') return libsqlTarget(url, cwd);
  if (scheme === 'pglite') {
    const rest = pathOf(url.slice('pglite:'.length));
    return { kind: 'pglite', file: rest === 'memory:' ? PGLITE_MEMORY : path.resolve(cwd, rest) };
  }
  if (/\.(db|sqlite3?)$/i.test(url)) return { kind: 'sqlite', file: path.resolve(cwd, url) };
  throw new UserError(
    `database URL ${redactUrl(url)}: unknown kind; use postgresql://…, mysql://…, mariadb://…, sqlite:<file>, libsql://… or libsql:<file>, or pglite:<folder>`,
  );
}

/** A database file or folder as messages name it: relative to cwd when inside it. */
function shownFile(cwd: string, file: string): string {
  return file === PGLITE_MEMORY ? 'memory:' : path.relative(cwd, file) || file;
}

const DIALECT_NAME = { postgresql: 'PostgreSQL', mysql: 'MySQL/MariaDB', libsql: 'libSQL' } as const;

/**
 * Why connecting failed, in one line. Node reports a host name that resolves to several addresses
 * (localhost: ::1 and 127.0.0.1) as an AggregateError without a message: its first error says it.
 */
function reason(error: unknown, known: readonly string[]): string {
  const inner = (error as { errors?: unknown[] } | null)?.errors?.[0];
  const message = (error as { message?: unknown } | null)?.message;
  if (inner !== undefined && !message) return reason(inner, known);
  const code = (error as { code?: unknown } | null)?.code;
  // The driver may echo a value of the URL on its own (node-postgres: `open '<sslkey>'`).
  return redactSecrets(message ? oneLine(error) : typeof code === 'string' ? code : oneLine(error), known);
}

/** Connects to the database the URL names; a failure is a one-line UserError. */
export async function connect(url: string, options: { cwd: string; bounds?: Bounds }): Promise<SqlClient> {
  const bounds = options.bounds ?? DEFAULT_BOUNDS;
  const target = parseDatabaseUrl(url, options.cwd);
  try {
    switch (target.kind) {
      case 'postgresql':
        return await postgresClient(target.url, redactUrl(target.url), bounds);
      case 'mysql':
        return await mysqlClient(target.url, redactUrl(target.url), bounds);
      case 'sqlite':
        return sqliteClient(target.file, shownFile(options.cwd, target.file), bounds.queryTimeoutMs);
      case 'libsql':
        if (target.file && !fs.existsSync(target.file)) throw new UserError(`libSQL database ${target.where} not found: check the path in --database-url`);
        return await libsqlClient(target.url, target.where);
      case 'pglite':
        return pgliteClient(await openPgliteFolder(target.file, shownFile(options.cwd, target.file)), { label: `PGlite ${shownFile(options.cwd, target.file)}` });
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    const where = 'where' in target ? `${DIALECT_NAME[target.kind]} at ${target.where}` : `${target.kind === 'sqlite' ? 'SQLite' : 'PGlite'} database ${shownFile(options.cwd, target.file)}`;
    throw new UserError(`cannot connect to ${where}: ${reason(error, secretsOf(url))}`);
  }
}
