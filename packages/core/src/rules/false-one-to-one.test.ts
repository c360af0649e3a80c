import { fk, relation, schema, table, userProfile } from '../testing/fixtures';
import { testRule } from '../testing/rule-tester';
import { falseOneToOne } from './false-one-to-one';

const ceo = (columns: readonly string[], kind: 'one' | 'many' = 'one') =>
  schema(
    [
      table('company', { columns: ['id'], pk: ['id'] }),
      table('ceo_assignment', {
        columns: ['id', 'company_id', 'person_id', ...columns],
        pk: ['id'],
        uniques: [['company_id']],
        fks: [fk(['company_id'], 'company', ['id'])],
      }),
    ],
    [relation({ dependent: 'ceo_assignment', principal: 'company', columns: ['company_id'], kind })],
  );

testRule(falseOneToOne, {
  valid: [
    { name: 'plain one-to-one', model: userProfile() },
    { name: 'a start column alone is no history', model: ceo(['started_at', 'created_at']) },
    { name: 'time-sliced one-to-many is right', model: ceo(['valid_from', 'valid_to'], 'many') },
    { name: 'columns that only look alike', model: ceo(['validated', 'end_user_id', 'primary_color']) },
    { name: 'patterns can be narrowed', model: ceo(['valid_from?', 'valid_to?']), options: { timeSliceColumns: ['^iscurrent$'] } },
  ],
  invalid: [
    { name: 'valid_from / valid_to', model: ceo(['valid_from', 'valid_to?']), errors: [{ messageId: 'timeSliced', table: 'ceo_assignment', columns: ['valid_from', 'valid_to'] }] },
    { name: 'started_at / ended_at', model: ceo(['started_at', 'ended_at?']), errors: [{ messageId: 'timeSliced', columns: ['ended_at'] }] },
    { name: 'camelCase effectiveFrom', model: ceo(['effectiveFrom']), errors: [{ messageId: 'timeSliced', columns: ['effectiveFrom'] }] },
    { name: 'is_current flag', model: ceo(['is_current']), errors: [{ messageId: 'timeSliced' }] },
    { name: 'is_primary flag', model: ceo(['is_primary']), errors: [{ messageId: 'primaryOfMany', table: 'ceo_assignment' }] },
    {
      name: 'relation named primary*',
      model: userProfile({}, { principalField: 'primaryProfile' }),
      errors: [{ messageId: 'primaryOfMany' }],
    },
  ],
});
