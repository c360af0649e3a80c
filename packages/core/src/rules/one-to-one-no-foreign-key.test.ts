import { database, fk, table, tablesOf, userProfile } from '../testing/fixtures';

const noDatabaseFks = (model = userProfile()) => database(tablesOf(model, (t) => ({ ...t, foreignKeys: [] })));
/** Entities without a join column (TypeORM @JoinColumn on neither side); the database has the given tables. */
const noJoinColumn = userProfile({ columns: ['id'], uniques: [], fks: [] }, { noForeignKey: true });
const linked = database(tablesOf(userProfile()));
const twoLinks = database([
  table('users', { columns: ['id', 'profile_id'], pk: ['id'], fks: [fk(['profile_id'], 'profile', ['id'])] }),
  ...tablesOf(userProfile()).filter((t) => t.name === 'profile'),
]);
import type { SchemaModel } from '../model';
import { testRule } from '../testing/rule-tester';
import { oneToOneNoForeignKey } from './one-to-one-no-foreign-key';

/** The relation field declared at line 20, the reference's column at line 8, each constraint at line 9. */
function located(model: SchemaModel): SchemaModel {
  const file = 'schema.ts';
  return {
    ...model,
    tables: model.tables.map((t) => ({ ...t, foreignKeys: t.foreignKeys.map((f) => ({ ...f, origin: { file, line: 9 } })) })),
    relations: model.relations.map((r) => ({
      ...r,
      dependent: { ...r.dependent, origin: { file, line: 20 } },
      ...(r.foreignKey ? { foreignKey: { ...r.foreignKey, origin: { file, line: 8 } } } : {}),
    })),
  };
}

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
    // Located where the user adds the reference (Drizzle: the column; TypeORM: the relation's decorator), or at the declared constraint.
    { name: 'no constraint: where the reference would be declared', model: located(userProfile({ fks: [] })), errors: [{ messageId: 'noConstraint', line: 8 }] },
    { name: 'the database lacks it: at the declared constraint', model: located(userProfile()), database: noDatabaseFks(), errors: [{ messageId: 'noDatabaseConstraint', line: 9 }] },
    { name: 'no columns: at the relation field', model: located(userProfile({}, { noForeignKey: true })), errors: [{ messageId: 'noColumns', line: 20 }] },
    // The database has the FOREIGN KEY the entities lack: say that, not "nothing in the database links".
    { name: 'no join column in the entities, a FOREIGN KEY in the database', model: noJoinColumn, database: linked, errors: [{ messageId: 'noJoinColumn', table: 'profile' }] },
    { name: 'the database FOREIGN KEY held by the other table', model: noJoinColumn, database: database([table('users', { columns: ['id', 'profile_id'], pk: ['id'], fks: [fk(['profile_id'], 'profile', ['id'])] }), table('profile', { columns: ['id'], pk: ['id'] })]), errors: [{ messageId: 'noJoinColumn' }] },
    { name: 'two FOREIGN KEYs between the tables: none is the relation', model: noJoinColumn, database: twoLinks, errors: [{ messageId: 'noColumns' }] },
    { name: 'no FOREIGN KEY in the database either', model: noJoinColumn, database: noDatabaseFks(), errors: [{ messageId: 'noColumns' }] },
  ],
});
