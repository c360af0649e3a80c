import { fk, relation, schema, table, userProfile } from '../testing/fixtures';
import { testRule } from '../testing/rule-tester';
import { oneToOneUnique } from './one-to-one-unique';

const composite = (uniques: readonly (readonly string[])[]) =>
  schema(
    [
      table('thread', { columns: ['id', 'chapter_comic_id', 'chapter_index'], pk: ['id'], uniques, fks: [fk(['chapter_comic_id', 'chapter_index'], 'chapter', ['comic_id', 'index'])] }),
      table('chapter', { columns: ['comic_id', 'index'], pk: ['comic_id', 'index'] }),
    ],
    [relation({ dependent: 'thread', principal: 'chapter', columns: ['chapter_comic_id', 'chapter_index'], references: ['comic_id', 'index'] })],
  );

/** A filtered one-to-one (Drizzle v1's one({ where })) over the profile rows whose deleted_at IS NULL. */
const filtered = (uniques: NonNullable<Parameters<typeof userProfile>[0]>['uniques']) => {
  const m = userProfile({ columns: ['id', 'users_id', 'deleted_at?'], uniques: uniques ?? [] });
  return { ...m, relations: m.relations.map((r) => ({ ...r, filter: { text: '{"deletedAt":{"isNull":true}}', sql: '"deleted_at" IS NULL' } })) };
};

/** Two one-to-ones between the same two tables: each foreign key needs its own unique. */
const twoBetweenSame = (uniques: readonly (readonly string[])[]) =>
  schema(
    [
      table('person', { columns: ['id'], pk: ['id'] }),
      table('passport', {
        columns: ['id', 'holder_id', 'issuer_id'],
        pk: ['id'],
        uniques,
        fks: [fk(['holder_id'], 'person', ['id']), fk(['issuer_id'], 'person', ['id'])],
      }),
    ],
    [
      relation({ name: 'holder', dependent: 'passport', principal: 'person', columns: ['holder_id'], dependentField: 'holder', principalField: 'passport' }),
      relation({ name: 'issuer', dependent: 'passport', principal: 'person', columns: ['issuer_id'], dependentField: 'issuer', principalField: 'issued' }),
    ],
  );

const selfRelation = (uniques: readonly (readonly string[])[]) =>
  schema(
    [table('account', { columns: ['id', 'successor_id?'], pk: ['id'], uniques, fks: [fk(['successor_id'], 'account', ['id'])] })],
    [relation({ name: 'succession', dependent: 'account', principal: 'account', columns: ['successor_id'], dependentField: 'successor', principalField: 'predecessor', dependentOptional: true })],
  );

testRule(oneToOneUnique, {
  valid: [
    { name: 'unique foreign key', model: userProfile() },
    { name: 'shared primary key (the foreign key is the primary key)', model: userProfile({ columns: ['users_id'], pk: ['users_id'], uniques: [] }) },
    { name: 'composite foreign key, unique in the same column order', model: composite([['chapter_comic_id', 'chapter_index']]) },
    { name: 'composite foreign key, unique in the other column order', model: composite([['chapter_index', 'chapter_comic_id']]) },
    { name: 'unique on a subset of the foreign key columns', model: composite([['chapter_index']]) },
    { name: 'self-relation with a unique', model: selfRelation([['successor_id']]) },
    { name: 'two relations between the same tables, both unique', model: twoBetweenSame([['holder_id'], ['issuer_id']]) },
    { name: 'one-to-many needs no unique', model: userProfile({ uniques: [] }, { kind: 'many' }) },
    {
      name: 'filtered one-to-one backed by a partial unique with its predicate (quotes, qualifier and case aside)',
      model: filtered([{ columns: ['users_id'], kind: 'index', where: '("profile"."deleted_at" is null)', name: 'profile_live' }]),
    },
    { name: 'filtered one-to-one with a total unique', model: filtered([['users_id']]) },
  ],
  invalid: [
    { name: 'no unique at all', model: userProfile({ uniques: [] }), errors: [{ messageId: 'missing', table: 'profile', columns: ['users_id'] }] },
    {
      // At the foreign key column, where the unique goes, when the adapter knows its line.
      name: 'located at the foreign key column',
      model: { ...userProfile({ uniques: [] }), tables: userProfile({ uniques: [] }).tables.map((t) => (t.name === 'profile' ? { ...t, columns: t.columns.map((c) => ({ ...c, origin: { file: 'schema.ts', line: c.name === 'users_id' ? 9 : 8 } })) } : t)) },
      errors: [{ messageId: 'missing', line: 9 }],
    },
    {
      name: 'a unique on a superset of the foreign key does not back it',
      model: userProfile({ uniques: [['users_id', 'id']] }),
      errors: [{ messageId: 'missing', table: 'profile' }],
    },
    {
      name: 'a composite primary key that only starts with the foreign key',
      model: userProfile({ columns: ['users_id', 'kind'], pk: ['users_id', 'kind'], uniques: [] }),
      errors: [{ messageId: 'missing', table: 'profile' }],
    },
    {
      name: 'partial unique: a conditional one-to-one',
      model: userProfile({ uniques: [{ columns: ['users_id'], kind: 'index', where: 'deleted_at IS NULL', name: 'profile_active' }] }),
      errors: [{ messageId: 'conditional', table: 'profile', columns: ['users_id'] }],
    },
    {
      name: 'an expression index does not back the key',
      model: userProfile({ uniques: [{ columns: ['users_id'], kind: 'index', expression: true }] }),
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'composite foreign key with a unique on a column outside it',
      model: composite([['chapter_index', 'id']]),
      errors: [{ messageId: 'missing', columns: ['chapter_comic_id', 'chapter_index'] }],
    },
    {
      name: 'filtered one-to-one without a unique: names the filter and the partial unique that would back it',
      model: filtered([]),
      errors: [{ messageId: 'filtered', table: 'profile', columns: ['users_id'] }],
    },
    {
      name: 'filtered one-to-one whose partial unique has another predicate',
      model: filtered([{ columns: ['users_id'], kind: 'index', where: '"deleted_at" IS NOT NULL', name: 'profile_gone' }]),
      errors: [{ messageId: 'filtered' }],
    },
    { name: 'self-relation without a unique', model: selfRelation([]), errors: [{ messageId: 'missing', table: 'account', columns: ['successor_id'] }] },
    {
      name: 'two relations between the same tables: only the one lacking its unique',
      model: twoBetweenSame([['holder_id']]),
      errors: [{ messageId: 'missing', columns: ['issuer_id'] }],
    },
  ],
});
