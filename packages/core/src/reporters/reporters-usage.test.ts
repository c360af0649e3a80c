/** The reports of a check with `--usage`: usage findings located at the code, and the call sites under their schema finding. */
import * as path from 'node:path';
import { buildReport } from '../report';
import { check } from '../engine';
import { resolveConfig } from '../config';
import { expectGolden } from '../testing/golden';
import { accounts, col, eqs } from '../testing/usage-fixtures';
import { query } from '../testing/usage-rule-tester';
import type { CodeLocation, UsageFacts } from '../usage';
import { format, FORMATS } from './index';

const at = (file: string, line: number, column: number): CodeLocation => ({ file: path.join('/repo', file), line, column });

function usageReport() {
  const usage: UsageFacts = {
    tsconfig: path.join('/repo', 'tsconfig.json'),
    files: 3,
    queries: [
      query('account', { consumption: 'first', filter: eqs(col('account', 'user_id')), location: at('src/auth.ts', 12, 23) }),
      query('account', { kind: 'update', filter: eqs(col('account', 'user_id')), location: at('src/auth.ts', 20, 9) }),
      query('user', { reads: [{ table: 'user', field: 'account', path: ['account'], location: at('src/admin.ts', 4, 15) }] }),
      query('post', { consumption: 'first', filter: eqs(col('post', 'author_id')), location: at('src/admin.ts', 9, 3) }),
    ],
    unresolved: [{ location: at('src/admin.ts', 30, 10), reason: 'with key accounts is no relation of user' }],
    ignores: [],
    syntaxErrors: [],
  };
  return buildReport(check(accounts(), resolveConfig({ rules: { 'one-to-one-naming': 'off' } }), undefined, usage), { cwd: '/repo' });
}

describe('reporters, with usage findings', () => {
  const report = usageReport();

  it('the sample holds the schema finding and four usage findings', () => {
    expect(report.diagnostics.map((d) => `${d.ruleId} ${d.location.file ?? ''}:${d.location.line ?? ''}:${d.location.column ?? ''}`)).toEqual([
      'one-to-one-unique ::',
      'usage-unbacked-one-to-one src/auth.ts:12:23',
      'usage-unbacked-one-to-one src/auth.ts:20:9',
      'usage-unbacked-one-to-one src/admin.ts:4:15',
      'usage-first-of-many src/admin.ts:9:3',
    ]);
    expect(report.usage).toEqual({ tsconfig: 'tsconfig.json', files: 3, queries: 5, unresolved: [{ file: 'src/admin.ts', line: 30, column: 10, reason: 'with key accounts is no relation of user' }] });
  });

  it.each(FORMATS)('renders %s as in its golden file', (kind) => {
    const ext = { text: 'txt', json: 'json', sarif: 'sarif', github: 'github.txt' }[kind];
    expectGolden(path.join(__dirname, '__golden__', `usage.${ext}`), format(report, kind, { toolVersion: '0.0.0-test' }));
  });
});
