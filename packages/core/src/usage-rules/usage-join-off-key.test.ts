import { at, query, testUsageRule } from '../testing/usage-rule-tester';
import type { QueryJoin } from '../usage';
import { accounts, col } from '../testing/usage-fixtures';
import { usageJoinOffKey } from './usage-join-off-key';

const join = (tableName: string, pairs: [ReturnType<typeof col>, ReturnType<typeof col>][], line = 4, column = 6): QueryJoin => ({
  kind: 'inner',
  table: tableName,
  on: pairs.map(([left, right]) => ({ left, right })),
  partial: false,
  location: at(line, column),
});

testUsageRule(usageJoinOffKey, {
  valid: [
    { name: 'on the relation\'s key', model: accounts(), queries: [query('user', { joins: [join('profile', [[col('user', 'id'), col('profile', 'user_id')]])] })] },
    { name: 'on the principal\'s pointer to a unique column of the dependent', model: accounts(), queries: [query('user', { joins: [join('profile', [[col('user', 'profile_id'), col('profile', 'id')]])] })] },
    { name: 'tables of no one-to-one', model: accounts(), queries: [query('post', { joins: [join('account', [[col('post', 'author_id'), col('account', 'user_id')]])] })] },
    { name: 'the one-to-one\'s key, joined from the dependent', model: accounts(), queries: [query('account', { joins: [join('user', [[col('account', 'user_id'), col('user', 'id')]])] })] },
  ],
  invalid: [
    {
      name: 'on the dependent\'s own id instead of its foreign key',
      model: accounts(),
      queries: [query('user', { joins: [join('account', [[col('user', 'id'), col('account', 'provider')]], 8, 4)] })],
      errors: [{ messageId: 'off-key', line: 8, column: 4, relation: 'userAccount' }],
    },
    {
      name: 'the principal joined on a non-unique column of its own',
      model: accounts(),
      queries: [query('profile', { joins: [join('user', [[col('profile', 'user_id'), col('user', 'profile_id')]], 5, 10)] })],
      errors: [{ messageId: 'off-key', line: 5, column: 10, relation: 'userProfile' }],
    },
  ],
});
