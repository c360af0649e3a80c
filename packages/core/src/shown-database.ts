/**
 * A database named without its URL, for what oto writes into files (the header of `oto generate
 * sql`, a migration meant to be committed): the kind and where it is, never a user, a password or
 * a query string. `postgresql://oto:…@127.0.0.1/oto?sslmode=require` is `PostgreSQL database at
 * 127.0.0.1:5432/oto`; `sqlite:./data/app.db?key=…` is `SQLite database app.db`; `libsql://db.turso.io?authToken=…`
 * is `libSQL database at db.turso.io`.
 */
import * as path from 'node:path';

const SERVERS: Readonly<Record<string, { readonly kind: string; readonly port: string }>> = {
  postgres: { kind: 'PostgreSQL', port: '5432' },
  postgresql: { kind: 'PostgreSQL', port: '5432' },
  mysql: { kind: 'MySQL/MariaDB', port: '3306' },
  mariadb: { kind: 'MySQL/MariaDB', port: '3306' },
};

/** No line break or other control character: the name goes into a comment line. */
function inert(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
}

function server(url: string, kind: string, port: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${kind} database`;
  }
  // The path as written (percent-encoded), so nothing in it can break the line it is in.
  const database = parsed.pathname.replace(/^\/+/, '');
  const shownPort = parsed.port || port;
  return `${kind} database at ${parsed.hostname || 'localhost'}${shownPort ? `:${shownPort}` : ''}${database ? `/${database}` : ''}`;
}

/** The file's base name of a `sqlite:`/`file:`/`pglite:` URL or a bare path, without its query. */
function fileName(rest: string): string {
  const file = rest.replace(/^\/\//, '').replace(/[?#][\s\S]*$/, '');
  return file === ':memory:' ? file : path.basename(file.replace(/[\\/]+$/, '')) || file;
}

/** What a database URL names, as oto writes it into a file: the kind and the host, or the file's name. */
export function shownDatabase(url: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? '';
  const known = SERVERS[scheme];
  if (known) return inert(server(url, known.kind, known.port));
  if (scheme === 'sqlite' || scheme === 'file') return inert(`SQLite database ${fileName(url.slice(scheme.length + 1))}`);
  if (scheme === 'pglite') return inert(`PGlite database ${fileName(url.slice(scheme.length + 1))}`);
  if (scheme === 'libsql') {
    const rest = url.slice(scheme.length + 1);
    return inert(rest.startsWith('//') ? server(url, 'libSQL', '') : `libSQL database ${fileName(rest)}`);
  }
  if (/\.(db|sqlite3?)$/i.test(url)) return inert(`SQLite database ${fileName(url)}`);
  return 'database';
}
