/** The model the usage rule tests share: one one-to-one lacking its unique, one backed, one one-to-many. */
import { fk, relation, schema, table } from './fixtures';
import type { ColumnRef } from '../usage';

/** user 1–1 account over account.user_id (not unique); user 1–1 profile over profile.user_id (unique); user 1–n post. */
export function accounts(accountUniques: readonly (readonly string[])[] = []) {
  return schema(
    [
      table('user', { columns: ['id', 'email', 'profile_id?'], pk: ['id'], uniques: [['email']] }),
      table('account', { columns: ['id', 'user_id', 'provider'], pk: ['id'], uniques: accountUniques, fks: [fk(['user_id'], 'user', ['id'])] }),
      table('profile', { columns: ['id', 'user_id'], pk: ['id'], uniques: [['user_id']], fks: [fk(['user_id'], 'user', ['id'])] }),
      table('post', { columns: ['id', 'author_id'], pk: ['id'], fks: [fk(['author_id'], 'user', ['id'])] }),
    ],
    [
      relation({ name: 'userAccount', dependent: 'account', principal: 'user', columns: ['user_id'], dependentField: 'user', principalField: 'account' }),
      relation({ name: 'userProfile', dependent: 'profile', principal: 'user', columns: ['user_id'], dependentField: 'user', principalField: 'profile' }),
      relation({ name: 'authorPosts', dependent: 'post', principal: 'user', columns: ['author_id'], kind: 'many', dependentField: 'author', principalField: 'posts' }),
    ],
  );
}

export const col = (table: string, column: string): ColumnRef => ({ table, column });
export const eqs = (...columns: ColumnRef[]) => ({ equalities: columns, complete: true });
