/**
 * Every module a load could not find, in one line. The loader goes on past a project file's import
 * that does not resolve (with an inert stand-in) so that one run names them all, then fails with
 * this error: the stub list to add is exact, and a schema importing five such modules takes one
 * run, not five. A module that throws still stops the load where it throws.
 */
import { UserError } from '@oto/core';

/** An import that did not resolve. */
export interface MissingModule {
  /** The specifier as written. */
  readonly request: string;
  /** The project file that imports it, relative to the project root. */
  readonly importer: string;
  /** What to give `stub`: the specifier of a package, the project path of a relative import. */
  readonly stub: string;
  /** The files tsconfig `paths` maps it to, none of them there. */
  readonly mappedTo?: readonly string[];
  /** The file being loaded (a schema file, a data source) when it was found, as shown. */
  readonly entry?: string;
}

export class MissingModulesError extends UserError {
  constructor(readonly modules: readonly MissingModule[]) {
    super(missingModulesLine(modules));
  }
}

function quoteList(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function describe(m: MissingModule): string {
  const mapped = m.mappedTo ? ` (tsconfig "paths" maps it to ${m.mappedTo.join(', ')}, which is not there)` : '';
  return `'${m.request}' imported by ${m.importer}${mapped}`;
}

/** `cannot find module 'x' imported by a.ts: …` or `cannot find 3 modules: 'x' imported by a.ts, …: …`. */
export function missingModulesLine(modules: readonly MissingModule[]): string {
  const stubs = [...new Set(modules.map((m) => m.stub))];
  const one = modules.length === 1;
  const allMapped = modules.every((m) => m.mappedTo);
  const fix = allMapped
    ? `fix the import${one ? '' : 's'} or the tsconfig "paths" entry`
    : `install ${one ? 'it' : 'them'} or map ${one ? 'it' : 'them'} in tsconfig "paths"`;
  const stubHint = one
    ? `if it cannot load here (it needs secrets, env vars or servers), stub it`
    : `if they cannot load here (they need secrets, env vars, servers or a build step), stub them`;
  const stubList = `"stub": [${quoteList(stubs)}] in the oto config, or ${stubs.map((s) => `--stub '${s}'`).join(' ')}`;
  const what = one ? `cannot find module ${describe(modules[0] as MissingModule)}` : `cannot find ${modules.length} modules: ${modules.map(describe).join(', ')}`;
  const entry = modules[0]?.entry;
  return `${entry ? `${entry}: ` : ''}${what}: ${fix}; ${stubHint}: ${stubList}`;
}

export function isMissingModules(error: unknown): error is MissingModulesError {
  return error instanceof MissingModulesError;
}
