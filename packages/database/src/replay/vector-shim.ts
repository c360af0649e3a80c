/**
 * Replaying pgvector migrations on a PGlite that lacks pgvector (0.5 does not ship it), keeping
 * every key and unique exact: `vector(n)`/`halfvec(n)`/`sparsevec(n)` columns become `real[]`,
 * indexes on its access methods (`USING hnsw`, `USING ivfflat`) or operator classes
 * (`vector_cosine_ops`, …) are skipped (pgvector's indexes cannot be unique), and its
 * `CREATE`/`DROP EXTENSION` is skipped. Narrow text rewrites (no SQL parser is at hand): only those
 * three shapes change, each counted for the one warning line. Function bodies that use its
 * operators are not checked at creation (`check_function_bodies = off`, see `VECTOR_SHIM_SETUP`).
 */

export interface VectorShim {
  readonly statements: readonly string[];
  readonly columns: number;
  readonly indexes: number;
  readonly extensions: number;
}

const TYPES = '(?:vector|halfvec|sparsevec)';
/** An optional schema qualifier (`extensions.vector`, Supabase's), the type, its dimensions. */
const COLUMN_TYPE = new RegExp(`(?:"?[A-Za-z_][\\w$]*"?\\.)?"?\\b${TYPES}"?\\s*\\(\\s*\\d+\\s*\\)`, 'gi');
/** `embedding vector` without dimensions: after a column name, before what may follow a type. */
const BARE_TYPE = new RegExp(`((?:"[^"]+"|\\b[A-Za-z_][\\w$]*)\\s+)(?:"?extensions"?\\.)?\\b${TYPES}\\b(?=\\s*(?:,|\\)|NOT\\b|NULL\\b|DEFAULT\\b|$))`, 'gim');
const INDEX = new RegExp(
  `\\bCREATE\\s+(?:UNIQUE\\s+)?INDEX\\b[^;]*?(?:\\bUSING\\s+(?:hnsw|ivfflat)\\b|\\b(?:vector|halfvec|sparsevec|bit)_\\w+_ops\\b)[^;]*;?`,
  'gi',
);
const EXTENSION = /\b(?:CREATE|DROP)\s+EXTENSION\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?"?vector"?(?![\w$])[^;]*;?/gi;

/** Run once before the shimmed migrations: a function using `<=>` on `real[]` would not create. */
export const VECTOR_SHIM_SETUP = 'SET check_function_bodies = off;';

export function shimVector(statements: readonly string[]): VectorShim {
  let columns = 0;
  let indexes = 0;
  let extensions = 0;
  const out = statements.map((statement) => {
    // The skipped statements are set aside first, so the type rewrites never touch them.
    const skipped: string[] = [];
    const skip = (m: string) => `\u0000${skipped.push(`/* oto: pgvector shim, skipped: ${m.replace(/\*\//g, '* /')} */`) - 1}\u0000`;
    return statement
      .replace(EXTENSION, (m) => {
        extensions += 1;
        return skip(m);
      })
      .replace(INDEX, (m) => {
        indexes += 1;
        return skip(m);
      })
      .replace(COLUMN_TYPE, () => {
        columns += 1;
        return 'real[]';
      })
      .replace(BARE_TYPE, (_m, before: string) => {
        columns += 1;
        return `${before}real[]`;
      })
      .replace(/\u0000(\d+)\u0000/g, (_m, i: string) => skipped[Number(i)]!);
  });
  return { statements: out, columns, indexes, extensions };
}
