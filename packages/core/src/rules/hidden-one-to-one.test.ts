import { check } from '../engine';
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
      // Located at the list the principal declares (where the relation is made to-many), named by it.
      errors: [{ messageId: 'hidden', table: 'users', field: 'profile', columns: ['id'] }],
    },
    {
      name: 'foreign key is the primary key, declared many-to-one',
      model: userProfile({ columns: ['users_id'], pk: ['users_id'], uniques: [] }, { kind: 'many', principalField: null }),
      errors: [{ messageId: 'hidden', table: 'profile', field: 'users' }],
    },
  ],
});

describe('hidden-one-to-one names the field that makes the relation to-many', () => {
  const messageOf = (model: ReturnType<typeof userProfile>) => {
    const rule = hiddenOneToOne;
    const { diagnostics } = check(model, { rules: [{ rule, severity: 'warning', options: {} }], ignore: { tables: new Set(), relations: new Set() }, failOn: 'error' });
    return diagnostics.map((d) => d.message);
  };
  it('the list on the other table, not the one() field', () => {
    expect(messageOf(userProfile({}, { kind: 'many', principalField: 'profiles' }))).toEqual([
      'users.profiles is declared one-to-many, but profile(users_id) is unique (unique): the database allows at most one profile per users',
    ]);
  });
  it('ignoring the dependent table still silences it, located at the principal as it is', () => {
    const { diagnostics } = check(userProfile({}, { kind: 'many' }), { rules: [{ rule: hiddenOneToOne, severity: 'warning', options: {} }], ignore: { tables: new Set(['profile']), relations: new Set() }, failOn: 'error' });
    expect(diagnostics).toEqual([]);
  });
  it('the reference when only the dependent declares the relation', () => {
    expect(messageOf(userProfile({}, { kind: 'many', principalField: null }))).toEqual([
      'profile.users is declared many-to-one, but profile(users_id) is unique (unique): the database allows at most one profile per users',
    ]);
  });
});
