/**
 * What a slow step is doing (a schema load or TypeORM compile, a migration replay, an
 * introspection, the usage type-check), on stderr: stdout stays exactly the report.
 * - On a terminal (stderr a TTY, TERM not dumb): a spinner while it runs, cleared when it ends
 *   (nanospinner).
 * - In CI (`CI` set, as GitHub Actions, GitLab, CircleCI, Travis, Buildkite… set it): one line
 *   per step as it starts, since a log cannot redraw a line and shows where a slow run spends its
 *   time.
 * - Anywhere else (a pipe, a file, a dumb terminal, tests in-process): nothing.
 */
import { createSpinner } from 'nanospinner';
import type { CliIo } from './io';

export type ProgressMode = 'spinner' | 'lines' | 'none';

type ProgressIo = Pick<CliIo, 'env' | 'stderrIsTTY'> & Partial<Pick<CliIo, 'stderr'>>;

/** `CI` as the CI services set it (`true`, `1`, a name); `false`/`0`/empty is not CI. */
function inCi(env: CliIo['env']): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/** How `step` shows progress for this io. */
export function progressMode(io: Pick<CliIo, 'env' | 'stderrIsTTY'>): ProgressMode {
  if (inCi(io.env)) return 'lines';
  return io.stderrIsTTY === true && io.env.TERM !== 'dumb' ? 'spinner' : 'none';
}

/** Runs `run`, showing `label` as `progressMode` says (a spinner is drawn at once: a compile blocks the timers). */
export async function step<T>(io: ProgressIo, label: string, run: () => Promise<T> | T, stream: NodeJS.WriteStream = process.stderr): Promise<T> {
  const mode = progressMode(io);
  if (mode === 'none') return run();
  if (mode === 'lines') {
    const line = `oto: ${label}\n`;
    if (io.stderr) io.stderr(line);
    else stream.write(line);
    return run();
  }
  const spinner = createSpinner(`oto: ${label}`, { stream }).start();
  try {
    return await run();
  } finally {
    // Without text, stop clears the spinner's line (and shows the cursor again).
    spinner.stop();
  }
}
