import { userProfile } from '../testing/fixtures';
import { testRule } from '../testing/rule-tester';
import { hiddenOneToOne } from './hidden-one-to-one';

testRule(hiddenOneToOne, {
  valid: [
    { name: 'one-to-one with a unique', model: userProfile() },
    { name: 'one-to-many without a unique', model: userProfile({ uniques: [] }, { kind: 'many' }) },
    { name: 'one-to-many with a partial unique (one current row)', model: userProfile({ uniques: [{ columns: ['users_id'], kind: 'index', where: 'is_primary' }] }, { kind: 'many' }) },
  ],
  invalid: [
    {
      name: 'unique foreign key, list back relation',
      model: userProfile({}, { kind: 'many' }),
      errors: [{ messageId: 'hidden', table: 'profile', columns: ['users_id'] }],
    },
    {
      name: 'foreign key is the primary key, declared many-to-one',
      model: userProfile({ columns: ['users_id'], pk: ['users_id'], uniques: [] }, { kind: 'many', principalField: null }),
      errors: [{ messageId: 'hidden' }],
    },
  ],
});
