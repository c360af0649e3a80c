/** `oto check --typeorm … --usage` on the example app: each misuse of src/app-usage.ts is found at its call, none of its correct forms. */
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

describe('examples/typeorm: oto check --usage', () => {
  it('reports the misuses of the app code at their calls', async () => {
    const { code, stdout } = await oto(root, 'check', '--typeorm', 'src/data-source.ts', '--usage', '--format', 'json');
    const report = JSON.parse(stdout) as { diagnostics: Finding[]; usage: { unresolved: unknown[] } };
    // The text report a reviewer reads: the schema findings with their call sites, the usage findings by file.
    expectGolden(path.join(__dirname, '__golden__', 'usage-report.txt'), formatText(JSON.parse(stdout) as Report));
    const usage = report.diagnostics
      .filter((d) => d.location.file === 'src/app-usage.ts')
      .map((d) => `${d.ruleId}/${d.messageId} ${d.location.line}:${d.location.column}`);
    expect(usage).toEqual([
      'usage-unbacked-one-to-one/read 10:121',
      'usage-unbacked-one-to-one/write 16:66',
      'usage-first-of-many/arbitrary 22:46',
      'usage-join-fans-out/fans-out 29:61',
    ]);
    expect(report.usage.unresolved).toEqual([]);
    expect(code).toBe(1);
  }, 180_000);
});
