import { runCli } from '../cli';
import type { CliIo } from '../io';

/** Runs the CLI in-process in `cwd`, capturing what it prints. */
export async function oto(cwd: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, env: {}, isTTY: false, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** Bad input: one line on stderr matching `message`, nothing on stdout, exit 2. */
export async function expectInputError(cwd: string, args: readonly string[], message: RegExp): Promise<void> {
  const { code, stdout, stderr } = await oto(cwd, ...args);
  expect(stderr).toMatch(message);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stdout).toBe('');
  expect(code).toBe(2);
}
