import { database, tablesOf, userProfile } from '../testing/fixtures';
import { testRule } from '../testing/rule-tester';
import { databaseDuplicates } from './database-duplicates';

const declared = userProfile();
const live = (groups: number) =>
  database(tablesOf(declared, (t) => (t.name === 'profile' ? { ...t, uniques: [] } : t)), {
    duplicates: [{ table: 'profile', columns: ['users_id'], groups, rows: groups * 2, samples: groups ? [['7']] : [] }],
  });

testRule(databaseDuplicates, {
  valid: [
    { name: 'no database', model: declared },
    { name: 'counted, none found', model: declared, database: live(0) },
    { name: 'duplicates of a one-to-many are normal', model: userProfile({}, { kind: 'many' }), database: live(3) },
  ],
  invalid: [
    { name: 'rows share a foreign key value', model: declared, database: live(2), errors: [{ messageId: 'duplicates', table: 'profile', columns: ['users_id'] }] },
  ],
});
