/**
 * Where user code runs: the loaders mark each load of a user's file (a schema module, a data
 * source, a drizzle config, an `oto.config.ts`) so that whoever supervises the process (the `oto`
 * bin) can bound it in time and name the file when that code calls `process.exit`, throws from a
 * timer or never settles.
 *
 * The watch is the process's, not a module's: it is kept on `globalThis` under a registered symbol,
 * so the built package and its sources (a test host maps both) report to the same supervisor.
 * Nothing watches by default, and then marking a load costs nothing.
 */
/** What the user code does: a module's load (import), or a TypeORM migration's `up` that oto runs. */
export type UserCodeKind = 'load' | 'migration';

export interface LoadWatch {
  /** User code of `file` (shown relative to the project, or `migration <name>`) starts running. */
  begin(file: string, kind?: UserCodeKind): void;
  /** That load ended (returned, threw, or its promise settled). */
  end(file: string): void;
}

const WATCH = Symbol.for('oto.load-watch');
type Holder = { [WATCH]?: LoadWatch };

/** Installs the process's load watch (the bin's supervisor), or removes it with `undefined`. */
export function setLoadWatch(watch: LoadWatch | undefined): void {
  if (watch) (globalThis as Holder)[WATCH] = watch;
  else delete (globalThis as Holder)[WATCH];
}

/** Runs `run` as a load of `file` (or `kind` of user code): marked from its start until it returns or its promise settles. */
export function watchedLoad<T>(file: string, run: () => T, kind: UserCodeKind = 'load'): T {
  const watch = (globalThis as Holder)[WATCH];
  if (!watch) return run();
  watch.begin(file, kind);
  let result: T;
  try {
    result = run();
  } catch (error) {
    watch.end(file);
    throw error;
  }
  if (typeof (result as { then?: unknown } | null)?.then === 'function') {
    return Promise.resolve(result).finally(() => watch.end(file)) as T;
  }
  watch.end(file);
  return result;
}
