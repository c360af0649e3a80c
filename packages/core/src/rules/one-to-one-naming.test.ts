import { fk, relation, schema, table, userProfile } from '../testing/fixtures';
import { testRule } from '../testing/rule-tester';
import { conventionTableName, conventionUniqueName, oneToOneNaming } from './one-to-one-naming';

const named = (tableName: string, uniqueName?: string) =>
  schema(
    [
      table('users', { columns: ['id'], pk: ['id'] }),
      table(tableName, {
        columns: ['id', 'users_id'],
        pk: ['id'],
        uniques: [{ columns: ['users_id'], kind: 'constraint', ...(uniqueName ? { name: uniqueName } : {}) }],
        fks: [fk(['users_id'], 'users', ['id'])],
      }),
    ],
    [relation({ dependent: tableName, principal: 'users' })],
  );

describe('naming helpers', () => {
  it('derives the convention names', () => {
    expect(conventionTableName('prefix', 'profile', 'users')).toBe('oto_profile');
    expect(conventionTableName('infix', 'hubspot_object', 'user_account')).toBe('user_account_oto_hubspot_object');
    expect(conventionTableName('infix', 'oto_profile', 'users')).toBe('users_oto_profile');
    expect(conventionTableName('prefix', 'users_oto_profile', 'users')).toBe('oto_profile');
    expect(conventionUniqueName('profile', ['users_id'])).toBe('oto_profile_users_id_key');
    expect(conventionUniqueName('oto_profile', ['users_id'])).toBe('oto_profile_users_id_key');
  });
});

testRule(oneToOneNaming, {
  valid: [
    { name: 'prefix: oto_ table and oto_ unique', model: named('oto_profile', 'oto_profile_users_id_key') },
    { name: 'prefix: case does not matter', model: named('OTO_Profile', 'OTO_Profile_users_id_key') },
    { name: 'prefix: unnamed unique is not checked', model: named('oto_profile') },
    { name: 'infix: <principal>_oto_<dependent>', model: named('users_oto_profile', 'users_oto_profile_users_id_key'), options: { mode: 'infix' } },
    { name: 'off: nothing checked', model: named('profile', 'profile_users_id_key'), options: { mode: 'off' } },
    { name: 'one-to-many is not checked', model: userProfile({ uniques: [] }, { kind: 'many' }) },
    {
      name: 'shared primary key: the primary key name is not checked',
      model: schema(
        [
          table('users', { columns: ['id'], pk: ['id'] }),
          table('oto_profile', { columns: ['users_id'], pk: ['users_id'], fks: [fk(['users_id'], 'users', ['id'])] }),
        ],
        [relation({ dependent: 'oto_profile', principal: 'users' })],
      ),
    },
  ],
  invalid: [
    {
      // At the .unique() / @@unique / @Unique that names it, not at the relation field.
      name: 'a unique name is located where the unique is declared',
      model: userProfile({ uniques: [{ name: 'profile_users_key', columns: ['users_id'], kind: 'constraint', origin: { file: 'schema.ts', line: 7 } }], columns: ['id', 'users_id'] }),
      options: { mode: 'infix' },
      errors: [
        { messageId: 'tableName', line: undefined },
        { messageId: 'uniqueName', line: 7 },
      ],
    },
    {
      name: 'prefix: plain table name',
      model: named('profile', 'oto_profile_users_id_key'),
      errors: [{ messageId: 'tableName', table: 'profile' }],
    },
    {
      name: 'prefix: unique without oto_',
      model: named('oto_profile', 'profile_users_id_key'),
      errors: [{ messageId: 'uniqueName', table: 'oto_profile', columns: ['users_id'] }],
    },
    {
      name: 'infix: prefix-style name is not infix',
      model: named('oto_profile', 'oto_profile_users_id_key'),
      options: { mode: 'infix' },
      errors: [{ messageId: 'tableName', table: 'oto_profile' }],
    },
    {
      name: 'both wrong',
      model: named('profile', 'profile_users_id_key'),
      errors: [{ messageId: 'tableName' }, { messageId: 'uniqueName' }],
    },
  ],
});
