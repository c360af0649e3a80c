import type { Table } from '../model';
import { database, fk, relation, schema, table, tablesOf, userProfile } from '../testing/fixtures';
import { testRule } from '../testing/rule-tester';
import { databaseUniqueMissing } from './database-unique-missing';

const declared = userProfile({ uniques: [{ name: 'profile_users_id_key', columns: ['users_id'], kind: 'index' }] });
const withUniques = (uniques: Table['uniques']) => tablesOf(declared, (t) => (t.name === 'profile' ? { ...t, uniques } : t));
const implicit = userProfile({ uniques: [{ name: 'REL_abc', columns: ['users_id'], kind: 'constraint', implicit: true }] });
const sharedPk = userProfile({ columns: ['users_id'], pk: ['users_id'], uniques: [] });
const step = (name: string, tables: readonly Table[]) => ({ name, tables });
/** Entities without a join column (TypeORM @JoinColumn on neither side); the database links the tables anyway. */
const noJoinColumn = userProfile({ columns: ['id'], uniques: [], fks: [] }, { noForeignKey: true });

testRule(databaseUniqueMissing, {
  valid: [
    { name: 'no database to compare with', model: declared },
    { name: 'a database FOREIGN KEY the entities lack, backed by a unique', model: noJoinColumn, database: database(tablesOf(userProfile())) },
    { name: 'the database has the same unique', model: declared, database: database(tablesOf(declared)) },
    {
      name: 'the database has a unique index on the same column under the same name',
      model: declared,
      database: database(withUniques([{ name: 'profile_users_id_key', columns: ['users_id'], kind: 'constraint' }])),
    },
    { name: 'the schema itself has no unique (one-to-one-unique reports it)', model: userProfile({ uniques: [] }), database: database(withUniques([])) },
    { name: 'shared primary key, in the database too', model: sharedPk, database: database(tablesOf(sharedPk)) },
    {
      name: 'a primary key under another name (MySQL names every one PRIMARY)',
      model: { ...sharedPk, tables: tablesOf(sharedPk, (t) => (t.primaryKey ? { ...t, primaryKey: { name: `${t.name}_pkey`, columns: t.primaryKey.columns } } : t)) },
      database: database(tablesOf(sharedPk, (t) => (t.primaryKey ? { ...t, primaryKey: { name: 'PRIMARY', columns: t.primaryKey.columns } } : t))),
    },
    { name: 'one-to-many: nothing to back', model: userProfile({}, { kind: 'many' }), database: database(withUniques([])) },
    {
      name: 'a unique dropped by a migration and created again by a later one',
      model: declared,
      database: database(tablesOf(declared), {
        steps: [step('1_init', tablesOf(declared)), step('2_rebuild', withUniques([])), step('3_restore', tablesOf(declared))],
      }),
    },
    {
      name: 'a migration dropped it (migration-drops-one-to-one-unique reports that)',
      model: declared,
      database: database(withUniques([]), { steps: [step('1_init', tablesOf(declared)), step('2_drop', withUniques([]))] }),
    },
  ],
  invalid: [
    {
      // Checked for a backing unique like any other foreign key.
      name: 'a database FOREIGN KEY the entities lack, without a unique',
      model: noJoinColumn,
      database: database(tablesOf(userProfile({ uniques: [] }))),
      errors: [{ messageId: 'linkNotUnique', table: 'profile' }],
    },
    { name: 'the database lacks the unique', model: declared, database: database(withUniques([])), errors: [{ messageId: 'missing', table: 'profile', columns: ['users_id'] }] },
    {
      name: 'the implicit unique the ORM would add (TypeORM REL_) never made it into the database',
      model: implicit,
      database: database(withUniques([{ name: 'IDX_x', columns: ['users_id'], kind: 'index', where: 'deleted_at IS NULL' }])),
      errors: [{ messageId: 'missing', table: 'profile' }],
    },
    {
      name: 'a unique over more columns does not back it',
      model: declared,
      database: database(withUniques([{ columns: ['users_id', 'id'], kind: 'constraint' }])),
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'the migrations never create it',
      model: declared,
      database: database(withUniques([]), { steps: [step('1_init', withUniques([])), step('2_more', withUniques([]))] }),
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'the database lacks the shared primary key',
      model: sharedPk,
      database: database(tablesOf(sharedPk, ({ primaryKey, ...t }) => (t.name === 'profile' || !primaryKey ? t : { ...t, primaryKey }))),
      errors: [{ messageId: 'missing' }],
    },
    { name: 'no such table', model: declared, database: database(tablesOf(declared).filter((t) => t.name !== 'profile')), errors: [{ messageId: 'noTable', table: 'profile' }] },
    {
      name: 'no such column',
      model: declared,
      database: database(tablesOf(declared, (t) => (t.name === 'profile' ? { ...t, columns: t.columns.filter((c) => c.name !== 'users_id'), uniques: [] } : t))),
      errors: [{ messageId: 'noColumns' }],
    },
    {
      name: 'the same columns under another name: a note, not an error',
      model: declared,
      database: database(withUniques([{ name: 'profile_user_unique', columns: ['users_id'], kind: 'constraint' }])),
      errors: [{ messageId: 'otherName', severity: 'info' }],
    },
    {
      name: 'table names fold case when only the case differs (unquoted SQL)',
      model: schema(
        [table('Users', { columns: ['id'], pk: ['id'] }), table('Profile', { columns: ['id', 'userId'], pk: ['id'], uniques: [{ name: 'k', columns: ['userId'], kind: 'index' }], fks: [fk(['userId'], 'Users', ['id'])] })],
        [relation({ dependent: 'Profile', principal: 'Users', columns: ['userId'] })],
      ),
      database: database([table('users', { columns: ['id'], pk: ['id'] }), table('profile', { columns: ['id', 'userId'], pk: ['id'] })]),
      errors: [{ messageId: 'missing', table: 'Profile' }],
    },
  ],
});
