/**
 * The `oto` command itself, run by the bin's supervisor (`supervise.ts`) in a child process whose
 * stdout (fd 1) is the terminal's stderr: whatever user code or an ORM prints there stays out of the
 * report. The report goes to fd 3 (the real stdout), written once the run is over, so stdout holds
 * exactly the report or nothing. Loads are announced on fd 4 for the time limit. The process ends
 * itself once the result is written, whatever timers, sockets or servers user code left open.
 */
import * as fs from 'node:fs';
import * as tty from 'node:tty';
import { runCli } from './cli';
import { processIo } from './io';
import { guardUserCode } from './user-code-guard';

export const REPORT_FD = 3;
export const ANNOUNCE_FD = 4;

/** Set by the supervisor for its child: fds 3 and 4 are the report and the announcements. */
export const SUPERVISED_ENV = 'OTO_SUPERVISED_CHILD';

/** Writes all of `text` to `fd`, waiting out a full non-blocking pipe (EAGAIN). */
export function writeAll(fd: number, text: string): void {
  const buffer = Buffer.from(text);
  for (let offset = 0; offset < buffer.length; ) {
    try {
      offset += fs.writeSync(fd, buffer, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

function main(argv: readonly string[]): void {
  const exit = process.exit.bind(process) as (code: number) => never;
  const supervised = process.env[SUPERVISED_ENV] === '1';
  // Not for user code to see, nor for a process it starts.
  delete process.env[SUPERVISED_ENV];
  const reportFd = supervised ? REPORT_FD : 1;
  const guard = guardUserCode({
    announce: (message) => {
      if (supervised) writeAll(ANNOUNCE_FD, `${JSON.stringify(message)}\n`);
    },
    fail: (line) => {
      writeAll(2, `oto: ${line}\n`);
      return exit(2);
    },
    debug: Boolean(process.env.OTO_DEBUG),
  });
  let report = '';
  const io = { ...processIo(), isTTY: tty.isatty(reportFd), stdout: (text: string) => void (report += text) };
  void runCli(argv, io).then(async (code) => {
    // What user code left pending (a rejection nobody awaits, a timer at 0) surfaces before the result counts.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setImmediate(resolve));
    guard.finished();
    writeAll(reportFd, report);
    exit(code);
  });
}

main(process.argv.slice(2));
