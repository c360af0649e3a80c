import * as fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { UserError } from '@oto/core';
import { pgliteExtensions } from './pglite-extensions';
import type { SqlClient } from './sql-client';

/**
 * The contrib extensions migrations commonly create (`CREATE EXTENSION "uuid-ossp"` and the like),
 * always loaded; a replay adds the others its migrations create (see pglite-extensions.ts).
 */
const CONTRIB = ['uuid-ossp', 'pgcrypto', 'citext', 'hstore', 'pg_trgm', 'ltree', 'btree_gin', 'btree_gist', 'fuzzystrmatch', 'unaccent'] as const;

/**
 * A PGlite (real PostgreSQL in WebAssembly) with the common contrib extensions and `extensions`
 * (SQL names; those this PGlite does not ship are left out): fresh in memory, or in a data folder
 * (which only this PGlite version may open).
 */
export async function createPglite(dataDir?: string, extensions: readonly string[] = []): Promise<PGlite> {
  return PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: pgliteExtensions([...CONTRIB, ...extensions]) });
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
