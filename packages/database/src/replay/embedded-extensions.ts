/**
 * What a replay into embedded PGlite needs for the extensions its migrations create: the ones
 * this PGlite ships are loaded; pgvector, which PGlite 0.5 lacks, is replayed through its shim
 * (one warning line); any other is left to fail with a line that says what to do.
 */
import { COMMON_EXTENSIONS } from '../clients/pglite';
import { shippedExtensions } from '../clients/pglite-extensions';
import type { MigrationFolder } from './migration-folder';
import { shimVector, VECTOR_SHIM_SETUP } from './vector-shim';

/**
 * A quoted name may stand in a JavaScript string (`\\"cube\\"`, a TypeORM migration's source);
 * `"${name}"` in a template literal is no name (a `$` is: PostgreSQL allows it, no extension has one).
 */
const CREATE_EXTENSION = /\bCREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:\\?"([^"\\\n$]+)\\?"|(?!IF\s+NOT\s)([A-Za-z_][\w$]*))/gi;

/** Every `CREATE EXTENSION`, named or not (`CREATE EXTENSION IF NOT EXISTS "${name}"`). */
const ANY_CREATE_EXTENSION = /\bCREATE\s+EXTENSION\b/gi;

/** The extensions a script (or a migration's source text) creates, by name (`"uuid-ossp"` as `uuid-ossp`). */
export function createdExtensions(sql: string): string[] {
  return [...sql.matchAll(CREATE_EXTENSION)].map((m) => m[1] ?? m[2]!.toLowerCase());
}

/**
 * The extensions to give a scratch PGlite for these scripts (migrations, their source texts,
 * preludes): those they create by name, and the common ones as well when one is created by a name
 * not written out (a TypeORM migration that builds it at run time), which no reading can know.
 */
export function extensionsCreatedBy(texts: Iterable<string>): string[] {
  const names = new Set<string>();
  let unnamed = false;
  for (const text of texts) {
    const named = createdExtensions(text);
    for (const name of named) names.add(name);
    if ((text.match(ANY_CREATE_EXTENSION)?.length ?? 0) > named.length) unnamed = true;
  }
  return [...new Set([...(unnamed ? COMMON_EXTENSIONS : []), ...names])];
}

/**
 * The extensions TypeORM itself creates as it connects (its `installExtensions`, on by default),
 * from the entities' column types: uuid-ossp or pgcrypto for generated uuids, citext, hstore,
 * cube, ltree, btree_gist for exclusion constraints. No migration's text says so.
 */
const TYPEORM_CREATES = ['uuid-ossp', 'pgcrypto', 'citext', 'hstore', 'cube', 'ltree', 'btree_gist'];

/**
 * The extensions to give a scratch PGlite for a TypeORM replay: those its migration sources and
 * preludes create (`extensionsCreatedBy`), the ones TypeORM creates on connect, and the common ones
 * (its migrations may come from globs oto does not read, and a migration may catch a failed
 * CREATE EXTENSION and carry on).
 */
export function extensionsForTypeorm(texts: Iterable<string>): string[] {
  return [...new Set([...COMMON_EXTENSIONS, ...TYPEORM_CREATES, ...extensionsCreatedBy(texts)])];
}

export interface EmbeddedReplay {
  /** The folder to replay: the same, or with its pgvector statements shimmed. */
  readonly folder: MigrationFolder;
  /** Extensions to give PGlite (SQL names). */
  readonly extensions: readonly string[];
  /** Run before the first migration. */
  readonly setup: readonly string[];
  readonly warnings: readonly string[];
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Plans the replay of a PostgreSQL migrations folder into embedded PGlite. */
export function forEmbeddedPglite(folder: MigrationFolder, shipped: ReadonlySet<string> = shippedExtensions()): EmbeddedReplay {
  const wanted = new Set(extensionsCreatedBy(folder.migrations.map((m) => m.sql)));
  const extensions = [...wanted].filter((name) => shipped.has(name));
  if (!wanted.has('vector') || shipped.has('vector')) return { folder, extensions, setup: [], warnings: [] };
  let columns = 0;
  let indexes = 0;
  const migrations = folder.migrations.map((m) => {
    const shim = shimVector(m.statements);
    columns += shim.columns;
    indexes += shim.indexes;
    return { ...m, statements: shim.statements };
  });
  const warning =
    `the migrations create extension vector, which embedded PGlite lacks: replayed with oto's shim ` +
    `(${plural(columns, 'vector type')} as real[], ${plural(indexes, 'pgvector index')} skipped; keys and uniques unchanged); ` +
    'give --database-url an empty database with pgvector to replay them unchanged';
  return { folder: { ...folder, migrations }, extensions, setup: [VECTOR_SHIM_SETUP], warnings: [warning] };
}
