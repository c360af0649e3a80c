import { database, tablesOf, userProfile } from '../testing/fixtures';
import { testRule } from '../testing/rule-tester';
import { databaseDuplicates } from './database-duplicates';

const declared = userProfile();
const live = (groups: number) =>
  database(tablesOf(declared, (t) => (t.name === 'profile' ? { ...t, uniques: [] } : t)), {
    duplicates: [{ table: 'profile', columns: ['users_id'], groups, rows: groups * 2, samples: groups ? [['7']] : [] }],
  });
/** A filtered one-to-one (Drizzle v1's one({ where })) over the profile rows whose deleted_at IS NULL. */
const filtered = (() => {
  const m = userProfile({ columns: ['id', 'users_id', 'deleted_at?'], uniques: [] });
  return { ...m, relations: m.relations.map((r) => ({ ...r, filter: { text: '{"deletedAt":{"isNull":true}}', sql: '"deleted_at" IS NULL' } })) };
})();
const counted = (where: string | undefined, groups = 2) =>
  database(tablesOf(filtered), { duplicates: [{ table: 'profile', columns: ['users_id'], ...(where !== undefined ? { where } : {}), groups, rows: groups * 2, samples: [['7']] }] });

testRule(databaseDuplicates, {
  valid: [
    { name: 'no database', model: declared },
    { name: 'counted, none found', model: declared, database: live(0) },
    { name: 'duplicates of a one-to-many are normal', model: userProfile({}, { kind: 'many' }), database: live(3) },
    { name: 'a filtered one-to-one: duplicates over every row are not its (the filter keeps fewer)', model: filtered, database: counted(undefined) },
    { name: 'a filtered one-to-one: duplicates counted under another predicate are not its', model: filtered, database: counted('"deleted_at" IS NOT NULL') },
    {
      name: 'a filtered one-to-one whose filter oto cannot write as SQL: not counted, not reported',
      model: { ...filtered, relations: filtered.relations.map((r) => ({ ...r, filter: { text: '{"RAW":"…"}' } })) },
      database: counted(undefined),
    },
  ],
  invalid: [
    { name: 'rows share a foreign key value', model: declared, database: live(2), errors: [{ messageId: 'duplicates', table: 'profile', columns: ['users_id'] }] },
    {
      name: 'a filtered one-to-one: rows its filter keeps share a foreign key value',
      model: filtered,
      database: counted('"deleted_at" IS NULL'),
      errors: [{ messageId: 'filteredDuplicates', table: 'profile', columns: ['users_id'] }],
    },
  ],
});
