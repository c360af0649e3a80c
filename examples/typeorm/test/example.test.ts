/** The example entities hold each situation of the README once: the report says exactly that. */
import * as path from 'node:path';
import { buildReport, check, formatText, resolveConfig } from '@oto/core';
import { loadTypeormModel } from '@oto/typeorm';
import { expectGolden } from '../../../packages/core/src/testing/golden';
import { oto } from '../../../packages/cli/src/testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..');

describe('examples/typeorm', () => {
  it('the situations of examples/prisma, plus the two one-to-ones TypeORM lets through', async () => {
    const { model } = await loadTypeormModel({ cwd: root, dataSource: 'src/data-source.ts' });
    const r = buildReport(check(model, resolveConfig({ naming: 'prefix' })), { cwd: root });
    const kinds = Object.fromEntries(r.relations.map((x) => [x.name, [x.kind, x.backing ? `${x.backing.kind}${x.backing.implicit ? ' (implicit)' : ''}` : null]]));
    expect(kinds).toEqual({
      'Certificate.student': ['one-to-one', 'unique'], // unique foreign key, oto_ names: clean
      'Student.locker': ['one-to-one', null], // @JoinColumn on neither side
      'Profile.user': ['one-to-one', 'primary-key'], // shared primary key: clean
      'Account.user': ['one-to-one', 'unique'], // naming mismatch
      'Passport.user': ['one-to-one', null], // createForeignKeyConstraints: false, so no unique either
      'Car.driver': ['one-to-one', 'unique'], // optional on both sides: clean
      'CeoAssignment.company': ['one-to-one', 'unique'], // time-sliced role
      'Order.user': ['one-to-many', null],
      'Invoice.order': ['one-to-many', 'unique'], // hidden one-to-one
    });
    expect(r.diagnostics.map((d) => [d.ruleId, d.messageId, d.location.entity])).toEqual([
      ['one-to-one-unique', 'missing', 'Passport'],
      ['one-to-one-naming', 'summary', undefined], // Account: its table and its unique, in the summary's related
      ['one-to-one-no-foreign-key', 'noColumns', 'Student'],
      ['one-to-one-no-foreign-key', 'noConstraint', 'Passport'],
      ['hidden-one-to-one', 'hidden', 'Order'], // at Order.invoices, the @OneToMany to make one-to-one
      ['false-one-to-one', 'timeSliced', 'CeoAssignment'],
    ]);
    expectGolden(path.join(__dirname, '__golden__', 'report.txt'), formatText(r));
  }, 120_000); // loads the TypeORM project with its own TypeScript: slow on a loaded machine
});

describe('examples/typeorm migrations', () => {
  it('replayed by TypeORM into embedded PGlite: the Init migration lacks the uniques of Car.driver', async () => {
    const { code, stdout, stderr } = await oto(root, 'check', '--typeorm', 'src/data-source.ts', '--migrations');
    expect(stderr).toBe('');
    expectGolden(path.join(__dirname, '__golden__', 'report-migrations.txt'), stdout);
    expect(code).toBe(1);
  }, 180_000); // replays the migrations through TypeORM on PGlite: took over 60 s on a loaded machine
});
