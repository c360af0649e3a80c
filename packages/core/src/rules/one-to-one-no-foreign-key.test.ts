import { database, fk, tablesOf, userProfile } from '../testing/fixtures';

const noDatabaseFks = (model = userProfile()) => database(tablesOf(model, (t) => ({ ...t, foreignKeys: [] })));
import { testRule } from '../testing/rule-tester';
import { oneToOneNoForeignKey } from './one-to-one-no-foreign-key';

testRule(oneToOneNoForeignKey, {
  valid: [
    { name: 'foreign key columns with a constraint', model: userProfile() },
    {
      name: 'constraint emulated by the ORM (Prisma relationMode = "prisma")',
      model: userProfile({ fks: [{ ...fk(['users_id'], 'users', ['id']), emulated: true }] }),
    },
    { name: 'one-to-many without a constraint is not checked', model: userProfile({ fks: [] }, { kind: 'many' }) },
    { name: 'the database has the constraint too', model: userProfile(), database: database(tablesOf(userProfile())) },
    {
      name: 'an emulated constraint is not looked for in the database',
      model: userProfile({ fks: [{ ...fk(['users_id'], 'users', ['id']), emulated: true }] }),
      database: noDatabaseFks(),
    },
  ],
  invalid: [
    { name: 'no foreign key column on either side', model: userProfile({}, { noForeignKey: true }), errors: [{ messageId: 'noColumns', table: 'profile' }] },
    { name: 'columns but no FOREIGN KEY constraint', model: userProfile({ fks: [] }), errors: [{ messageId: 'noConstraint', columns: ['users_id'] }] },
    {
      name: 'a constraint on other columns does not count',
      model: userProfile({ columns: ['id', 'users_id', 'other_id'], fks: [fk(['other_id'], 'users', ['id'])] }),
      errors: [{ messageId: 'noConstraint' }],
    },
    { name: 'the database lacks the declared constraint', model: userProfile(), database: noDatabaseFks(), errors: [{ messageId: 'noDatabaseConstraint', table: 'profile' }] },
  ],
});
