import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { UserError } from '@oto/core';
import { clusterFile, dropCachedCluster, otoCacheDir, readCachedCluster, writeCachedCluster } from './pglite-cluster';
import { pgliteExtensions, shippedExtensions } from './pglite-extensions';
import type { SqlClient } from './sql-client';

/**
 * The contrib extensions migrations commonly create (`CREATE EXTENSION "uuid-ossp"` and the like):
 * loaded into a TypeORM replay (see extensionsForTypeorm) and into a replay whose migrations create
 * one by a name built at run time, which no reading of the source can know. Otherwise a PGlite
 * gets exactly the extensions it needs: PGlite unpacks each extension it is given as it starts,
 * and these ten take as long as the start itself.
 */
export const COMMON_EXTENSIONS: readonly string[] = ['uuid-ossp', 'pgcrypto', 'citext', 'hstore', 'pg_trgm', 'ltree', 'btree_gin', 'btree_gist', 'fuzzystrmatch', 'unaccent'];

/** The installed PGlite's version (its clusters are for it alone). */
function pgliteVersion(): string {
  const main = require.resolve('@electric-sql/pglite');
  for (let dir = path.dirname(main); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
  }
  return 'unknown';
}

/** The empty cluster of this process's first fresh PGlite (see pglite-cluster.ts). */
let cluster: Blob | undefined;

function startingCluster(file: string | undefined): Blob | undefined {
  if (cluster || !file) return cluster;
  const cached = readCachedCluster(file);
  if (!cached) return undefined;
  try {
    return (cluster = new Blob([new Uint8Array(zlib.gunzipSync(cached))]));
  } catch {
    dropCachedCluster(file);
    return undefined;
  }
}

/**
 * The PGlite of a data folder, with `extensions` and those its database has (`pg_extension`): the
 * catalog is read without them, but a query on their types (a duplicate count over a citext
 * column) needs them loaded, and PGlite loads extensions only as it starts, so a database with
 * extensions is opened a second time with them.
 */
async function openDataDir(dataDir: string, extensions: readonly string[]): Promise<PGlite> {
  const db = await PGlite.create({ extensions: pgliteExtensions(extensions), dataDir });
  let installed: string[];
  try {
    installed = (await db.query<{ extname: string }>(`SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'`)).rows.map((r) => r.extname);
  } catch (error) {
    await db.close();
    throw error;
  }
  const wanted = new Set(extensions);
  const shipped = shippedExtensions();
  const more = installed.filter((name) => shipped.has(name) && !wanted.has(name));
  if (more.length === 0) return db;
  await db.close();
  return PGlite.create({ extensions: pgliteExtensions([...extensions, ...more]), dataDir });
}

/**
 * A PGlite (real PostgreSQL in WebAssembly) with `extensions` (SQL names; those this PGlite does
 * not ship are left out): fresh in memory (started from the empty cluster initdb made once, see
 * pglite-cluster.ts), or in a data folder (which only this PGlite version may open; with the
 * extensions its database has too).
 */
export async function createPglite(dataDir?: string, extensions: readonly string[] = []): Promise<PGlite> {
  if (dataDir) return openDataDir(dataDir, extensions);
  const options = { extensions: pgliteExtensions(extensions) };
  const dir = otoCacheDir();
  const file = dir === undefined ? undefined : clusterFile(dir, pgliteVersion());
  const known = startingCluster(file);
  if (known) {
    try {
      return await PGlite.create({ ...options, loadDataDir: known });
    } catch {
      // Not a cluster this PGlite can start from: forget it and run initdb.
      cluster = undefined;
      if (file) dropCachedCluster(file);
    }
  }
  const db = await PGlite.create(options);
  try {
    // Before any statement of the user's: the cluster is exactly what initdb wrote.
    // Uncompressed, gzipped by zlib for the disk: PGlite's own gzip takes seconds more.
    const tar = new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer());
    cluster = new Blob([tar]);
    if (file) writeCachedCluster(file, zlib.gzipSync(tar, { level: 1 }));
  } catch {
    cluster = undefined;
  }
  return db;
}

/** A client over a PGlite instance; `close` closes the instance when the client owns it. */
export function pgliteClient(db: PGlite, options: { label?: string; owned?: boolean } = {}): SqlClient {
  return {
    dialect: 'postgresql',
    label: options.label ?? 'embedded PGlite',
    async query(sql, params) {
      const result = await db.query(sql, params ? [...params] : undefined);
      return result.rows as never;
    },
    async exec(script) {
      await db.exec(script);
    },
    async close() {
      if (options.owned ?? true) await db.close();
    },
  };
}

/** `pglite:memory:`: a fresh, empty PGlite in memory, asked for by name. */
export const PGLITE_MEMORY = ':memory:';

/**
 * The PGlite a `pglite:` URL names: its data folder, which must exist (PGlite would create a new,
 * empty database in a missing one, and oto would report against it), or `pglite:memory:`.
 */
export async function openPgliteFolder(file: string, shown: string): Promise<PGlite> {
  if (file === PGLITE_MEMORY) return createPglite();
  if (!fs.existsSync(file)) {
    throw new UserError(`PGlite database ${shown}: no such folder: give the data folder of a PGlite database, or pglite:memory: for an empty one in memory`);
  }
  if (!fs.statSync(file).isDirectory()) throw new UserError(`PGlite database ${shown}: is a file, not a PGlite data folder`);
  return createPglite(file);
}
