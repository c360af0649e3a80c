/**
 * The CLI process keeps control while it runs code it does not control (schema modules, data
 * sources, configs): `process.exit` from that code, an exception thrown from its timers, a promise
 * it rejects that nobody awaits, and a wait that can never end (a promise that never settles) each
 * end the run with one line naming the file being loaded, and exit code 2. The loaders mark their
 * loads (`watchedLoad`, @oto/core's, which @oto/loader re-exports: the watch is set without loading
 * the loader, which a Prisma run never needs); the supervisor (`supervise.ts`) hears of each load's
 * start and end through `announce`, to bound it in time.
 */
import { oneLine, redactUrls, setLoadWatch } from '@oto/core';
import type { UserCodeKind } from '@oto/core';

/** What the child tells its supervisor: a load starts or ends. */
export type LoadAnnouncement = { readonly begin: string; readonly kind?: UserCodeKind } | { readonly end: string };

export interface GuardOptions {
  /** Tells the supervisor (time limit) that a load starts or ends. */
  announce(message: LoadAnnouncement): void;
  /** Ends the process at once with this line on stderr and exit code 2. */
  fail(line: string): never;
  readonly debug?: boolean;
}

export interface UserCodeGuard {
  /** The result is written: nothing user code does from here on changes the outcome. */
  finished(): void;
  /** `process.exit` as it was before the guard, for the CLI's own end. */
  readonly exit: (code: number) => never;
}

export function guardUserCode(options: GuardOptions): UserCodeGuard {
  let depth = 0;
  let current: string | undefined;
  let last: string | undefined;
  let finished = false;
  const exit = process.exit.bind(process) as (code: number) => never;
  /** The file whose code is running, or the last one loaded. */
  const culprit = () => current ?? (last !== undefined ? `${last} (loaded earlier)` : undefined);
  const fail = (what: string, error?: unknown): never => {
    if (options.debug && error !== undefined) process.stderr.write(`${redactUrls(String((error as Error)?.stack ?? error))}\n`);
    return options.fail(redactUrls(what));
  };

  setLoadWatch({
    begin(file, kind = 'load') {
      last = file;
      if (depth++ === 0) {
        current = file;
        options.announce({ begin: file, ...(kind === 'load' ? {} : { kind }) });
      }
    },
    end(file) {
      if (depth > 0 && --depth === 0) {
        current = undefined;
        options.announce({ end: file });
      }
    },
  });

  process.exit = ((code?: number | string | null) => {
    const shown = code === undefined || code === null ? '' : JSON.stringify(code);
    const who = culprit();
    return fail(
      `${who ?? 'user code'}: called process.exit(${shown}) while oto ${current ? 'loaded it' : 'ran'}, so there is no result: keep process.exit out of what runs at import (e.g. behind \`require.main === module\`), or stub the module that calls it (--stub)`,
    );
  }) as typeof process.exit;

  const thrown = (what: string) => (error: unknown) => {
    if (finished) return;
    const who = culprit();
    if (who === undefined) fail(`unexpected error: ${oneLine(error)} (set OTO_DEBUG=1 for details)`, error);
    fail(`${who}: its code ${what}: ${oneLine(error)}; fix it, or stub the module (--stub)`, error);
  };
  process.on('uncaughtException', thrown('threw outside the load (from a timer or an event handler)'));
  process.on('unhandledRejection', thrown('left a rejected promise that nobody awaits'));
  process.on('beforeExit', () => {
    if (finished) return;
    fail(
      current
        ? `${current}: its load never finished: it waits on a promise that never settles (a data source exported as a promise that never resolves, say)`
        : 'stopped before its result: something it waited on never settled',
    );
  });

  return {
    finished() {
      finished = true;
      setLoadWatch(undefined);
    },
    exit,
  };
}
