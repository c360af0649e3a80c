import { resolveConfig } from '../config';
import { check } from '../engine';
import { planSqlChanges, setAsideLines } from '../fix';
import { format } from '../reporters';
import { fk, relation, schema, table } from '../testing/fixtures';
import { buildReport } from './report';

/** Two correct one-to-ones not named by the convention (one with a named unique), and a hidden one-to-one. */
function model() {
  return schema(
    [
      table('users', { columns: ['id'], pk: ['id'] }),
      table('profile', { columns: ['id', 'users_id'], pk: ['id'], uniques: [{ name: 'profile_users_key', columns: ['users_id'], kind: 'constraint' }], fks: [fk(['users_id'], 'users', ['id'])] }),
      table('avatar', { columns: ['users_id'], pk: ['users_id'], fks: [fk(['users_id'], 'users', ['id'])] }),
      table('invoice', { columns: ['id', 'users_id'], pk: ['id'], uniques: [['users_id']], fks: [fk(['users_id'], 'users', ['id'])] }),
    ],
    [
      relation({ dependent: 'profile', principal: 'users', columns: ['users_id'] }),
      relation({ dependent: 'avatar', principal: 'users', columns: ['users_id'] }),
      relation({ dependent: 'invoice', principal: 'users', columns: ['users_id'], kind: 'many', principalField: 'invoices' }),
    ],
  );
}

describe('the naming convention as one summary finding', () => {
  const result = check(model(), resolveConfig({}));
  const report = buildReport(result);

  it('the check keeps one finding per relation (their fixes feed oto fix and generate sql)', () => {
    expect(result.diagnostics.filter((d) => d.ruleId === 'one-to-one-naming').map((d) => d.messageId)).toEqual(['tableName', 'uniqueName', 'tableName']);
  });

  it('the report has one summary in their place, counting relations, with them in related', () => {
    expect(report.diagnostics.map((d) => [d.ruleId, d.messageId, d.severity])).toEqual([
      ['one-to-one-naming', 'summary', 'warning'],
      ['hidden-one-to-one', 'hidden', 'warning'],
    ]);
    const [summary] = report.diagnostics;
    expect(summary?.message).toBe('2 one-to-ones are not named by the oto_ convention: `oto fix --renames`, or set naming');
    expect(summary?.related?.map((d) => [d.messageId, d.location.table])).toEqual([
      ['tableName', 'profile'],
      ['uniqueName', 'profile'],
      ['tableName', 'avatar'],
    ]);
    expect(summary?.related?.[0]?.fix).toMatchObject({ kind: 'rename-table', to: 'oto_profile' });
  });

  it('one relation is one-to-one is', () => {
    const one = check({ ...model(), relations: model().relations.slice(1) }, resolveConfig({}));
    expect(buildReport(one).diagnostics[0]?.message).toBe('1 one-to-one is not named by the oto_ convention: `oto fix --renames`, or set naming');
  });

  it('text lists the relations only with verbose; JSON and SARIF always carry them', () => {
    const text = format(report, 'text');
    expect(text).toContain('2 one-to-ones are not named by the oto_ convention');
    expect(text).not.toContain('the dependent table profile does not follow');
    expect(text).toContain('0 errors, 2 warnings, 0 info');
    const verbose = format(report, 'text', { verbose: true });
    expect(verbose).toContain('    - one-to-one profile.users: the dependent table profile does not follow the oto_ naming convention');
    expect(verbose.match(/^ {4}- /gm)).toHaveLength(3);
    const json = JSON.parse(format(report, 'json'));
    expect(json.version).toBe(1);
    expect(json.diagnostics[0].related).toHaveLength(3);
    const sarif = JSON.parse(format(report, 'sarif'));
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(2);
    expect(results[0].relatedLocations.map((l: { logicalLocations: { name: string }[] }) => l.logicalLocations[0]?.name)).toEqual(['profile', 'profile', 'avatar']);
  });

  it('naming off: no summary at all', () => {
    const off = buildReport(check(model(), resolveConfig({ naming: 'off' })));
    expect(off.diagnostics.map((d) => d.ruleId)).toEqual(['hidden-one-to-one']);
  });

  it('the renames that are off are one set-aside line', () => {
    const plan = planSqlChanges(result.diagnostics, { tables: model().tables, dialect: 'postgresql', renames: false, onDelete: 'restrict', uniqueName: (t, c) => `oto_${t}_${c.join('_')}_key`, target: 'database' });
    expect(setAsideLines(plan.setAside)).toEqual(["the oto_ naming convention's renames (2 tables, 1 unique): renames are off (--renames makes them)"]);
  });
});
