import type { SchemaModel } from '../model';
import { fk, userProfile } from '../testing/fixtures';
import { testRule } from '../testing/rule-tester';
import { oneToOneOnDelete } from './one-to-one-on-delete';

const onDelete = (action: Parameters<typeof fk>[3], columns = ['id', 'users_id']) =>
  ({ columns, fks: [fk(['users_id'], 'users', ['id'], action)] });

/** The relation field declared at line 20, the reference's column at line 8, the constraint (when it has a line) at `constraint`. */
function located(model: SchemaModel, constraint?: number): SchemaModel {
  const file = 'schema.ts';
  return {
    ...model,
    tables: model.tables.map((t) => ({ ...t, foreignKeys: t.foreignKeys.map((f) => (constraint ? { ...f, origin: { file, line: constraint } } : f)) })),
    relations: model.relations.map((r) => ({
      ...r,
      dependent: { ...r.dependent, origin: { file, line: 20 } },
      ...(r.foreignKey ? { foreignKey: { ...r.foreignKey, origin: { file, line: 8 } } } : {}),
    })),
  };
}

testRule(oneToOneOnDelete, {
  valid: [
    { name: 'required dependent with CASCADE', model: userProfile(onDelete('cascade')) },
    { name: 'required dependent with RESTRICT', model: userProfile(onDelete('restrict')) },
    { name: 'optional dependent with SET NULL', model: userProfile(onDelete('set-null', ['id', 'users_id?']), { dependentOptional: true }) },
    { name: 'no ON DELETE known', model: userProfile({ fks: [fk(['users_id'], 'users', ['id'])] }) },
    { name: 'SET DEFAULT on a one-to-many', model: userProfile({ ...onDelete('set-default'), uniques: [] }, { kind: 'many' }) },
    { name: 'SET NULL on a nullable unique outside SQL Server', model: userProfile(onDelete('set-null', ['id', 'users_id?']), { dependentOptional: true }, 'mysql') },
  ],
  invalid: [
    {
      name: 'SET NULL on a NOT NULL foreign key',
      model: userProfile(onDelete('set-null')),
      errors: [{ messageId: 'setNullOnRequired', table: 'profile', columns: ['users_id'] }],
    },
    {
      name: 'SET NULL on a shared primary key',
      model: userProfile({ columns: ['users_id'], pk: ['users_id'], uniques: [], fks: [fk(['users_id'], 'users', ['id'], 'set-null')] }),
      errors: [{ messageId: 'setNullOnRequired', columns: ['users_id'] }],
    },
    {
      name: 'SET DEFAULT on a unique foreign key',
      model: userProfile(onDelete('set-default')),
      errors: [{ messageId: 'setDefaultOnUnique', table: 'profile' }],
    },
    // Located where the ON DELETE is written: the constraint's declaration, else where the reference is declared.
    {
      name: 'SET NULL on a NOT NULL foreign key, at the constraint (.references(), foreignKey(), the owning decorator)',
      model: located(userProfile(onDelete('set-null')), 9),
      errors: [{ messageId: 'setNullOnRequired', line: 9 }],
    },
    {
      name: 'SET DEFAULT, at the constraint',
      model: located(userProfile(onDelete('set-default')), 9),
      errors: [{ messageId: 'setDefaultOnUnique', line: 9 }],
    },
    {
      name: 'a constraint without a line: where the reference is declared',
      model: located(userProfile(onDelete('set-null'))),
      errors: [{ messageId: 'setNullOnRequired', line: 8 }],
    },
    {
      name: 'SET NULL on a unique in SQL Server (one NULL per unique)',
      model: userProfile(onDelete('set-null', ['id', 'users_id?']), { dependentOptional: true }, 'sqlserver'),
      errors: [{ messageId: 'setNullOnSqlServerUnique' }],
    },
  ],
});
