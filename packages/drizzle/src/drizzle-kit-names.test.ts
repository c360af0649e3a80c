/**
 * Foreign key and composite primary key names of a drizzle-orm 1.0 schema: the names drizzle-kit
 * 1.0 writes (its `generate` output for these shapes, and its own schema reading for PostgreSQL),
 * while a 0.45 schema keeps drizzle-orm's `getName()`, which drizzle-kit 0.x writes.
 */
import * as path from 'node:path';
import type { Dialect, Table } from '@oto/core';
import { foreignKey as foreignKeyV0, integer as integerV0, pgTable as pgTableV0, primaryKey as primaryKeyV0, serial as serialV0 } from 'drizzle-orm/pg-core';
import { foreignKey, integer, pgTable, primaryKey, serial } from 'drizzle-orm-v1/pg-core';
import { foreignKey as mysqlForeignKey, int, mysqlTable, primaryKey as mysqlPrimaryKey } from 'drizzle-orm-v1/mysql-core';
import { foreignKey as sqliteForeignKey, integer as sqliteInteger, primaryKey as sqlitePrimaryKey, sqliteTable } from 'drizzle-orm-v1/sqlite-core';
import { postgresTargets } from '../../database/src/testing/postgres-targets';
import { ColumnNames, fromDrizzleTable } from './drizzle-tables';
import { kitColumnUniqueName, kitForeignKeyName, kitHash, pgIdentifier, pgObjectName } from './drizzle-kit-names';

// Starts PGlite (and uses the server when OTO_TEST_PG_URL is set).
jest.setTimeout(120_000);

const LONG = 'a_very_long_table_name_for_testing_the_limit';
const names = new ColumnNames();
const keys = (table: unknown, dialect: Dialect) => {
  const t = fromDrizzleTable(table as never, dialect, names) as Table;
  return { pk: t.primaryKey?.name, fks: t.foreignKeys.map((f) => f.name) };
};

function v1Pg() {
  const users = pgTable('users', { id: serial('id').primaryKey(), tenant: integer('tenant').notNull() });
  const profiles = pgTable('profiles', { id: serial('id').primaryKey(), userId: integer('user_id').notNull().references(() => users.id) });
  const long = pgTable(LONG, { id: serial('id').primaryKey(), someRatherLongColumnName: integer('some_rather_long_column_name').references(() => users.id) });
  const members = pgTable('members', { tenant: integer('tenant').notNull(), userId: integer('user_id').notNull() }, (t) => [
    primaryKey({ columns: [t.tenant, t.userId] }),
    foreignKey({ columns: [t.tenant, t.userId], foreignColumns: [users.tenant, users.id] }),
  ]);
  const named = pgTable('named', { id: integer('id').notNull(), userId: integer('user_id').notNull() }, (t) => [
    foreignKey({ name: 'my_fk', columns: [t.userId], foreignColumns: [users.id] }),
    primaryKey({ name: 'named_key', columns: [t.id, t.userId] }),
  ]);
  return { users, profiles, long, members, named };
}

