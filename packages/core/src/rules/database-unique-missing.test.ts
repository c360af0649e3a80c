import type { SchemaModel, Table, UniqueKey } from '../model';
import { database, fk, relation, schema, table, tablesOf, userProfile } from '../testing/fixtures';
import { check } from '../engine';
import { testRule } from '../testing/rule-tester';
import { databaseUniqueMissing } from './database-unique-missing';

const declared = userProfile({ uniques: [{ name: 'profile_users_id_key', columns: ['users_id'], kind: 'index' }] });
const withUniques = (uniques: Table['uniques']) => tablesOf(declared, (t) => (t.name === 'profile' ? { ...t, uniques } : t));
const implicit = userProfile({ uniques: [{ name: 'REL_abc', columns: ['users_id'], kind: 'constraint', implicit: true }] });
const sharedPk = userProfile({ columns: ['users_id'], pk: ['users_id'], uniques: [] });
const step = (name: string, tables: readonly Table[]) => ({ name, tables });
/** Entities without a join column (TypeORM @JoinColumn on neither side); the database links the tables anyway. */
const noJoinColumn = userProfile({ columns: ['id'], uniques: [], fks: [] }, { noForeignKey: true });

/** A filtered one-to-one (Drizzle v1's one({ where })) over the profile rows whose deleted_at IS NULL, backed in the schema by its partial unique. */
const live: UniqueKey = { name: 'profile_live_users_id_key', columns: ['users_id'], kind: 'index', where: '"deleted_at" IS NULL' };
const filtered = (dialect: SchemaModel['dialect'] = 'postgresql') => {
  const m = userProfile({ columns: ['id', 'users_id', 'deleted_at?'], uniques: [live] }, {}, dialect);
  return { ...m, relations: m.relations.map((r) => ({ ...r, filter: { text: '{"deletedAt":{"isNull":true}}', sql: '"deleted_at" IS NULL' } })) };
};
const filteredTables = (uniques: Table['uniques']) => tablesOf(filtered(), (t) => (t.name === 'profile' ? { ...t, uniques } : t));
/** A unique named past PostgreSQL's 63 bytes, and the name PostgreSQL keeps for it (its first 63 bytes, whole characters: é is two). */
const LONG = `profile_${'é'.repeat(30)}_users_id_key`;
const CUT = `profile_${'é'.repeat(27)}`;
const longDeclared = userProfile({ uniques: [{ name: LONG, columns: ['users_id'], kind: 'constraint' }] });
const longIn = (name: string) => tablesOf(longDeclared, (t) => (t.name === 'profile' ? { ...t, uniques: [{ name, columns: ['users_id'], kind: 'constraint' as const }] } : t));
const mysql = (facts: ReturnType<typeof database>) => ({ ...facts, label: 'mysql://oto@localhost/app', model: { ...facts.model, dialect: 'mysql' as const } });

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
    { name: 'a filtered one-to-one whose partial unique the database has', model: filtered(), database: database(filteredTables([live])) },
    {
      name: 'a filtered one-to-one: the database prints the predicate its own way (parentheses, qualifier, case, another name)',
      model: filtered(),
      database: database(filteredTables([{ name: 'live_idx', columns: ['users_id'], kind: 'index', where: '(profile.deleted_at is null)' }])),
    },
    {
      name: 'a filtered one-to-one the schema does not back (one-to-one-unique reports it)',
      model: { ...filtered(), tables: tablesOf(filtered(), (t) => (t.name === 'profile' ? { ...t, uniques: [] } : t)) },
      database: database(filteredTables([])),
    },
    { name: 'a filtered one-to-one, no database to compare with', model: filtered() },
    { name: 'a name past 63 bytes, as PostgreSQL cut it: the name the schema wrote', model: longDeclared, database: database(longIn(CUT)) },
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
      name: 'a name past 63 bytes that the database keeps under another name',
      model: longDeclared,
      database: database(longIn(`${CUT}_x`)),
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
    {
      name: 'a filtered one-to-one whose partial unique the database lacks',
      model: filtered(),
      database: database(filteredTables([])),
      errors: [{ messageId: 'filtered', table: 'profile', columns: ['users_id'] }],
    },
    {
      name: 'a filtered one-to-one whose partial unique the migrations never create',
      model: filtered(),
      database: database(filteredTables([]), { steps: [step('1_init', filteredTables([]))] }),
      errors: [{ messageId: 'filtered' }],
    },
    {
      name: 'a filtered one-to-one: the database partial unique has another predicate',
      model: filtered(),
      database: database(filteredTables([{ ...live, where: '(deleted_at IS NOT NULL)' }])),
      errors: [{ messageId: 'filtered' }],
    },
    {
      name: 'a filtered one-to-one: a total unique over more columns in the database does not back it',
      model: filtered(),
      database: database(filteredTables([{ columns: ['users_id', 'id'], kind: 'constraint' }])),
      errors: [{ messageId: 'filtered' }],
    },
    {
      name: 'a filtered one-to-one: the database lacks the table',
      model: filtered(),
      database: database(filteredTables([]).filter((t) => t.name !== 'profile')),
      errors: [{ messageId: 'noTable', table: 'profile' }],
    },
    {
      name: 'a filtered one-to-one: the database lacks the foreign key column',
      model: filtered(),
      database: database(tablesOf(filtered(), (t) => (t.name === 'profile' ? { ...t, columns: t.columns.filter((c) => c.name !== 'users_id'), uniques: [] } : t))),
      errors: [{ messageId: 'noColumns' }],
    },
    {
      name: 'a filtered one-to-one on MySQL: no partial indexes there, said once',
      model: filtered('mysql'),
      database: mysql(database(filteredTables([]))),
      errors: [{ messageId: 'filteredNoPartialIndexes', table: 'profile', columns: ['users_id'] }],
    },
  ],
});

describe('database-unique-missing on a filtered one-to-one', () => {
  const run = (facts: ReturnType<typeof database>, model = filtered()) =>
    check(model, { rules: [{ rule: databaseUniqueMissing, severity: 'error', options: {} }], ignore: { tables: new Set(), relations: new Set() }, failOn: 'error' }, facts).diagnostics;

  it('names the filter and the partial unique, and its fix is that partial unique under the schema name', () => {
    const [d, ...more] = run(database(filteredTables([])));
    expect(more).toEqual([]);
    expect(d?.message).toContain('{"deletedAt":{"isNull":true}}');
    expect(d?.message).toContain('partial unique profile_live_users_id_key on profile(users_id) WHERE "deleted_at" IS NULL');
    expect(d?.fix).toEqual({ kind: 'add-unique', scope: 'database', table: { name: 'profile' }, columns: ['users_id'], name: 'profile_live_users_id_key', keyKind: 'index', where: '"deleted_at" IS NULL' });
  });

  it('on MySQL says partial indexes do not exist there, with no fix to plan', () => {
    const [d, ...more] = run(mysql(database(filteredTables([]))), filtered('mysql'));
    expect(more).toEqual([]);
    expect(d?.message).toContain('MySQL, which has no partial (WHERE) indexes');
    expect(d?.fix).toBeUndefined();
  });
});
