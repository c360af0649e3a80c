/**
 * The Drizzle 1.0 example holds each of its situations once, written with defineRelations: the
 * reports on the schema and on its drizzle-kit 1.0 migrations (replayed into PGlite) say exactly that.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport, check, formatText, resolveConfig } from '@oto/core';
import type { Report } from '@oto/core';
import { loadDrizzleModel } from '@oto/drizzle';
import { expectGolden } from '../../../packages/core/src/testing/golden';
import { oto } from '../../../packages/cli/src/testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..');
const golden = (name: string) => path.join(__dirname, '__golden__', name);
const findings = (r: Report) => r.diagnostics.map((d) => [d.ruleId, d.messageId, d.location.entity]);

describe('examples/drizzle-v1', () => {
  it('is a drizzle-orm 1.0 project: the schema module imports the 1.0 release candidate', () => {
    const manifest = path.join(root, 'node_modules/drizzle-orm/package.json');
    expect((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version).toBe('1.0.0-rc.5');
  });

  it('the schema: a sound, an unbacked, an optional, a backed filtered and an unbacked filtered one-to-one, and a through many-to-many', () => {
    const { model } = loadDrizzleModel({ cwd: root });
    const r = buildReport(check(model, resolveConfig({ naming: 'prefix' })), { cwd: root });
    const kinds = Object.fromEntries(r.relations.map((x) => [x.name, [x.kind, x.backing?.kind ?? null, x.principal.field ?? null]]));
    expect(kinds).toEqual({
      'profiles.user': ['one-to-one', 'unique', 'profile'], // unique foreign key, oto_ names: clean
      'passports.user': ['one-to-one', null, 'passport'], // r.one on both sides, no unique
      'subscriptions.user': ['one-to-one', null, 'liveSubscription'], // where: { cancelledAt: { isNull: true } }, backed by the partial unique
      'addresses.user': ['one-to-one', null, 'primaryAddress'], // where: { isPrimary: true }, no partial unique
      'cars.driver': ['one-to-one', 'unique', 'car'], // optional on both sides: clean
      'memberships(team_id)': ['many-to-one', null, null], // the junction of teams.members (through)
      'memberships(user_id)': ['many-to-one', null, null],
    });
    // The backed filtered one-to-one holds by its partial unique: no finding names it.
    expect(r.relations.find((x) => x.name === 'subscriptions.user')?.conditional).toEqual([
      { name: 'oto_subscription_live_user_id_key', columns: ['user_id'], where: '"cancelled_at" IS NULL' },
    ]);
    expect(findings(r)).toEqual([
      ['one-to-one-unique', 'missing', 'passports'],
      ['one-to-one-unique', 'filtered', 'addresses'],
      ['false-one-to-one', 'primaryOfMany', 'addresses'],
    ]);
    expectGolden(golden('schema-report.txt'), formatText(r));
  });

  it('the drizzle-kit 1.0 migrations, replayed into PGlite: the second drops the car\'s unique; the partial unique and the foreign keys match the schema', async () => {
    const folders = fs.readdirSync(path.join(root, 'migrations')).sort();
    expect(folders.map((f) => f.replace(/^\d{14}_/, '<timestamp>_'))).toEqual(['<timestamp>_init', '<timestamp>_drop_car_unique']);
    for (const f of folders) expect(fs.readdirSync(path.join(root, 'migrations', f)).sort()).toEqual(['migration.sql', 'snapshot.json']);

    const { code, stdout, stderr } = await oto(root, 'check', '--migrations', 'migrations', '--format', 'json');
    expect(stderr).toBe('');
    const r = JSON.parse(stdout) as Report;
    // Only the dropped unique differs from the schema: no database-unique-missing for the partial
    // unique of the live subscription, no foreign key reported missing under drizzle-kit 1.0's names.
    expect(findings(r)).toEqual([
      ['one-to-one-unique', 'missing', 'passports'],
      ['one-to-one-unique', 'filtered', 'addresses'],
      ['false-one-to-one', 'primaryOfMany', 'addresses'],
      ['migration-drops-one-to-one-unique', 'dropped', 'cars'],
    ]);
    expectGolden(golden('migrations-report.txt'), formatText(r));
    expect(code).toBe(1);
  });
});
