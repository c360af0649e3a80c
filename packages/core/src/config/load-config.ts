/**
 * Finds and reads the project's oto config: `oto.config.{ts,js,cjs,mjs,json}`, `.otorc*` or
 * `package.json#oto`, searched upwards from a folder, or one given file. Validated with the schema.
 */
import * as path from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import { UserError, oneLine } from '../errors';
import { shownPath } from '../shown-path';
import { parseConfig } from './config';
import type { OtoConfig } from './config';

export interface LoadedConfig {
  readonly config: OtoConfig;
  /** The file it came from; undefined when there is none. */
  readonly file?: string;
}

const explorer = () =>
  cosmiconfig('oto', {
    searchStrategy: 'project',
    searchPlaces: [
      'package.json',
      '.otorc',
      '.otorc.json',
      'oto.config.json',
      'oto.config.ts',
      'oto.config.js',
      'oto.config.cjs',
      'oto.config.mjs',
    ],
  });

export async function loadConfigFile(options: { readonly cwd: string; readonly file?: string }): Promise<LoadedConfig> {
  const search = explorer();
  const target = options.file ? path.resolve(options.cwd, options.file) : undefined;
  let found: Awaited<ReturnType<typeof search.load>>;
  try {
    found = target ? await search.load(target) : await search.search(options.cwd);
  } catch (error) {
    const where = target ?? options.cwd;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${where}: config file not found: check the --config path`);
    throw new UserError(`${where}: could not read the oto config: ${oneLine(error)}`);
  }
  if (!found || found.isEmpty) return target ? { config: {}, file: target } : { config: {} };
  const value = (found.config as { default?: unknown } | undefined)?.default ?? found.config;
  const shown = shownPath(options.cwd, found.filepath);
  const label = path.basename(found.filepath) === 'package.json' ? `${shown}#oto` : shown;
  return { config: parseConfig(value, label), file: found.filepath };
}
