import { PGlite } from '@electric-sql/pglite';
import type { Extension, Extensions } from '@electric-sql/pglite';
import type { SqlClient } from './sql-client';

/**
 * The contrib extensions migrations commonly create (`CREATE EXTENSION "uuid-ossp"` and the like):
 * PGlite ships them but loads only those it is given, each when a migration creates it.
 */
const CONTRIB = ['uuid_ossp', 'pgcrypto', 'citext', 'hstore', 'pg_trgm', 'ltree', 'btree_gin', 'btree_gist', 'fuzzystrmatch', 'unaccent'] as const;

function contribExtensions(): Extensions {
  // `require`, not `import`: the package's types for contrib/* are ES module ones, its files CommonJS too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (name: string) => (require(`@electric-sql/pglite/contrib/${name}`) as Record<string, Extension>)[name] as Extension;
  return Object.fromEntries(CONTRIB.map((name) => [name, load(name)]));
}

/**
 * A PGlite (real PostgreSQL in WebAssembly) with the common contrib extensions: fresh in memory,
 * or in a data folder (which only this PGlite version may open).
 */
export async function createPglite(dataDir?: string): Promise<PGlite> {
  return PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: contribExtensions() });
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
