/**
 * fromDrizzle on drizzle-orm 1.0 (RC) objects: a filtered `one` (`where`) beside other fields over
 * the same columns is a relation of its own, whatever the order the fields are declared in.
 */
import { check, relationKind, resolveConfig } from '@oto/core';
import type { SchemaModel } from '@oto/core';
import { defineRelations, sql } from 'drizzle-orm-v1';
import { boolean, integer, pgTable, serial, timestamp, uniqueIndex } from 'drizzle-orm-v1/pg-core';
import type { DrizzleSchemaInput } from './from-drizzle';
import { fromDrizzle } from './from-drizzle';

function input(exports: Record<string, unknown>): DrizzleSchemaInput {
  return { exports: Object.entries(exports).map(([name, value], i) => ({ name, value, origin: { file: 'schema.ts', line: i + 1 } })) };
}
const model = (exports: Record<string, unknown>): SchemaModel => fromDrizzle(input(exports)).model;
const summary = (m: SchemaModel) =>
  m.relations
    .map((r) => `${r.name}: ${relationKind(r)} ${r.dependent.table}.${r.dependent.field ?? '-'} → ${r.principal.table}.${r.principal.field ?? '-'}${r.filter ? ` where ${r.filter.sql}` : ''}`)
    .sort();
const findings = (m: SchemaModel) =>
  check(m, resolveConfig({ naming: 'off' })).diagnostics.map((d) => `${d.ruleId}/${d.messageId} ${d.location.relation ?? ''}`).sort();

const users = pgTable('users', { id: serial('id').primaryKey() });
const subscriptionColumns = {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  cancelledAt: timestamp('cancelled_at'),
  isTrial: boolean('is_trial').notNull().default(false),
};
const live = pgTable('subscriptions', subscriptionColumns, (t) => [uniqueIndex('subscriptions_live_user_id_key').on(t.userId).where(sql`${t.cancelledAt} IS NULL`)]);
const plain = pgTable('subscriptions', subscriptionColumns);

/** The relations builder, read untyped (the fields are chosen per case). */
interface R {
  readonly one: Record<string, (config?: object) => unknown>;
  readonly many: Record<string, (config?: object) => unknown>;
  readonly users: Record<string, unknown>;
  readonly subscriptions: Record<string, unknown>;
}
/** The fields of users, in the order given; subscriptions.user always. */
const fieldsOf = {
  subscriptions: (r: R) => ({ subscriptions: r.many['subscriptions']!() }),
  liveSubscription: (r: R) => ({ liveSubscription: r.one['subscriptions']!({ from: r.users['id'], to: r.subscriptions['userId'], where: { cancelledAt: { isNull: true } } }) }),
  trialSubscription: (r: R) => ({ trialSubscription: r.one['subscriptions']!({ from: r.users['id'], to: r.subscriptions['userId'], where: { isTrial: true } }) }),
};
type Field = keyof typeof fieldsOf;

function schema(subscriptions: typeof live, userFields: readonly Field[], dependentFirst: boolean) {
  const relations = defineRelations({ users, subscriptions }, (builder) => {
    const r = builder as unknown as R;
    const user = { user: r.one['users']!({ from: r.subscriptions['userId'], to: r.users['id'], optional: false }) };
    const fields = Object.assign({}, ...userFields.map((f) => fieldsOf[f](r)));
    return (dependentFirst ? { subscriptions: user, users: fields } : { users: fields, subscriptions: user }) as never;
  });
  return model({ users, subscriptions, relations });
}

const orders = <T,>(list: readonly T[]): T[][] => (list.length <= 1 ? [[...list]] : list.flatMap((x, i) => orders([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [x, ...rest])));

describe('fromDrizzle: a filtered one beside other fields over the same columns (drizzle-orm 1.0)', () => {
  const cases: { name: string; fields: readonly Field[]; relations: readonly string[] }[] = [
    {
      name: 'a many and a filtered one: a one-to-many and a filtered one-to-one',
      fields: ['subscriptions', 'liveSubscription'],
      relations: [
        'subscriptions.user: one-to-many subscriptions.user → users.subscriptions',
        'users.liveSubscription: one-to-one subscriptions.- → users.liveSubscription where "cancelled_at" IS NULL',
      ],
    },
    {
      name: 'two filtered ones: two filtered one-to-ones, the dependent\'s one a many-to-one',
      fields: ['liveSubscription', 'trialSubscription'],
      relations: [
        'subscriptions.user: many-to-one subscriptions.user → users.-',
        'users.liveSubscription: one-to-one subscriptions.- → users.liveSubscription where "cancelled_at" IS NULL',
        'users.trialSubscription: one-to-one subscriptions.- → users.trialSubscription where "is_trial" = true',
      ],
    },
    {
      name: 'a many and two filtered ones',
      fields: ['subscriptions', 'liveSubscription', 'trialSubscription'],
      relations: [
        'subscriptions.user: one-to-many subscriptions.user → users.subscriptions',
        'users.liveSubscription: one-to-one subscriptions.- → users.liveSubscription where "cancelled_at" IS NULL',
        'users.trialSubscription: one-to-one subscriptions.- → users.trialSubscription where "is_trial" = true',
      ],
    },
    {
      name: 'a filtered one alone on its side: one relation with the dependent\'s one',
      fields: ['liveSubscription'],
      relations: ['subscriptions.user: one-to-one subscriptions.user → users.liveSubscription where "cancelled_at" IS NULL'],
    },
  ];
  const table = cases.flatMap((c) =>
    orders(c.fields).flatMap((fields) => [false, true].map((dependentFirst) => ({ ...c, fields, dependentFirst, order: `${fields.join(', ')}${dependentFirst ? ', subscriptions first' : ''}` }))),
  );

  it.each(table)('$name ($order)', ({ fields, dependentFirst, relations }) => {
    expect(summary(schema(live, fields, dependentFirst))).toEqual(relations);
  });

  it.each([false, true])('the filtered one is checked against the partial uniques, the many is not a one-to-one (subscriptions first: %s)', (dependentFirst) => {
    expect(findings(schema(live, ['liveSubscription', 'subscriptions'], dependentFirst))).toEqual([]);
    expect(findings(schema(plain, ['liveSubscription', 'subscriptions'], dependentFirst))).toEqual(['one-to-one-unique/filtered users.liveSubscription']);
  });
});
