/**
 * A v1 filtered one-to-one against the partial unique of a real database: the unique is created
 * in the database (PostgreSQL server, PGlite, SQLite) with its predicate written as a user would,
 * read back by oto's introspection in the form the database prints (`pg_get_expr`, SQLite's
 * stored SQL), and matched with the filter's SQL from the drizzle-orm 1.0 schema.
 */
import { randomBytes } from 'node:crypto';
import type { SchemaModel, Table } from '@oto/core';
import { findFilterKey } from '@oto/core';
import { connect, introspect } from '@oto/database';
import type { SqlClient } from '@oto/database';
import { defineRelations } from 'drizzle-orm-v1';
import { boolean, integer, pgTable, text, timestamp, varchar } from 'drizzle-orm-v1/pg-core';
import { integer as sqliteInteger, sqliteTable, text as sqliteText } from 'drizzle-orm-v1/sqlite-core';
import { postgresTargets } from '../../database/src/testing/postgres-targets';
import { fromDrizzle } from './from-drizzle';

jest.setTimeout(120_000);

interface Case {
  readonly name: string;
  /** The relation's v2 `where`, over the subscription table's columns. */
  readonly filter: Record<string, unknown>;
  /** The partial unique's predicate, as the migration writes it. */
  readonly where: string;
  readonly backs: boolean;
}

const CASES: readonly Case[] = [
  { name: 'isNull', filter: { deletedAt: { isNull: true } }, where: 'deleted_at IS NULL', backs: true },
  { name: 'a plain value on a varchar', filter: { status: 'active' }, where: "status = 'active'", backs: true },
  { name: 'in on a varchar', filter: { status: { in: ['a', 'b'] } }, where: "status IN ('b', 'a')", backs: true },
  { name: 'in written as ORs', filter: { status: { in: ['a', 'b'] } }, where: "(status = 'a' OR status = 'b')", backs: true },
  { name: 'OR over two columns', filter: { OR: [{ status: 'a' }, { deletedAt: { isNotNull: true } }] }, where: "deleted_at IS NOT NULL OR status = 'a'", backs: true },
  { name: 'NOT in', filter: { NOT: { status: { in: ['x', 'y'] } } }, where: "status NOT IN ('x', 'y')", backs: true },
  { name: 'like', filter: { plan: { like: 'pro%' } }, where: "plan LIKE 'pro%'", backs: true },
  { name: 'a negative number', filter: { seats: { gt: -1 } }, where: 'seats > -1', backs: true },
  { name: 'an order on a varchar', filter: { status: { gte: 'm' } }, where: "status >= 'm'", backs: true },
  { name: 'a boolean and isNull, in another order', filter: { trial: true, deletedAt: { isNull: true } }, where: 'deleted_at IS NULL AND trial = true', backs: true },
  { name: 'another literal', filter: { status: 'active' }, where: "status = 'inactive'", backs: false },
  { name: 'AND where the filter says OR', filter: { OR: [{ status: 'a' }, { deletedAt: { isNull: true } }] }, where: "status = 'a' AND deleted_at IS NULL", backs: false },
  { name: 'another column', filter: { deletedAt: { isNull: true } }, where: 'plan IS NULL', backs: false },
  { name: 'the negation', filter: { deletedAt: { isNull: true } }, where: 'deleted_at IS NOT NULL', backs: false },
];
/** ILIKE and the array operators exist in PostgreSQL only. */
const POSTGRES_CASES: readonly Case[] = [
  { name: 'ilike', filter: { plan: { ilike: 'pro%' } }, where: "plan ILIKE 'pro%'", backs: true },
  { name: 'notIn on a text column', filter: { plan: { notIn: ['free', 'trial'] } }, where: "plan <> 'free' AND plan <> 'trial'", backs: true },
];

const tableName = (i: number) => `sub_${i}`;

/** The filter's SQL, from a drizzle-orm 1.0 schema with the filtered one-to-one on that table. */
function filterSql(table: unknown, users: unknown, filter: Record<string, unknown>): string | undefined {
  // The tables differ per dialect: the relations builder is read untyped.
  const relations = defineRelations({ users, subscription: table } as unknown as Record<string, never>, (r) => {
    const one = (r as unknown as { one: Record<string, (config: object) => unknown> }).one;
    const columns = r as unknown as Record<string, Record<string, unknown>>;
    return { users: { current: one['subscription']!({ from: columns['users']!['id'], to: columns['subscription']!['userId'], where: filter }) } } as never;
  });
  const model: SchemaModel = fromDrizzle({ exports: [{ name: 'users', value: users }, { name: 'subscription', value: table }, { name: 'relations', value: relations }] }).model;
  return model.relations[0]?.filter?.sql;
}

