import type { SqlChange } from '@oto/core';
import { kitDialect, snapshotAfter } from './drizzle-snapshot';
import type { KitDialect, KitSnapshot } from './drizzle-snapshot';

/** Two tables as drizzle-kit writes them: app_user, and passport(user_id) referencing it. */
function previous(dialect: KitDialect): KitSnapshot {
  const key = (name: string) => (dialect === 'postgresql' ? `public.${name}` : name);
  const table = (name: string, extra: object) => ({
    name,
    ...(dialect === 'postgresql' ? { schema: '' } : {}),
    columns: { id: { name: 'id', type: 'integer', primaryKey: true, notNull: true } },
    indexes: {},
    foreignKeys: {},
    compositePrimaryKeys: {},
    uniqueConstraints: {},
    ...extra,
  });
  const fk = { name: 'passport_user_id_app_user_id_fk', tableFrom: 'passport', tableTo: 'app_user', ...(dialect === 'postgresql' ? { schemaTo: 'public' } : {}), columnsFrom: ['user_id'], columnsTo: ['id'], onDelete: 'set null', onUpdate: 'no action' };
  return {
    version: '7',
    dialect,
    id: 'prev',
    prevId: 'before',
    tables: {
      [key('app_user')]: table('app_user', {}),
      [key('passport')]: table('passport', {
        columns: { id: { name: 'id', type: 'integer', primaryKey: true, notNull: true }, user_id: { name: 'user_id', type: 'integer', primaryKey: false, notNull: false } },
        foreignKeys: { [fk.name]: fk },
      }),
    },
  };
}

const passport = { name: 'passport' };
const addUnique: SqlChange = { kind: 'add-unique', table: passport, columns: ['user_id'], name: 'oto_passport_user_id_key', keyKind: 'constraint' };
const tablesOf = (s: KitSnapshot) => s.tables as Record<string, Record<string, unknown>>;

describe('snapshotAfter', () => {
  it.each<[KitDialect, string, string, object]>([
    ['postgresql', 'public.passport', 'uniqueConstraints', { name: 'oto_passport_user_id_key', nullsNotDistinct: false, columns: ['user_id'] }],
    ['mysql', 'passport', 'uniqueConstraints', { name: 'oto_passport_user_id_key', columns: ['user_id'] }],
    ['sqlite', 'passport', 'indexes', { name: 'oto_passport_user_id_key', columns: ['user_id'], isUnique: true }],
  ])('%s: a unique as drizzle-kit writes it; a new id after the previous one; the rest unchanged', (dialect, key, field, entry) => {
    const before = previous(dialect);
    const after = snapshotAfter(before, [addUnique], dialect, 'next');
    expect(after).toEqual({
      ...before,
      id: 'next',
      prevId: 'prev',
      tables: { ...before.tables, [key]: { ...tablesOf(before)[key], [field]: { oto_passport_user_id_key: entry } } },
    });
    expect(before.id).toBe('prev');
  });

  it('a unique index on PostgreSQL goes in indexes, with the column shape drizzle-kit writes', () => {
    const after = snapshotAfter(previous('postgresql'), [{ ...addUnique, keyKind: 'index' }], 'postgresql', 'next');
    expect(tablesOf(after)['public.passport']!['indexes']).toEqual({
      oto_passport_user_id_key: {
        name: 'oto_passport_user_id_key',
        columns: [{ expression: 'user_id', isExpression: false, asc: true, nulls: 'last' }],
        isUnique: true,
        concurrently: false,
        method: 'btree',
        with: {},
      },
    });
  });

  it('NOT NULL and the new ON DELETE of the foreign key', () => {
    const fk = { name: 'passport_user_id_app_user_id_fk', columns: ['user_id'], referencedTable: 'app_user', referencedColumns: ['id'] };
    const after = snapshotAfter(
      previous('postgresql'),
      [
        { kind: 'set-not-null', table: passport, columns: ['user_id'] },
        { kind: 'replace-foreign-key', table: passport, foreignKey: fk, onDelete: 'no-action' },
      ],
      'postgresql',
      'next',
    );
    const table = tablesOf(after)['public.passport'] as { columns: Record<string, { notNull: boolean }>; foreignKeys: Record<string, { onDelete: string }> };
    expect(table.columns['user_id']!.notNull).toBe(true);
    expect(table.foreignKeys['passport_user_id_app_user_id_fk']!.onDelete).toBe('no action');
  });

  it('renames: the unique under its new name, the table under its new key and in every foreign key', () => {
    const withUnique = snapshotAfter(previous('sqlite'), [addUnique], 'sqlite', 'x');
    const after = snapshotAfter(
      withUnique,
      [
        { kind: 'rename-unique', table: passport, columns: ['user_id'], from: 'oto_passport_user_id_key', to: 'oto_u', keyKind: 'index' },
        { kind: 'rename-table', table: { name: 'app_user' }, to: 'oto_user' },
      ],
      'sqlite',
      'next',
    );
    const tables = tablesOf(after);
    expect(Object.keys(tables)).toEqual(['oto_user', 'passport']);
    expect(tables['oto_user']!['name']).toBe('oto_user');
    expect(tables['passport']!['indexes']).toEqual({ oto_u: { name: 'oto_u', columns: ['user_id'], isUnique: true } });
    expect((tables['passport']!['foreignKeys'] as Record<string, { tableTo: string; tableFrom: string }>)['passport_user_id_app_user_id_fk']).toMatchObject({ tableFrom: 'passport', tableTo: 'oto_user' });
  });

  it('a change on a table the snapshot does not hold changes nothing', () => {
    const before = previous('mysql');
    expect(snapshotAfter(before, [{ ...addUnique, table: { name: 'elsewhere' } }], 'mysql', 'next').tables).toEqual(before.tables);
  });

  it('reads the journal dialect; turso writes SQLite snapshots', () => {
    expect(['postgresql', 'mysql', 'sqlite', 'turso', 'singlestore', undefined].map(kitDialect)).toEqual(['postgresql', 'mysql', 'sqlite', 'sqlite', undefined, undefined]);
  });
});
