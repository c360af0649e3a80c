import type { UniqueKey } from '../model';
import { fk, relation, schema, table, userProfile } from '../testing/fixtures';
import { testRule } from '../testing/rule-tester';
import { falseOneToOne } from './false-one-to-one';

const ceo = (columns: readonly string[], kind: 'one' | 'many' = 'one', uniques: readonly (readonly string[] | UniqueKey)[] = [['company_id']]) =>
  schema(
    [
      table('company', { columns: ['id'], pk: ['id'] }),
      table('ceo_assignment', {
        columns: ['id', 'company_id', 'person_id', ...columns],
        pk: ['id'],
        uniques,
        fks: [fk(['company_id'], 'company', ['id'])],
      }),
    ],
    [relation({ dependent: 'ceo_assignment', principal: 'company', columns: ['company_id'], kind })],
  );

/** A subscription that extends its account row: the foreign key is its primary key. */
const sharedKey = (columns: readonly string[]) =>
  schema(
    [
      table('account', { columns: ['id'], pk: ['id'] }),
      table('subscription', { columns: ['account_id', ...columns], pk: ['account_id'], fks: [fk(['account_id'], 'account', ['id'])] }),
    ],
    [relation({ dependent: 'subscription', principal: 'account', columns: ['account_id'] })],
  );

/** The primary address of a user's many (Drizzle v1's one({ where: { isPrimary: true } })), with the given uniques. */
const primaryAddress = (uniques: readonly UniqueKey[], where = '"is_primary" = true') =>
  schema(
    [
      table('person', { columns: ['id'], pk: ['id'] }),
      table('address', { columns: ['id', 'person_id', 'is_primary', 'valid_to?'], pk: ['id'], uniques, fks: [fk(['person_id'], 'person', ['id'])] }),
    ],
    [{ ...relation({ dependent: 'address', principal: 'person', columns: ['person_id'], dependentField: null, principalField: 'primaryAddress' }), filter: { text: '{"isPrimary":true}', sql: where } }],
  );
const primaryKey: UniqueKey = { name: 'address_primary_person_id_key', columns: ['person_id'], kind: 'index', where: 'is_primary = true' };

testRule(falseOneToOne, {
  valid: [
    { name: 'plain one-to-one', model: userProfile() },
    { name: 'a start column alone is no history', model: ceo(['started_at', 'created_at']) },
    { name: 'an effective-from alone is no history either', model: ceo(['effectiveFrom']) },
    { name: 'time-sliced one-to-many is right', model: ceo(['valid_from', 'valid_to'], 'many') },
    { name: 'one active of many, declared one-to-many, is right', model: ceo(['is_active'], 'many') },
    { name: 'columns that only look alike', model: ceo(['validated', 'end_user_id', 'primary_color', 'activated_at', 'default_locale']) },
    { name: 'patterns can be narrowed', model: ceo(['valid_from?', 'valid_to?']), options: { timeSliceColumns: ['^never$'] } },
    // The row is the account's own extension: its end date is its current state, nothing more.
    { name: 'a lone end date on a shared primary key', model: sharedKey(['ends_at?']) },
    // The filtered one is the one-to-many and the partial unique the help asks for, in one declaration.
    { name: 'a filtered one-to-one backed by the partial unique its filter matches', model: primaryAddress([primaryKey]) },
    { name: 'a filtered one-to-one over validity columns, backed', model: primaryAddress([{ ...primaryKey, where: '"valid_to" IS NULL' }], '"valid_to" IS NULL') },
  ],
  invalid: [
    { name: 'valid_from / valid_to', model: ceo(['valid_from', 'valid_to?']), errors: [{ messageId: 'timeSliced', table: 'ceo_assignment', columns: ['valid_from', 'valid_to'], severity: 'warning' }] },
    { name: 'started_at / ended_at', model: ceo(['started_at', 'ended_at?']), errors: [{ messageId: 'timeSliced', columns: ['started_at', 'ended_at'], severity: 'warning' }] },
    { name: 'camelCase effectiveFrom / effectiveTo', model: ceo(['effectiveFrom', 'effectiveTo?']), errors: [{ messageId: 'timeSliced', columns: ['effectiveFrom', 'effectiveTo'] }] },
    // A subscription's end date: the current state of the one row, at most a note.
    { name: 'a lone end date is at most info', model: ceo(['end_date?']), errors: [{ messageId: 'endDate', columns: ['end_date'], severity: 'info' }] },
    { name: 'a lone valid_to is at most info', model: ceo(['valid_to?']), errors: [{ messageId: 'endDate', severity: 'info' }] },
    {
      name: 'a lone end date with a partial unique over it is a time-sliced role',
      model: ceo(['ended_at?'], 'one', [['company_id'], { columns: ['company_id'], kind: 'index', where: 'ended_at IS NULL' }]),
      errors: [{ messageId: 'timeSliced', columns: ['ended_at'], severity: 'warning' }],
    },
    { name: 'a filtered one-to-one without its partial unique', model: primaryAddress([]), errors: [{ messageId: 'primaryOfMany', table: 'address', severity: 'warning' }] },
    {
      name: 'a filtered one-to-one whose partial unique says another predicate',
      model: primaryAddress([{ ...primaryKey, where: 'is_primary = false' }]),
      errors: [{ messageId: 'primaryOfMany', table: 'address', severity: 'warning' }],
    },
    { name: 'is_primary flag', model: ceo(['is_primary']), errors: [{ messageId: 'primaryOfMany', table: 'ceo_assignment', severity: 'warning' }] },
    { name: 'is_active flag: one current of many', model: ceo(['is_active']), errors: [{ messageId: 'primaryOfMany', severity: 'warning' }] },
    { name: 'is_current flag', model: ceo(['is_current']), errors: [{ messageId: 'primaryOfMany', severity: 'warning' }] },
    { name: 'is_default flag', model: ceo(['isDefault']), errors: [{ messageId: 'primaryOfMany', severity: 'warning' }] },
    { name: 'active / current flags', model: ceo(['active']), errors: [{ messageId: 'primaryOfMany' }] },
    { name: 'a flag on a shared primary key is a note', model: sharedKey(['is_active']), errors: [{ messageId: 'primaryOfMany', severity: 'info' }] },
    { name: 'a period on a shared primary key is a note', model: sharedKey(['valid_from', 'valid_to?']), errors: [{ messageId: 'timeSliced', severity: 'info' }] },
    {
      name: 'relation named primary*',
      model: userProfile({}, { principalField: 'primaryProfile' }),
      errors: [{ messageId: 'primaryOfMany' }],
    },
  ],
});
