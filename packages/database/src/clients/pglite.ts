import { PGlite } from '@electric-sql/pglite';
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
