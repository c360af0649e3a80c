/** `oto check --usage` on the example app: each misuse of src/app-usage.ts is found at its call, none of its correct forms. */
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

describe('examples/prisma: oto check --usage', () => {
  it('reports the misuses of the app code at their calls', async () => {
    const { code, stdout } = await oto(root, 'check', '--usage', '--format', 'json');
    const report = JSON.parse(stdout) as { diagnostics: Finding[]; usage: { queries: number; unresolved: unknown[] } };
    // The text report a reviewer reads: the schema findings with their call sites, the usage findings by file.
    expectGolden(path.join(__dirname, '__golden__', 'usage-report.txt'), formatText(JSON.parse(stdout) as Report));
    const usage = report.diagnostics
      .filter((d) => d.location.file === 'src/app-usage.ts')
      .map((d) => `${d.ruleId}/${d.messageId} ${d.location.line}:${d.location.column}`);
    expect(usage).toEqual([
      'usage-first-of-many/arbitrary 11:68',
      'usage-first-of-many/arbitrary 17:71',
      'usage-join-fans-out/fans-out 24:3',
    ]);
    expect(report.usage).toMatchObject({ queries: 6, unresolved: [] });
    expect(code).toBe(0); // warnings only: the schema's findings here and these two rules are warnings
  }, 180_000);
});
