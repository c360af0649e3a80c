/** `oto check --usage` on the example app: each misuse of src/pg/app-usage.ts is found at its call, none of its correct forms. */
import * as path from 'node:path';
import { formatText } from '@oto/core';
import type { Report } from '@oto/core';
import { expectGolden } from '../../../packages/core/src/testing/golden';
import { oto } from '../../../packages/cli/src/testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..');

interface Finding {
  ruleId: string;
  messageId: string;
  location: { file?: string; line?: number; column?: number };
}

describe('examples/drizzle: oto check --usage', () => {
  it('reports the misuses of the app code at their calls, with the demo\'s deliberate silent pick', async () => {
    const { code, stdout, stderr } = await oto(root, 'check', '--usage', 'tsconfig.usage.json', '--format', 'json');
    const report = JSON.parse(stdout) as { diagnostics: Finding[]; usage: { unresolved: unknown[] } };
    // The text report a reviewer reads: the schema findings with their call sites, the usage findings by file.
    expectGolden(path.join(__dirname, '__golden__', 'usage-report.txt'), formatText(JSON.parse(stdout) as Report));
    const usage = report.diagnostics.filter((d) => d.location.column !== undefined).map((d) => `${d.ruleId}/${d.messageId} ${d.location.file}:${d.location.line}:${d.location.column}`);
    expect(usage).toEqual([
      // accessors-demo.ts shows drizzle's own arbitrary pick beside the accessor that refuses it.
      'usage-unbacked-one-to-one/read src/pg/accessors-demo.ts:55:97',
      'usage-unbacked-one-to-one/read src/pg/app-usage.ts:11:67',
      'usage-unbacked-one-to-one/write src/pg/app-usage.ts:18:3',
      'usage-first-of-many/arbitrary src/pg/app-usage.ts:24:60',
      'usage-join-fans-out/fans-out src/pg/app-usage.ts:32:47',
    ]);
    expect(report.usage.unresolved).toEqual([]);
    expect(stderr).toMatch(/oto: usage: \d+ queries in \d+ files of tsconfig\.usage\.json, 0 not resolved/);
    expect(code).toBe(1);
  }, 180_000);
});
