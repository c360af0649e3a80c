/**
 * What a slow step is doing (a TypeORM compile, a migration replay, an introspection, the usage
 * type-check), as a spinner on stderr while it runs, cleared when it ends (nanospinner). Only on a
 * terminal (stderr a TTY, TERM not dumb, not CI): stdout stays exactly the report, and logs and
 * pipes get nothing from it.
 */
import { createSpinner } from 'nanospinner';
import type { CliIo } from './io';

/** Whether `step` shows a spinner for this io. */
export function showsProgress(io: Pick<CliIo, 'env' | 'stderrIsTTY'>): boolean {
  return io.stderrIsTTY === true && io.env.TERM !== 'dumb' && !io.env.CI;
}

/** Runs `run`, with a spinner saying `label` on a terminal (drawn at once: a compile blocks the timers). */
export async function step<T>(io: Pick<CliIo, 'env' | 'stderrIsTTY'>, label: string, run: () => Promise<T> | T, stream: NodeJS.WriteStream = process.stderr): Promise<T> {
  if (!showsProgress(io)) return run();
  const spinner = createSpinner(`oto: ${label}`, { stream }).start();
  try {
    return await run();
  } finally {
    // Without text, stop clears the spinner's line (and shows the cursor again).
    spinner.stop();
  }
}
