import { userProfile } from '../testing/fixtures';
import { testRule } from '../testing/rule-tester';
import { oneToOneBothRequired } from './one-to-one-both-required';

testRule(oneToOneBothRequired, {
  valid: [
    { name: 'principal side optional (1 to 0..1)', model: userProfile() },
    { name: 'dependent side optional', model: userProfile({ columns: ['id', 'users_id?'] }, { dependentOptional: true, principalOptional: false }) },
    { name: 'no field on the principal', model: userProfile({}, { principalField: null, principalOptional: false }) },
    { name: 'one-to-many', model: userProfile({}, { kind: 'many', principalOptional: false }) },
  ],
  invalid: [
    {
      name: 'required on both sides',
      model: userProfile({}, { principalOptional: false }),
      errors: [{ messageId: 'bothRequired', table: 'profile' }],
    },
  ],
});