describe('foreign key names under drizzle-orm 1.0', () => {
  // Written by the real drizzle-kit 1.0.0-rc.5 `generate` for these tables (PostgreSQL, MySQL, SQLite).
  it.each([
    { name: 'PostgreSQL: one column', table: () => v1Pg().profiles, dialect: 'postgresql', expected: { pk: 'profiles_pkey', fks: ['profiles_user_id_users_id_fkey'] } },
    { name: 'PostgreSQL: past 63 characters, hashed', table: () => v1Pg().long, dialect: 'postgresql', expected: { pk: `${LONG}_pkey`, fks: [`${LONG}_wsHBUZSkOqY0_fkey`] } },
    { name: 'PostgreSQL: composite, and the composite primary key', table: () => v1Pg().members, dialect: 'postgresql', expected: { pk: 'members_pkey', fks: ['members_tenant_user_id_users_tenant_id_fkey'] } },
    { name: 'PostgreSQL: explicit names kept', table: () => v1Pg().named, dialect: 'postgresql', expected: { pk: 'named_key', fks: ['my_fk'] } },
    {
      name: 'MySQL',
      table: () => {
        const users = mysqlTable('users', { id: int('id').primaryKey() });
        return mysqlTable('members', { tenant: int('tenant').notNull(), userId: int('user_id').notNull() }, (t) => [mysqlPrimaryKey({ columns: [t.tenant, t.userId] }), mysqlForeignKey({ columns: [t.userId], foreignColumns: [users.id] })]);
      },
      dialect: 'mysql',
      expected: { pk: 'PRIMARY', fks: ['members_user_id_users_id_fkey'] },
    },
    {
      name: 'MySQL: past 63 characters, hashed',
      table: () => {
        const users = mysqlTable('users', { id: int('id').primaryKey() });
        return mysqlTable(LONG, { id: int('id').primaryKey(), someRatherLongColumnName: int('some_rather_long_column_name').references(() => users.id) });
      },
      dialect: 'mysql',
      expected: { pk: 'PRIMARY', fks: [`${LONG}_wsHBUZSkOqY0_fkey`] },
    },
    {
      name: 'SQLite: fk_…_fk, never shortened, and the composite primary key',
      table: () => {
        const users = sqliteTable('users', { id: sqliteInteger('id').primaryKey(), tenant: sqliteInteger('tenant').notNull() });
        return sqliteTable('members', { tenant: sqliteInteger('tenant').notNull(), userId: sqliteInteger('user_id').notNull() }, (t) => [
          sqlitePrimaryKey({ columns: [t.tenant, t.userId] }),
          sqliteForeignKey({ columns: [t.tenant, t.userId], foreignColumns: [users.tenant, users.id] }),
        ]);
      },
      dialect: 'sqlite',
      expected: { pk: 'members_pk', fks: ['fk_members_tenant_user_id_users_tenant_id_fk'] },
    },
  ] as const)('$name', ({ table, dialect, expected }) => {
    expect(keys(table(), dialect)).toEqual(expected);
  });

  it('0.45 keeps drizzle-orm’s getName(), which drizzle-kit 0.x writes', () => {
    const users = pgTableV0('users', { id: serialV0('id').primaryKey(), tenant: integerV0('tenant').notNull() });
    const members = pgTableV0('members', { tenant: integerV0('tenant').notNull(), userId: integerV0('user_id').notNull() }, (t) => [
      primaryKeyV0({ columns: [t.tenant, t.userId] }),
      foreignKeyV0({ columns: [t.tenant, t.userId], foreignColumns: [users.tenant, users.id] }),
    ]);
    expect(keys(members, 'postgresql')).toEqual({ pk: 'members_tenant_user_id_pk', fks: ['members_tenant_user_id_users_tenant_id_fk'] });
  });

  it('PostgreSQL: the names drizzle-kit 1.0 itself reads from the same tables', async () => {
    // drizzle-kit 1.0's own schema reading (the snapshot `generate` diffs), from the v1 example's install.
    const kit = require(path.resolve(__dirname, '../../../examples/drizzle-v1/node_modules/drizzle-kit/api-postgres.js')) as {
      generateDrizzleJson(imports: Record<string, unknown>): Promise<{ ddl: { entityType: string; table: string; name: string }[] }>;
    };
    const tables = v1Pg();
    const snapshot = await kit.generateDrizzleJson(tables);
    const byKit = (table: string, type: string) => snapshot.ddl.filter((e) => e.table === table && e.entityType === type).map((e) => e.name).sort();
    for (const table of Object.values(tables)) {
      const ours = keys(table, 'postgresql');
      const name = (table as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')]!;
      expect([...ours.fks].sort()).toEqual(byKit(name, 'fks'));
      expect([ours.pk]).toEqual(byKit(name, 'pks'));
    }
  });

  it('the hash drizzle-kit 1.0 shortens a long name with', () => {
    const desired = `${LONG}_some_rather_long_column_name_users_id_fkey`;
    expect(kitHash(desired)).toBe('wsHBUZSkOqY0');
    expect(kitHash('')).toBe('000000000000');
    // A table name of 45 characters or more: the hash alone.
    const table = 'x'.repeat(50);
    expect(kitForeignKeyName('postgresql', { table, columns: ['a'], tableTo: 'users', columnsTo: ['id'] })).toBe(`${kitHash(`${table}_a_users_id_fkey`)}_fkey`);
  });
});

describe('the names PostgreSQL gives what drizzle-kit 1.0 writes', () => {
  // (table, column): a bare UNIQUE / PRIMARY KEY, which PostgreSQL names itself, and a name written out.
  const CASES = [
    { name: 'short', table: 'forward_auth_settings', column: 'serverId' },
    { name: 'the table is the longer: it is shortened', table: 'a_table_with_a_rather_long_name_for_testing_names', column: 'the_column_with_a_long_name' },
    { name: 'the column is the longer', table: 'short_table', column: 'a_column_with_a_name_much_longer_than_its_table_name_is_ever' },
    { name: 'both long: shortened in turn', table: 'a_table_name_of_forty_characters_exactly', column: 'a_column_name_of_forty_characters_exact' },
    { name: 'multibyte: cut at a character’s end', table: 'tábla_ünïcödé_ñàmé_with_many_accented_létters', column: 'cölümn_ñàmé_ünïcödé' },
  ];
  for (const target of postgresTargets()) {
    describe(target.name, () => {
      const schema = `oto_j_names_${process.pid}`;
      beforeAll(async () => (await target.client()).exec(`CREATE SCHEMA ${schema}`));
      afterAll(async () => {
        await (await target.client()).exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await target.close();
      });
      it.each(CASES)('$name', async ({ table, column }) => {
        const client = await target.client();
        const written = `${table}_${column}_written_out_unique`;
        await client.exec(`CREATE TABLE ${schema}."${table}" ("id" integer PRIMARY KEY, "${column}" integer UNIQUE, "other" integer, CONSTRAINT "${written}" UNIQUE ("other"))`);
        const rows = await client.query<{ conname: string; contype: string; column: string }>(
          `SELECT c.conname, c.contype, a.attname AS "column" FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
           WHERE c.conrelid = '${schema}."${table}"'::regclass ORDER BY c.conname`,
        );
        const named = (type: string, col: string) => rows.find((r) => r.contype === type && r.column === col)?.conname;
        expect(named('p', 'id')).toBe(pgObjectName(table, undefined, 'pkey'));
        expect(named('u', column)).toBe(kitColumnUniqueName('postgresql', table, column));
        expect(named('u', 'other')).toBe(pgIdentifier(written));
      });
    });
  }
});
