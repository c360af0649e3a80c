/**
 * A filtered one-to-one (Drizzle v1's `one({ where })`) read in code: the usage finding names the
 * key and the finding it depends on the way that finding names them, in the schema
 * (one-to-one-unique's `filtered`) and in the database (database-unique-missing's `filtered`).
 */
import { check } from '../engine';
import type { DatabaseFacts, SchemaModel, UniqueKey } from '../model';
import { databaseUniqueMissing } from '../rules/database-unique-missing';
import { oneToOneUnique } from '../rules/one-to-one-unique';
import { database, fk, relation, schema, table } from '../testing/fixtures';
import { at, query } from '../testing/usage-rule-tester';
import type { UsageFacts } from '../usage';
import { usageUnbackedOneToOne } from './usage-unbacked-one-to-one';

const live: UniqueKey = { name: 'subscription_live_user_id_key', columns: ['user_id'], kind: 'index', where: '"cancelled_at" IS NULL' };
const subscription = (uniques: readonly UniqueKey[]) =>
  table('subscription', { columns: ['id', 'user_id', 'cancelled_at?'], pk: ['id'], uniques, fks: [fk(['user_id'], 'user', ['id'])] });
const model = (uniques: readonly UniqueKey[]) =>
  schema(
    [table('user', { columns: ['id'], pk: ['id'] }), subscription(uniques)],
    [{ ...relation({ name: 'liveSubscription', dependent: 'subscription', principal: 'user', columns: ['user_id'], dependentField: null, principalField: 'liveSubscription' }), filter: { text: '{"cancelledAt":{"isNull":true}}', sql: '"cancelled_at" IS NULL' } }],
  );
const usage: UsageFacts = {
  tsconfig: 'tsconfig.json',
  files: 1,
  queries: [query('user', { reads: [{ table: 'user', field: 'liveSubscription', path: ['liveSubscription'], location: at(7, 3) }] })],
  unresolved: [],
  ignores: [],
  syntaxErrors: [],
};

function run(m: SchemaModel, facts?: DatabaseFacts) {
  const rules = [oneToOneUnique, databaseUniqueMissing, usageUnbackedOneToOne].map((rule) => ({ rule, severity: rule.defaultSeverity, options: rule.options.parse(rule.defaultOptions) }));
  return check(m, { rules, ignore: { tables: new Set(), relations: new Set() }, failOn: 'error' }, facts, usage).diagnostics;
}

const key = 'subscription(user_id) WHERE "cancelled_at" IS NULL';

describe('a filtered one-to-one read in code', () => {
  it('backed in the schema, lacking in the database: the usage finding points at database-unique-missing, both name the partial key', () => {
    const found = run(model([live]), database([table('user', { columns: ['id'], pk: ['id'] }), subscription([])]));
    expect(found.map((d) => [d.ruleId, d.messageId])).toEqual([
      ['database-unique-missing', 'filtered'],
      ['usage-unbacked-one-to-one', 'read'],
    ]);
    const [db, use] = found;
    expect(db?.message).toContain(`on ${key}`);
    expect(use?.message).toContain(`but ${key} is not unique (database-unique-missing)`);
  });

  it('lacking in the schema: the usage finding points at one-to-one-unique, both name the partial key', () => {
    const found = run(model([]));
    expect(found.map((d) => [d.ruleId, d.messageId])).toEqual([
      ['one-to-one-unique', 'filtered'],
      ['usage-unbacked-one-to-one', 'read'],
    ]);
    const [schemaFinding, use] = found;
    expect(schemaFinding?.message).toContain('subscription(user_id) WHERE "cancelled_at" IS NULL');
    expect(use?.message).toContain(`but ${key} is not unique (one-to-one-unique)`);
  });

  it('backed in both: no finding', () => {
    expect(run(model([live]), database([table('user', { columns: ['id'], pk: ['id'] }), subscription([{ ...live, where: '(cancelled_at IS NULL)' }])]))).toEqual([]);
  });
});