async function matches(client: SqlClient, cases: readonly Case[], drizzleTable: (name: string) => unknown, users: unknown): Promise<void> {
  const { model } = await introspect(client);
  for (const [i, c] of cases.entries()) {
    const sql = filterSql(drizzleTable(tableName(i)), users, c.filter);
    expect({ case: c.name, sql: typeof sql }).toEqual({ case: c.name, sql: 'string' });
    const table = model.tables.find((t) => t.name === tableName(i) && t.schema === undefined) as Table;
    const printed = table.uniques.find((u) => u.where !== undefined)?.where;
    const key = findFilterKey(table, ['user_id'], sql!);
    expect({ case: c.name, filter: sql, printed, backs: key !== undefined }).toEqual({ case: c.name, filter: sql, printed, backs: c.backs });
  }
}

describe.each(postgresTargets())('a filtered one-to-one and the partial unique of $name', (target) => {
  afterAll(() => target.close());
  const users = pgTable('users', { id: integer('id').primaryKey() });
  const subscription = (name: string) =>
    pgTable(name, {
      id: integer('id').primaryKey(),
      userId: integer('user_id').notNull().references(() => users.id),
      status: varchar('status', { length: 20 }),
      plan: text('plan'),
      seats: integer('seats'),
      trial: boolean('trial'),
      deletedAt: timestamp('deleted_at', { withTimezone: true }),
    });

  it('the database’s printed predicate matches the filter’s SQL exactly when they say the same', async () => {
    const client = await target.client();
    const schema = `b_${randomBytes(5).toString('hex')}`;
    const cases = [...CASES, ...POSTGRES_CASES];
    const ddl = cases.map(
      (c, i) =>
        `CREATE TABLE ${tableName(i)} (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES users (id), status varchar(20), plan text, seats integer, trial boolean, deleted_at timestamptz);
         CREATE UNIQUE INDEX ${tableName(i)}_live ON ${tableName(i)} (user_id) WHERE ${c.where};`,
    );
    await client.exec(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"; CREATE TABLE users (id integer PRIMARY KEY); ${ddl.join('\n')}`);
    try {
      await matches(client, cases, subscription, users);
    } finally {
      await client.exec(`SET search_path TO public; DROP SCHEMA "${schema}" CASCADE`);
    }
  });
});

describe('a filtered one-to-one and the partial unique of SQLite', () => {
  const users = sqliteTable('users', { id: sqliteInteger('id').primaryKey() });
  const subscription = (name: string) =>
    sqliteTable(name, {
      id: sqliteInteger('id').primaryKey(),
      userId: sqliteInteger('user_id').notNull().references(() => users.id),
      status: sqliteText('status'),
      plan: sqliteText('plan'),
      seats: sqliteInteger('seats'),
      trial: sqliteInteger('trial', { mode: 'boolean' }),
      deletedAt: sqliteInteger('deleted_at', { mode: 'timestamp' }),
    });

  it('the stored index SQL matches the filter’s SQL exactly when they say the same', async () => {
    // An in-memory database: oto opens a SQLite file read-only.
    const client = await connect('sqlite::memory:', { cwd: process.cwd() });
    try {
      const ddl = CASES.map(
        (c, i) =>
          `CREATE TABLE \`${tableName(i)}\` (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES users (id), status text, plan text, seats integer, trial integer, deleted_at integer);
           CREATE UNIQUE INDEX \`${tableName(i)}_live\` ON \`${tableName(i)}\` (\`user_id\`) WHERE ${c.where.replace(/\b(status|plan|seats|trial|deleted_at)\b/g, '`$1`')};`,
      );
      await client.exec(`CREATE TABLE users (id integer PRIMARY KEY); ${ddl.join('\n')}`);
      await matches(client, CASES, subscription, users);
    } finally {
      await client.close();
    }
  });
});
