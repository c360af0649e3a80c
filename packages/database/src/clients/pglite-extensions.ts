/**
 * The extensions the installed PGlite ships (`@electric-sql/pglite/contrib/*`, and `/vector` in
 * the versions that have it), by the name `CREATE EXTENSION` gives them. PGlite unpacks each
 * extension it is given when it starts, so a replay gives it only those its migrations create.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Extension, Extensions } from '@electric-sql/pglite';

/** The contrib module of a SQL extension name: `uuid-ossp` is `contrib/uuid_ossp`. */
const moduleName = (sqlName: string) => sqlName.replace(/-/g, '_');

function contribFolder(): string | undefined {
  try {
    return path.dirname(require.resolve('@electric-sql/pglite/contrib/uuid_ossp'));
  } catch {
    return undefined;
  }
}

/** `@electric-sql/pglite/vector`: PGlite 0.2–0.3 exported pgvector there; 0.5 does not. */
function vector(): Extension | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('@electric-sql/pglite/vector') as Record<string, Extension | undefined>)['vector'];
  } catch {
    return undefined;
  }
}

let shipped: ReadonlySet<string> | undefined;

/** The SQL names of the extensions this PGlite can load (`plpgsql` is built in and not listed); read once a process. */
export function shippedExtensions(): ReadonlySet<string> {
  return (shipped ??= readShippedExtensions());
}

function readShippedExtensions(): ReadonlySet<string> {
  const dir = contribFolder();
  const contrib = dir ? fs.readdirSync(dir).filter((f) => f.endsWith('.cjs')).map((f) => f.slice(0, -'.cjs'.length)) : [];
  const names = contrib.map((name) => (name === 'uuid_ossp' ? 'uuid-ossp' : name));
  return new Set([...names, ...(vector() ? ['vector'] : [])]);
}

/** The PGlite extension objects for these SQL names (those it does not ship are left out). */
export function pgliteExtensions(sqlNames: Iterable<string>): Extensions {
  const shipped = shippedExtensions();
  const out: Record<string, Extension> = {};
  for (const name of new Set(sqlNames)) {
    if (!shipped.has(name)) continue;
    const key = moduleName(name);
    if (name === 'vector') {
      out[key] = vector()!;
      continue;
    }
    // `require`, not `import`: the package's types for contrib/* are ES module ones, its files CommonJS too.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = (require(`@electric-sql/pglite/contrib/${key}`) as Record<string, Extension | undefined>)[key];
    if (loaded) out[key] = loaded;
  }
  return out;
}
