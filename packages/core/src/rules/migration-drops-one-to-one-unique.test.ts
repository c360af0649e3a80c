import type { Table } from '../model';
import { database, tablesOf, userProfile } from '../testing/fixtures';
import { testRule } from '../testing/rule-tester';
import { migrationDropsOneToOneUnique } from './migration-drops-one-to-one-unique';

const declared = userProfile({ uniques: [{ name: 'REL_1', columns: ['users_id'], kind: 'constraint', implicit: true }] });
const without = tablesOf(declared, (t) => (t.name === 'profile' ? { ...t, uniques: [] } : t));
const renamed = tablesOf(declared, (t) => (t.name === 'profile' ? { ...t, uniques: [{ name: 'UQ_1', columns: ['users_id'], kind: 'constraint' as const }] } : t));
const step = (name: string, tables: readonly Table[]) => ({ name, tables });

testRule(migrationDropsOneToOneUnique, {
  valid: [
    { name: 'a live database has no migrations', model: declared, database: database(without) },
    { name: 'the unique stays', model: declared, database: database(tablesOf(declared), { steps: [step('1', tablesOf(declared)), step('2', tablesOf(declared))] }) },
    {
      name: 'a table rebuild drops it and creates it again under another name (SQLite)',
      model: declared,
      database: database(renamed, { steps: [step('1', tablesOf(declared)), step('2', without), step('3', renamed)] }),
    },
    { name: 'never created at all (database-unique-missing reports that)', model: declared, database: database(without, { steps: [step('1', without)] }) },
    {
      name: 'dropped while the schema moved to one-to-many',
      model: userProfile({ uniques: [] }, { kind: 'many' }),
      database: database(without, { steps: [step('1', tablesOf(declared)), step('2', without)] }),
    },
  ],
  invalid: [
    {
      name: 'a migration drops it and none restores it',
      model: declared,
      database: database(without, { steps: [step('1_create', tablesOf(declared)), step('2_drop', without), step('3_other', without)] }),
      errors: [{ messageId: 'dropped', table: 'profile', columns: ['users_id'] }],
    },
    {
      name: 'dropped twice: the last drop is named',
      model: declared,
      database: database(without, { steps: [step('1', tablesOf(declared)), step('2', without), step('3', renamed), step('4', without)] }),
      errors: [{ messageId: 'dropped' }],
    },
  ],
});
