import { at, query, testUsageRule } from '../testing/usage-rule-tester';
import type { QueryJoin } from '../usage';
import { accounts, col } from '../testing/usage-fixtures';
import { usageJoinFansOut } from './usage-join-fans-out';

const join = (tableName: string, left: ReturnType<typeof col>, right: ReturnType<typeof col>, line = 3, column = 8): QueryJoin => ({
  kind: 'left',
  table: tableName,
  on: [{ left, right }],
  partial: false,
  location: at(line, column),
});

testUsageRule(usageJoinFansOut, {
  valid: [
    { name: 'a join over a unique column, read as one row', model: accounts(), queries: [query('user', { consumption: 'first', joins: [join('profile', col('user', 'id'), col('profile', 'user_id'))] })] },
    { name: 'a join over the primary key, read as one row', model: accounts(), queries: [query('post', { consumption: 'first', joins: [join('user', col('post', 'author_id'), col('user', 'id'))] })] },
    {
      name: 'a fanning join whose WHERE pins the joined table by its primary key',
      model: accounts(),
      queries: [query('user', { consumption: 'first', filter: { equalities: [col('post', 'id')], complete: true }, joins: [join('post', col('user', 'id'), col('post', 'author_id'))] })],
    },
    {
      name: 'a fanning join whose ON also fixes a unique column of the joined table',
      model: accounts([['user_id', 'provider']]),
      queries: [query('user', { consumption: 'first', joins: [{ ...join('account', col('user', 'id'), col('account', 'user_id')), equalities: [col('account', 'provider')] }] })],
    },
    { name: 'a fanning join read as many rows', model: accounts(), queries: [query('user', { joins: [join('post', col('user', 'id'), col('post', 'author_id'))] })] },
  ],
  invalid: [
    {
      name: 'limit 1 over a join of the posts',
      model: accounts(),
      queries: [query('user', { consumption: 'first', limit: 1, joins: [join('post', col('user', 'id'), col('post', 'author_id'), 6, 12)] })],
      errors: [{ messageId: 'fans-out', line: 6, column: 12 }],
    },
    {
      name: 'the first row of a join over the one-to-one lacking its unique',
      model: accounts(),
      queries: [query('user', { consumption: 'first', joins: [join('account', col('user', 'id'), col('account', 'user_id'), 2, 4)] })],
      errors: [{ messageId: 'fans-out', line: 2, column: 4 }],
    },
  ],
});
