import * as path from 'node:path';
import { buildReport } from '../report';
import { check } from '../engine';
import { resolveConfig } from '../config';
import { fk, relation, schema, table } from '../testing/fixtures';
import { expectGolden } from '../testing/golden';
import { format, FORMATS } from './index';

/** A model with an error that has a file and line, a warning without a line, and an info. */
function sampleReport() {
  const model = schema(
    [
      table('users', { columns: ['id'], pk: ['id'], entity: 'User' }),
      {
        ...table('profile', { columns: ['id', 'user_id'], pk: ['id'], fks: [fk(['user_id'], 'users', ['id'], 'cascade')], entity: 'Profile' }),
        origin: { file: path.join('/repo', 'prisma', 'schema.prisma'), line: 12 },
      },
      table('oto_passport', {
        columns: ['id', 'users_id'],
        pk: ['id'],
        uniques: [{ name: 'passport_users_key', columns: ['users_id'], kind: 'constraint' }],
        fks: [fk(['users_id'], 'users', ['id'])],
      }),
    ],
    [
      {
        ...relation({ name: 'ProfileToUser', dependent: 'profile', principal: 'users', columns: ['user_id'], dependentField: 'user', principalField: 'profile' }),
        dependent: {
          table: 'profile',
          entity: 'Profile',
          field: 'user',
          cardinality: 'one',
          optional: false,
          origin: { file: path.join('/repo', 'prisma', 'schema.prisma'), line: 14 },
        },
      },
      relation({ name: 'PassportToUser', dependent: 'oto_passport', principal: 'users', principalOptional: false }),
    ],
  );
  return buildReport(check(model, resolveConfig({})), { cwd: '/repo' });
}

describe('reporters', () => {
  const report = sampleReport();

  it('the sample holds an error with a line, a warning without one, and an info', () => {
    expect(report.diagnostics.map((d) => [d.ruleId, d.severity, d.location.line])).toEqual([
      ['one-to-one-unique', 'error', 14],
      ['one-to-one-both-required', 'info', undefined],
      // The naming convention's two findings (one with a line) as one summary, without one.
      ['one-to-one-naming', 'warning', undefined],
    ]);
  });

  it.each(FORMATS)('renders %s as in its golden file', (kind) => {
    const ext = { text: 'txt', json: 'json', sarif: 'sarif', github: 'github.txt' }[kind];
    expectGolden(path.join(__dirname, '__golden__', `sample.${ext}`), format(report, kind, { toolVersion: '0.0.0-test' }));
  });

  it('colours text only when asked', () => {
    expect(format(report, 'text', { color: false })).not.toMatch(/\u001b\[/);
    expect(format(report, 'text', { color: true })).toMatch(/\u001b\[31merror/);
  });

  it('sarif lists each rule once and uses logical locations where there is no file', () => {
    const sarif = JSON.parse(format(report, 'sarif'));
    const run = sarif.runs[0];
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const withoutFile = run.results.find((r: { locations: { physicalLocation?: unknown }[] }) => !r.locations[0]?.physicalLocation);
    expect(withoutFile.locations[0].logicalLocations[0]).toMatchObject({ name: 'oto_passport', kind: 'table' });
    const withFile = run.results.find((r: { ruleId: string }) => r.ruleId === 'one-to-one-unique');
    expect(withFile.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'prisma/schema.prisma' }, region: { startLine: 14 } });
    expect(ids[withFile.ruleIndex]).toBe('one-to-one-unique');
  });

  it('github annotations escape newlines, commas and colons', () => {
    const lines = format(report, 'github').trimEnd().split('\n');
    // One annotation per finding, then the summary line.
    expect(lines).toHaveLength(report.diagnostics.length + 1);
    expect(lines.at(-1)).toMatch(/^oto: \d+ errors?, /);
    expect(lines[0]).toMatch(/^::error file=prisma\/schema\.prisma,line=14,title=oto one-to-one-unique::/);
    expect(lines.find((l) => l.startsWith('::notice'))).toBeDefined();
    expect(lines.every((l) => !l.slice(2).includes('\n'))).toBe(true);
  });
});
