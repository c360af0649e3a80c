/** `oto check --usage` on the example app: each misuse of src/pg/app-usage.ts is found at its call, none of its correct forms. */
import * as path from 'node:path';
import { checkUsage } from '../../../packages/cli/src/testing/check-usage';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..');

describe('examples/drizzle: oto check --usage', () => {
  it('reports the misuses of the app code at their calls, with the demo\'s deliberate silent pick', async () => {
    const { code, stderr, atCalls, usage } = await checkUsage(root, '--usage', 'tsconfig.usage.json');
    expect(atCalls).toEqual([
      // accessors-demo.ts shows drizzle's own arbitrary pick beside the accessor that refuses it.
      'usage-unbacked-one-to-one/read src/pg/accessors-demo.ts:55:97',
      'usage-unbacked-one-to-one/read src/pg/app-usage.ts:11:67',
      'usage-unbacked-one-to-one/write src/pg/app-usage.ts:18:3',
      'usage-first-of-many/arbitrary src/pg/app-usage.ts:24:60',
      'usage-join-fans-out/fans-out src/pg/app-usage.ts:32:47',
    ]);
    expect(usage.unresolved).toEqual([]);
    expect(stderr).toMatch(/oto: usage: \d+ queries in \d+ files of tsconfig\.usage\.json, 0 not resolved/);
    expect(code).toBe(1);
  }, 180_000);
});
