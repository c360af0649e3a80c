import * as path from 'node:path';
import { formatText } from '@oto/core';
import type { Report } from '@oto/core';
import { expectGolden } from '../../../core/src/testing/golden';
import { oto } from './run-oto';

interface Finding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly location: { readonly file?: string; readonly line?: number; readonly column?: number };
}

/**
 * `oto check <args> --format json` in an example at `root`: the text report a reviewer reads (the
 * schema findings with their call sites, the usage findings by file) held against the example's
 * `test/__golden__/usage-report.txt`, and the findings at a call as `rule/message file:line:column`.
 */
export async function checkUsage(root: string, ...args: string[]) {
  const { code, stdout, stderr } = await oto(root, 'check', ...args, '--format', 'json');
  const report = JSON.parse(stdout) as Report & { diagnostics: Finding[]; usage: { queries: number; unresolved: unknown[] } };
  expectGolden(path.join(root, 'test', '__golden__', 'usage-report.txt'), formatText(report));
  const atCalls = report.diagnostics
    .filter((d) => d.location.column !== undefined)
    .map((d) => `${d.ruleId}/${d.messageId} ${d.location.file}:${d.location.line}:${d.location.column}`);
  return { code, stderr, atCalls, usage: report.usage };
}
