/** The example schemas hold each situation of the README once: the reports say exactly that. */
import * as path from 'node:path';
import { buildReport, check, formatText, resolveConfig } from '@oto/core';
import { loadDrizzleModel } from '@oto/drizzle';
import { expectGolden } from '../../../packages/core/src/testing/golden';
import { oto } from '../../../packages/cli/src/testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..');

function report(config?: string) {
  const { model } = loadDrizzleModel({ cwd: root, ...(config ? { config } : {}) });
  return buildReport(check(model, resolveConfig({ naming: 'prefix' })), { cwd: root });
}

describe('examples/drizzle', () => {
  it('PostgreSQL: the situations of examples/prisma, plus one() on both sides without a unique', () => {
    const r = report();
    const kinds = Object.fromEntries(r.relations.map((x) => [x.name, [x.kind, x.backing?.kind ?? null]]));
    expect(kinds).toEqual({
      'certificates.student': ['one-to-one', 'unique'], // unique foreign key, oto_ names: clean
      'profiles.user': ['one-to-one', 'primary-key'], // shared primary key: clean
      'accounts.user': ['one-to-one', 'unique'], // naming mismatch
      'passports.user': ['one-to-one', null], // the Drizzle-only defect
      'orders.user': ['one-to-many', null],
      'invoices.order': ['one-to-many', 'unique'], // hidden one-to-one
      'cars.driver': ['one-to-one', 'unique'], // optional on both sides: clean
      'ceoAssignments.company': ['one-to-one', 'unique'], // time-sliced role
    });
    expect(r.diagnostics.map((d) => [d.ruleId, d.messageId, d.location.entity])).toEqual([
      ['one-to-one-unique', 'missing', 'passports'],
      ['one-to-one-naming', 'summary', undefined], // accounts: its table and its unique, in the summary's related
      ['hidden-one-to-one', 'hidden', 'orders'], // at orders.invoices, the many() to make one()
      ['false-one-to-one', 'timeSliced', 'ceoAssignments'],
    ]);
    expectGolden(path.join(__dirname, '__golden__', 'pg-report.txt'), formatText(r));
  });

  it('SQLite: a sound one-to-one, and a to-one over a column that is not unique', () => {
    const r = report('drizzle.sqlite.config.ts');
    expect(r.dialect).toBe('sqlite');
    expect(r.diagnostics.map((d) => [d.ruleId, d.location.table, d.location.columns])).toEqual([
      ['to-one-non-unique-target', 'post', ['author_handle']], // at the one() that declares it
    ]);
    expectGolden(path.join(__dirname, '__golden__', 'sqlite-report.txt'), formatText(r));
  });
});

describe('examples/drizzle migrations', () => {
  it('replayed into embedded PGlite: the hand-written 0001 drops the unique of cars.driver, and nothing else differs', async () => {
    const { code, stdout } = await oto(root, 'check', '--migrations', 'migrations/pg', '--format', 'json');
    const database = (JSON.parse(stdout) as { diagnostics: { ruleId: string; messageId: string; location: { entity?: string } }[] }).diagnostics
      .filter((d) => d.ruleId.startsWith('database-') || d.ruleId.startsWith('migration-') || d.messageId === 'noDatabaseConstraint')
      .map((d) => [d.ruleId, d.location.entity]);
    expect(database).toEqual([['migration-drops-one-to-one-unique', 'cars']]);
    expect(code).toBe(1);
  }, 180_000); // replays the migrations on PGlite: over 30 s on a loaded machine
});
