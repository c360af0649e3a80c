/**
 * Where drizzle-kit looks for its config, on its own: the `@oto/drizzle/config-files` subpath, which
 * imports nothing but node, so that finding out whether a project is a Drizzle one (`oto check`
 * without a source flag, `oto init`) does not load drizzle-orm, ts-morph and the loader.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The files drizzle-kit looks for when no `--config` is given, in its order. */
export const DRIZZLE_CONFIG_FILES = [
  'drizzle.config.ts',
  'drizzle.config.mts',
  'drizzle.config.cts',
  'drizzle.config.js',
  'drizzle.config.mjs',
  'drizzle.config.cjs',
  'drizzle.config.json',
];

/** drizzle.config.* in `cwd`, the way drizzle-kit finds it; undefined when there is none. */
export function findDrizzleConfig(cwd: string): string | undefined {
  return DRIZZLE_CONFIG_FILES.map((f) => path.join(cwd, f)).find((f) => fs.existsSync(f));
}
