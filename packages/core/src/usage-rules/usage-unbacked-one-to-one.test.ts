import type { UniqueKey } from '../model';
import { fk, relation, schema, table, database } from '../testing/fixtures';
import { at, query, testUsageRule } from '../testing/usage-rule-tester';
import { accounts, col, eqs } from '../testing/usage-fixtures';
import { usageUnbackedOneToOne } from './usage-unbacked-one-to-one';

const read = (tableName: string, field: string, line: number, column: number, path = [field]) => ({ table: tableName, field, path, location: at(line, column) });
const backedDatabase = database([table('account', { columns: ['id', 'user_id', 'provider'], pk: ['id'], uniques: [['user_id']], fks: [fk(['user_id'], 'user', ['id'])] })]);
const unbackedDatabase = database([table('profile', { columns: ['id', 'user_id'], pk: ['id'], fks: [fk(['user_id'], 'user', ['id'])] })]);

// user 1–1 live subscription, filtered (Drizzle v1's one({ where: { cancelledAt: { isNull: true } } })) over subscription.user_id.
const live: UniqueKey = { name: 'subscription_live_user_id_key', columns: ['user_id'], kind: 'index', where: '"cancelled_at" IS NULL' };
const subscriptionTable = (uniques: readonly UniqueKey[]) =>
  table('subscription', { columns: ['id', 'user_id', 'cancelled_at?'], pk: ['id'], uniques, fks: [fk(['user_id'], 'user', ['id'])] });
const liveSubscription = (uniques: readonly UniqueKey[]) =>
  schema(
    [table('user', { columns: ['id'], pk: ['id'] }), subscriptionTable(uniques)],
    [{ ...relation({ name: 'liveSubscription', dependent: 'subscription', principal: 'user', columns: ['user_id'], dependentField: null, principalField: 'liveSubscription' }), filter: { text: '{"cancelledAt":{"isNull":true}}', sql: '"cancelled_at" IS NULL' } }],
  );
const readLive = [query('user', { reads: [read('user', 'liveSubscription', 7, 3)] })];

testUsageRule(usageUnbackedOneToOne, {
  valid: [
    { name: 'with of a one-to-one whose foreign key is unique', model: accounts(), queries: [query('user', { reads: [read('user', 'profile', 3, 5)] })] },
    { name: 'with from the dependent to its principal (through the primary key)', model: accounts(), queries: [query('account', { reads: [read('account', 'user', 3, 5)] })] },
    { name: 'with of a one-to-many', model: accounts(), queries: [query('user', { reads: [read('user', 'posts', 3, 5)] })] },
    { name: 'the unique is there once added', model: accounts([['user_id']]), queries: [query('user', { reads: [read('user', 'account', 3, 5)] })] },
    { name: 'many rows read by the foreign key', model: accounts(), queries: [query('account', { filter: eqs(col('account', 'user_id')) })] },
    {
      name: 'a single-row read by the foreign key and a unique column',
      model: accounts([['user_id', 'provider']]),
      queries: [query('account', { consumption: 'first', filter: eqs(col('account', 'user_id'), col('account', 'provider')) })],
    },
    {
      name: 'a single-row read by the foreign key, ordered: the latest of many, deliberately',
      model: accounts(),
      queries: [query('account', { consumption: 'first', ordered: true, filter: eqs(col('account', 'user_id')) })],
    },
    { name: 'an update keyed by the primary key', model: accounts(), queries: [query('account', { kind: 'update', filter: eqs(col('account', 'id'), col('account', 'user_id')) })] },
    { name: 'a single-row read of a field never declared', model: accounts(), queries: [query('user', { reads: [read('user', 'accounts', 3, 5)] })] },
    { name: 'with of a filtered one-to-one backed by the partial unique its filter matches', model: liveSubscription([live]), queries: readLive },
    {
      name: 'a filtered one-to-one whose partial unique the database has too (in its printed form)',
      model: liveSubscription([live]),
      database: database([subscriptionTable([{ ...live, where: '(cancelled_at IS NULL)' }])]),
      queries: readLive,
    },
  ],
  invalid: [
    {
      name: 'with of the one-to-one lacking its unique, nested under another with',
      model: accounts(),
      queries: [query('post', { reads: [read('post', 'author', 2, 7), read('user', 'account', 3, 9, ['author', 'account'])] })],
      errors: [{ messageId: 'read', line: 3, column: 9, relation: 'userAccount' }],
    },
    {
      name: 'findFirst filtered by the foreign key',
      model: accounts(),
      queries: [query('account', { consumption: 'first', filter: eqs(col('account', 'user_id')), location: at(12, 23) })],
      errors: [{ messageId: 'single-row', line: 12, column: 23, relation: 'userAccount' }],
    },
    {
      name: 'an update and a delete keyed by the foreign key',
      model: accounts(),
      queries: [
        query('account', { kind: 'update', filter: eqs(col('account', 'user_id')), location: at(20, 9) }),
        query('account', { kind: 'delete', filter: { equalities: [col('account', 'user_id')], complete: false }, location: at(30, 3) }),
      ],
      errors: [
        { messageId: 'write', line: 20, column: 9 },
        { messageId: 'write', line: 30, column: 3 },
      ],
    },
    {
      name: 'the schema has the unique, the database does not',
      model: accounts(),
      database: unbackedDatabase,
      queries: [query('user', { reads: [read('user', 'profile', 4, 11)] })],
      errors: [{ messageId: 'read', line: 4, column: 11, relation: 'userProfile' }],
    },
    {
      name: 'an update keyed by the foreign key whose unique only the database lacks',
      model: accounts(),
      database: unbackedDatabase,
      queries: [query('profile', { kind: 'update', filter: eqs(col('profile', 'user_id')), location: at(6, 7) })],
      errors: [{ messageId: 'write', line: 6, column: 7, relation: 'userProfile' }],
    },
    {
      name: 'with of a filtered one-to-one whose partial unique says another predicate',
      model: liveSubscription([{ ...live, where: '"cancelled_at" IS NOT NULL' }]),
      queries: readLive,
      errors: [{ messageId: 'read', line: 7, column: 3, relation: 'liveSubscription' }],
    },
    {
      name: 'with of a filtered one-to-one backed in the schema, the database lacking its partial unique',
      model: liveSubscription([live]),
      database: database([subscriptionTable([])]),
      queries: readLive,
      errors: [{ messageId: 'read', line: 7, column: 3, relation: 'liveSubscription' }],
    },
    {
      name: 'the database has a unique the schema lacks: the schema finding still stands',
      model: accounts(),
      database: backedDatabase,
      queries: [query('user', { reads: [read('user', 'account', 5, 2)] })],
      errors: [{ messageId: 'read', line: 5, column: 2 }],
    },
  ],
});

