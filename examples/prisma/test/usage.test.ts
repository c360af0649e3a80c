/** `oto check --usage` on the example app: each misuse of src/app-usage.ts is found at its call, none of its correct forms. */
import * as path from 'node:path';
import { checkUsage } from '../../../packages/cli/src/testing/check-usage';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..');

describe('examples/prisma: oto check --usage', () => {
  it('reports the misuses of the app code at their calls', async () => {
    const { code, atCalls, usage } = await checkUsage(root, '--usage');
    expect(atCalls).toEqual([
      'usage-first-of-many/arbitrary src/app-usage.ts:11:68',
      'usage-first-of-many/arbitrary src/app-usage.ts:17:71',
      'usage-join-fans-out/fans-out src/app-usage.ts:24:3',
    ]);
    expect(usage).toMatchObject({ queries: 6, unresolved: [] });
    expect(code).toBe(0); // warnings only: the schema's findings here and these two rules are warnings
  }, 180_000);
});
