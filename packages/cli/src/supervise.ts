/**
 * The `oto` bin: runs the command in a child process (`cli-child.js`) and keeps the clock on the
 * code oto does not control. While the child loads user code (it announces each load on fd 4), the
 * load has a time limit (`OTO_LOAD_TIMEOUT` seconds, default 60): a module that loops or waits
 * forever at import is stopped with one line naming it, exit code 2. Only this small module runs in
 * the parent, so it starts in milliseconds; the report reaches the parent's stdout as fd 3 of the child.
 */
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';

export const DEFAULT_LOAD_TIMEOUT_SECONDS = 60;

/** The load time limit in milliseconds from `OTO_LOAD_TIMEOUT` (seconds), or the line saying what is wrong with it. */
export function loadTimeLimit(env: Readonly<Record<string, string | undefined>>): number | { readonly error: string } {
  const given = env.OTO_LOAD_TIMEOUT;
  if (given === undefined || given.trim() === '') return DEFAULT_LOAD_TIMEOUT_SECONDS * 1000;
  const seconds = Number(given);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    return { error: `OTO_LOAD_TIMEOUT=${JSON.stringify(given)} is no time limit: give seconds, e.g. OTO_LOAD_TIMEOUT=120 (default ${DEFAULT_LOAD_TIMEOUT_SECONDS})` };
  }
  return seconds * 1000;
}

export function superviseCli(argv: readonly string[]): void {
  const limit = loadTimeLimit(process.env);
  if (typeof limit !== 'number') {
    process.stderr.write(`oto: ${limit.error}\n`);
    process.exitCode = 2;
    return;
  }
  // fd 1 of the child is our stderr: what user code prints never reaches the report on our stdout (its fd 3).
  const child = spawn(process.execPath, [path.join(__dirname, 'cli-child.js'), ...argv], {
    stdio: ['inherit', 2, 'inherit', 1, 'pipe'],
    env: { ...process.env, OTO_SUPERVISED_CHILD: '1' },
  });
  let loading: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const announcements = child.stdio[4];
  if (announcements && 'on' in announcements) {
    readline.createInterface({ input: announcements as NodeJS.ReadableStream }).on('line', (line) => {
      let message: { begin?: string; kind?: string; end?: string };
      try {
        message = JSON.parse(line) as { begin?: string; kind?: string; end?: string };
      } catch {
        return;
      }
      clearTimeout(timer);
      loading = message.begin;
      if (loading === undefined) return;
      const file = loading;
      const migration = message.kind === 'migration';
      timer = setTimeout(() => {
        timedOut = true;
        process.stderr.write(
          migration
            ? `oto: ${file}: still running after ${limit / 1000} s on the scratch database: its up() waits on something that never answers (a promise, a lock, a service); fix it, or raise the limit: OTO_LOAD_TIMEOUT=<seconds>\n`
            : `oto: ${file}: still loading after ${limit / 1000} s: its code (or a module it imports) keeps running at import (a loop, a connection, a wait); stub what it needs (--stub), or raise the limit: OTO_LOAD_TIMEOUT=<seconds>\n`,
        );
        child.kill('SIGKILL');
      }, limit);
    });
  }
  // A signal to oto (Ctrl-C, a CI runner's timeout) ends the child too: it must not run on alone.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      child.kill('SIGKILL');
      process.exit(128 + (os.constants.signals[signal] ?? 0));
    });
  }
  child.on('error', (error) => {
    process.stderr.write(`oto: could not start: ${error.message}\n`);
    process.exitCode = 2;
  });
  child.on('exit', (code, signal) => {
    clearTimeout(timer);
    if (timedOut) process.exitCode = 2;
    else if (code !== null) process.exitCode = code;
    else {
      process.stderr.write(`oto: stopped by ${signal ?? 'a signal'}${loading ? ` while loading ${loading}` : ''}\n`);
      process.exitCode = 2;
    }
  });
}
