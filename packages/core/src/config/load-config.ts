/**
 * Finds and reads the project's oto config: `oto.config.{ts,js,cjs,mjs,json}`, `.otorc*` or
 * `package.json#oto`, searched upwards from a folder, or one given file. Validated with the schema.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Cosmiconfig from 'cosmiconfig';
import { UserError, oneLine } from '../errors';
import { watchedLoad } from '../load-watch';
import { shownPath } from '../shown-path';
import { parseConfig } from './config';
import type { OtoConfig } from './config';

export interface LoadedConfig {
  readonly config: OtoConfig;
  /** The file it came from; undefined when there is none. */
  readonly file?: string;
}

const SEARCH_PLACES = ['package.json', '.otorc', '.otorc.json', 'oto.config.json', 'oto.config.ts', 'oto.config.js', 'oto.config.cjs', 'oto.config.mjs'];

/** cosmiconfig (with its parsers) loaded when a config is first looked for, not by `oto --help`. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const explorer = () => (require('cosmiconfig') as typeof Cosmiconfig).cosmiconfig('oto', { searchStrategy: 'project', searchPlaces: SEARCH_PLACES, ignoreEmptySearchPlaces: false });

const isDirectory = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;

/**
 * A folder named like a config file where the search looks (from `cwd` up to the project's
 * package.json, as cosmiconfig's 'project' search goes): the search would skip it silently.
 */
function folderNamedLikeAConfig(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const folder = SEARCH_PLACES.map((place) => path.join(dir, place)).find(isDirectory);
    if (folder) return folder;
    if (['package.json', 'package.yaml'].some((f) => fs.existsSync(path.join(dir, f))) || path.dirname(dir) === dir) return undefined;
  }
}

/** cosmiconfig's parse error without its first line (`JSON Error in <file>:`), which held no reason. */
function parseReason(error: unknown): string {
  const message = String((error as { message?: unknown } | null)?.message ?? error);
  const kind = /^(JSON|YAML) Error in [^\n]*:/.exec(message);
  if (!kind) return oneLine(error);
  const reason = message.slice(kind[0].length).split('\n').map((l) => l.trim()).filter((l) => l.length > 0).join(' ');
  return `not valid ${kind[1]}: ${reason || 'no reason given'}`;
}

export async function loadConfigFile(options: { readonly cwd: string; readonly file?: string }): Promise<LoadedConfig> {
  const search = explorer();
  const target = options.file ? path.resolve(options.cwd, options.file) : undefined;
  const folder = target ? (isDirectory(target) ? target : undefined) : folderNamedLikeAConfig(options.cwd);
  if (folder) throw new UserError(`${shownPath(options.cwd, folder)}: is a folder, not an oto config file: remove or rename it, or give the file with --config`);
  let found: Awaited<ReturnType<typeof search.load>>;
  try {
    // A config in JavaScript or TypeScript is user code: its load is marked like a schema module's.
    found = await watchedLoad(target ? shownPath(options.cwd, target) : `the oto config searched from ${options.cwd}`, () =>
      target ? search.load(target) : search.search(options.cwd),
    );
  } catch (error) {
    const file = /^(?:JSON|YAML) Error in ([^\n]*):/.exec(String((error as Error)?.message))?.[1];
    const where = file ? shownPath(options.cwd, file) : (target ?? options.cwd);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${where}: config file not found: check the --config path`);
    throw new UserError(`${where}: could not read the oto config: ${parseReason(error)}`);
  }
  if (!found) return target ? { config: {}, file: target } : { config: {} };
  const value = (found.config as { default?: unknown } | undefined)?.default ?? found.config;
  const shown = shownPath(options.cwd, found.filepath);
  const label = path.basename(found.filepath) === 'package.json' ? `${shown}#oto` : shown;
  // An empty file is a mistake (a config never written, or lost), not "no config": `{}` says that.
  if (found.isEmpty) throw new UserError(`${label}: the oto config is empty: write its settings (\`{}\` for none), or remove the file`);
  return { config: parseConfig(value, label), file: found.filepath };
}
