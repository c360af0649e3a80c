/**
 * With `CI` set where `npm test` runs (as CI services set it), the tests still see it unset: in
 * their own `process.env` and in a process they spawn without an `env` (which inherits jest's
 * real environment, not the test file's copy). oto prints progress lines on stderr under CI, so
 * a test comparing a spawned CLI's stderr would fail only in CI.
 */
import { spawnSync } from 'node:child_process';

describe('the environment the tests run in', () => {
  const NAMES = ['CI', 'FORCE_COLOR', 'NO_COLOR'];

  it('has no CI, FORCE_COLOR or NO_COLOR in the test file', () => {
    expect(NAMES.filter((name) => name in process.env)).toEqual([]);
  });

  it('has none of them in a process spawned without an env', () => {
    const script = `process.stdout.write(JSON.stringify(${JSON.stringify(NAMES)}.filter((name) => name in process.env)))`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  }, 30_000);
});
