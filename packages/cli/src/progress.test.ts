import { progressMode, step } from './progress';
import type { ProgressMode } from './progress';

/** A stream that records what the spinner writes. */
function recorder() {
  const written: string[] = [];
  const stream = { write: (text: string) => (written.push(text), true), columns: 80, isTTY: true } as unknown as NodeJS.WriteStream;
  return { stream, text: () => written.join('') };
}

describe('progress: a spinner on a terminal, one line per step in CI, nothing elsewhere (stderr only)', () => {
  it.each<[string, { env: Record<string, string>; stderrIsTTY?: boolean }, ProgressMode]>([
    ['a terminal', { env: {}, stderrIsTTY: true }, 'spinner'],
    ['a pipe or a file', { env: {}, stderrIsTTY: false }, 'none'],
    ['no stderr information (in-process, tests)', { env: {} }, 'none'],
    ['TERM=dumb', { env: { TERM: 'dumb' }, stderrIsTTY: true }, 'none'],
    ['CI=true, a log', { env: { CI: 'true' }, stderrIsTTY: false }, 'lines'],
    ['CI=1 on a terminal (a CI runner with a pty)', { env: { CI: '1' }, stderrIsTTY: true }, 'lines'],
    ['CI named (Woodpecker: CI=woodpecker)', { env: { CI: 'woodpecker' } }, 'lines'],
    ['CI=false', { env: { CI: 'false' }, stderrIsTTY: false }, 'none'],
    ['CI=0 on a terminal', { env: { CI: '0' }, stderrIsTTY: true }, 'spinner'],
    ['CI empty', { env: { CI: '' } }, 'none'],
  ])('%s', async (_, io, mode) => {
    expect(progressMode(io)).toBe(mode);
    const out = recorder();
    let lines = '';
    let during = '';
    const result = await step({ ...io, stderr: (t) => (lines += t) }, 'replaying the migrations', async () => {
      during = out.text() + lines;
      return 42;
    }, out.stream);
    expect(result).toBe(42);
    expect(during.includes('oto: replaying the migrations')).toBe(mode !== 'none');
    if (mode === 'lines') expect({ lines, spinner: out.text() }).toEqual({ lines: 'oto: replaying the migrations\n', spinner: '' });
    if (mode === 'spinner') expect(lines).toBe('');
    if (mode === 'none') expect(out.text() + lines).toBe('');
  });

  it("a failing step still stops its spinner, and the error is the step's", async () => {
    const out = recorder();
    await expect(step({ env: {}, stderrIsTTY: true }, 'reading the database', () => Promise.reject(new Error('refused')), out.stream)).rejects.toThrow('refused');
    expect(out.text()).toContain('oto: reading the database');
  });
});
