import { userProfile } from '../testing/fixtures';
import { testRule } from '../testing/rule-tester';
import { oneToOneNullability } from './one-to-one-nullability';

testRule(oneToOneNullability, {
  valid: [
    { name: 'required relation, NOT NULL foreign key', model: userProfile() },
    { name: 'optional relation, nullable foreign key', model: userProfile({ columns: ['id', 'users_id?'] }, { dependentOptional: true }) },
    { name: 'one-to-many is not checked', model: userProfile({ columns: ['id', 'users_id?'] }, { kind: 'many' }) },
    {
      name: 'optional with no field on the dependent (only the principal declares it)',
      model: userProfile({}, { dependentOptional: true, dependentField: null }),
    },
  ],
  invalid: [
    {
      name: 'required relation over a nullable foreign key',
      model: userProfile({ columns: ['id', 'users_id?'] }),
      errors: [{ messageId: 'requiredButNullable', table: 'profile', columns: ['users_id'] }],
    },
    {
      name: 'optional relation over a NOT NULL foreign key',
      model: userProfile({}, { dependentOptional: true }),
      errors: [{ messageId: 'optionalButNotNull', table: 'profile', columns: ['users_id'] }],
    },
  ],
});
