import { showsProgress, step } from './progress';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

/** A stream that records what the spinner writes. */
function recorder() {
  const written: string[] = [];
  const stream = { write: (text: string) => (written.push(text), true), columns: 80, isTTY: true } as unknown as NodeJS.WriteStream;
  return { stream, text: () => written.join('') };
}

describe('progress: a spinner on stderr for a slow step, on a terminal only', () => {
  it.each<[string, { env: Record<string, string>; stderrIsTTY?: boolean }, boolean]>([
    ['a terminal', { env: {}, stderrIsTTY: true }, true],
    ['a pipe or a file', { env: {}, stderrIsTTY: false }, false],
    ['no stderr information (in-process, tests)', { env: {} }, false],
    ['CI', { env: { CI: 'true' }, stderrIsTTY: true }, false],
    ['TERM=dumb', { env: { TERM: 'dumb' }, stderrIsTTY: true }, false],
  ])('%s: %s', async (_, io, shown) => {
    expect(showsProgress(io)).toBe(shown);
    const out = recorder();
    let during = '';
    const result = await step(io, 'replaying the migrations', async () => {
      during = out.text();
      return 42;
    }, out.stream);
    expect(result).toBe(42);
    expect(during.includes('oto: replaying the migrations')).toBe(shown);
    if (!shown) expect(out.text()).toBe('');
  });

  it('a failing step still stops its spinner, and the error is the step\'s', async () => {
    const out = recorder();
    await expect(step({ env: {}, stderrIsTTY: true }, 'reading the database', () => Promise.reject(new Error('refused')), out.stream)).rejects.toThrow('refused');
    expect(out.text()).toContain('oto: reading the database');
  });
});
