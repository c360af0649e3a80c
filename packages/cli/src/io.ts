/** What the CLI touches of the outside world, so tests can run it in-process. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour only then). */
  readonly isTTY: boolean;
  /** Whether stderr is a terminal (progress spinners only then). */
  readonly stderrIsTTY?: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The clock for migration names (tests set it). */
  now?(): Date;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}
