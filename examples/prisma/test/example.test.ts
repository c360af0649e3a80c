/** The example schema holds each situation of the README once: the report says exactly that. */
import * as path from 'node:path';
import { buildReport, check, formatText, resolveConfig } from '@oto/core';
import { loadPrismaModel } from '@oto/prisma';
import { expectGolden } from '../../../packages/core/src/testing/golden';

const root = path.resolve(__dirname, '..');

async function report() {
  const { model } = await loadPrismaModel({ cwd: root });
  return buildReport(check(model, resolveConfig({ naming: 'prefix' })), { cwd: root });
}

describe('examples/prisma', () => {
  it('finds the schema through prisma.config.ts and reports each situation once', async () => {
    const r = await report();
    const kinds = Object.fromEntries(r.relations.map((x) => [x.name, [x.kind, x.backing?.kind ?? null]]));
    expect(kinds).toEqual({
      CertificateToStudent: ['one-to-one', 'unique'], // unique foreign key, oto_ names: clean
      ProfileToUser: ['one-to-one', 'primary-key'], // shared primary key: clean
      OrderToUser: ['one-to-many', null],
      InvoiceToOrder: ['one-to-many', 'unique'], // hidden one-to-one
      CarToDriver: ['one-to-one', 'unique'], // optional on both sides: clean
      AccountToUser: ['one-to-one', 'unique'], // naming mismatch
      CeoAssignmentToCompany: ['one-to-one', 'unique'], // time-sliced role
    });
    expect(r.diagnostics.map((d) => [d.ruleId, d.messageId, d.location.entity])).toEqual([
      ['one-to-one-naming', 'summary', undefined], // Account: its table and its unique, in the summary's related
      ['hidden-one-to-one', 'hidden', 'Order'], // at Order.invoices, the list to make one-to-one
      ['false-one-to-one', 'timeSliced', 'CeoAssignment'],
    ]);
  });

  it('renders the report as in its golden file', async () => {
    expectGolden(path.join(__dirname, '__golden__', 'report.txt'), formatText(await report()));
  });
});
