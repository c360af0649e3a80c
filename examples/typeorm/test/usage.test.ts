/** `oto check --typeorm … --usage` on the example app: each misuse of src/app-usage.ts is found at its call, none of its correct forms. */
import * as path from 'node:path';
import { checkUsage } from '../../../packages/cli/src/testing/check-usage';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..');

describe('examples/typeorm: oto check --usage', () => {
  it('reports the misuses of the app code at their calls', async () => {
    const { code, atCalls, usage } = await checkUsage(root, '--typeorm', 'src/data-source.ts', '--usage');
    expect(atCalls).toEqual([
      // accessors-demo.ts shows TypeORM's own arbitrary pick beside the accessor that refuses it.
      'usage-unbacked-one-to-one/read src/accessors-demo.ts:66:95',
      'usage-unbacked-one-to-one/read src/app-usage.ts:10:121',
      'usage-unbacked-one-to-one/write src/app-usage.ts:16:66',
      'usage-first-of-many/arbitrary src/app-usage.ts:22:46',
      'usage-join-fans-out/fans-out src/app-usage.ts:29:61',
    ]);
    expect(usage.unresolved).toEqual([]);
    expect(code).toBe(1);
  }, 180_000);
});
