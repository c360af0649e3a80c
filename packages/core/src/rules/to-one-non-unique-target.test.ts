import { fk, relation, schema, table, userProfile } from '../testing/fixtures';
import { testRule } from '../testing/rule-tester';
import { toOneNonUniqueTarget } from './to-one-non-unique-target';

const byEmail = (uniques: readonly (readonly string[])[]) =>
  schema(
    [
      table('users', { columns: ['id', 'email'], pk: ['id'], uniques }),
      table('invite', { columns: ['id', 'email'], pk: ['id'], fks: [fk(['email'], 'users', ['email'])] }),
    ],
    [relation({ dependent: 'invite', principal: 'users', columns: ['email'], references: ['email'], kind: 'many' })],
  );

testRule(toOneNonUniqueTarget, {
  valid: [
    { name: 'references the primary key', model: userProfile() },
    { name: 'references a unique column', model: byEmail([['email']]) },
  ],
  invalid: [
    // Located at the field that declares the to-one, not at the target table.
    { name: 'references a non-unique column', model: byEmail([]), errors: [{ messageId: 'nonUnique', table: 'invite', field: 'users', columns: ['email'] }] },
    {
      name: 'one-to-one over a non-unique target',
      model: userProfile({}, { references: ['name'] }),
      errors: [{ messageId: 'nonUnique', table: 'profile', field: 'users', columns: ['users_id'] }],
    },
  ],
});
