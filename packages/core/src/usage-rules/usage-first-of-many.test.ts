import { at, query, testUsageRule } from '../testing/usage-rule-tester';
import { accounts, col, eqs } from '../testing/usage-fixtures';
import { usageFirstOfMany } from './usage-first-of-many';

const first = { consumption: 'first' as const };

testUsageRule(usageFirstOfMany, {
  valid: [
    { name: 'by the primary key', model: accounts(), queries: [query('account', { ...first, filter: eqs(col('account', 'id')) })] },
    { name: 'by a unique column', model: accounts(), queries: [query('user', { ...first, filter: eqs(col('user', 'email')) })] },
    { name: 'ordered: the latest of many, deliberately', model: accounts(), queries: [query('post', { ...first, ordered: true, filter: eqs(col('post', 'author_id')) })] },
    { name: 'read as many rows', model: accounts(), queries: [query('post', { filter: eqs(col('post', 'author_id')) })] },
    { name: 'no filter at all', model: accounts(), queries: [query('post', first)] },
    { name: 'a filter with other conditions than equalities', model: accounts(), queries: [query('post', { ...first, filter: { equalities: [col('post', 'author_id')], complete: false } })] },
    { name: 'by the foreign key of a one-to-one lacking its unique: that rule reports it', model: accounts(), queries: [query('account', { ...first, filter: eqs(col('account', 'user_id')) })] },
    { name: 'an update by a non-unique column', model: accounts(), queries: [query('post', { kind: 'update', filter: eqs(col('post', 'author_id')) })] },
  ],
  invalid: [
    {
      name: 'findFirst by a column that is no key',
      model: accounts(),
      queries: [query('post', { ...first, filter: eqs(col('post', 'author_id')), location: at(7, 15) })],
      errors: [{ messageId: 'arbitrary', line: 7, column: 15 }],
    },
    {
      name: 'limit 1 by the provider only',
      model: accounts(),
      queries: [query('account', { consumption: 'first', limit: 1, filter: eqs(col('account', 'provider')), location: at(9, 3) })],
      errors: [{ messageId: 'arbitrary', line: 9, column: 3 }],
    },
  ],
});
