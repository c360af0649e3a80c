/**
 * relationFilter on real drizzle-orm 1.0 (RC) tables: every filter operator a partial unique can
 * say, checked against the SQL drizzle's own relational queries write for the same filter.
 */
import { samePredicate } from '@oto/core';
import { EmptyFilter, placeholder, relationsFilterToSQL, sql, SQL } from 'drizzle-orm-v1';
import { boolean, integer, PgDialect, pgTable, text } from 'drizzle-orm-v1/pg-core';
import { int, mysqlTable, varchar } from 'drizzle-orm-v1/mysql-core';
import { integer as sqliteInteger, sqliteTable, text as sqliteText } from 'drizzle-orm-v1/sqlite-core';
import { ColumnNames } from './drizzle-tables';
import { relationFilter } from './relation-filter';

const subscriptions = pgTable('subscriptions', {
  id: integer('id').primaryKey(),
  userId: integer('user_id').notNull(),
  status: text('status'),
  plan: text('plan'),
  seats: integer('seats'),
  trial: boolean('trial'),
  tags: text('tags').array(),
  deletedAt: text('deleted_at'),
  'odd"name': text('odd"name'),
});
const names = new ColumnNames();
/** A drizzle-orm 1.0 table where @oto/drizzle's types name the installed (0.45) drizzle-orm's. */
const v1 = (table: unknown) => table as Parameters<typeof relationFilter>[1];
const write = (filter: unknown) => relationFilter(filter, v1(subscriptions), names, 'postgresql');

/** What drizzle-orm 1.0 itself writes for the filter, its parameters inlined. */
function drizzleSql(filter: unknown): string {
  const built = relationsFilterToSQL(subscriptions, filter as Parameters<typeof relationsFilterToSQL>[1]);
  const query = new PgDialect().sqlToQuery(new SQL(built.sql as never));
  const inline = (v: unknown): string =>
    Array.isArray(v) ? `ARRAY[${v.map(inline).join(', ')}]` : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v);
  return query.sql.replace(/\$(\d+)/g, (_m, n: string) => inline(query.params[Number(n) - 1]));
}

describe('relationFilter (PostgreSQL)', () => {
  it.each([
    { filter: { deletedAt: { isNull: true } }, sql: '"deleted_at" IS NULL' },
    { filter: { deletedAt: { isNotNull: true } }, sql: '"deleted_at" IS NOT NULL' },
    { filter: { status: 'active' }, sql: `"status" = 'active'` },
    { filter: { status: { eq: 'active' } }, sql: `"status" = 'active'` },
    { filter: { status: { ne: 'gone' } }, sql: `"status" <> 'gone'` },
    { filter: { seats: { gt: 1 } }, sql: '"seats" > 1' },
    { filter: { seats: { gte: 1 } }, sql: '"seats" >= 1' },
    { filter: { seats: { lt: -1 } }, sql: '"seats" < -1' },
    { filter: { seats: { lte: 2.5 } }, sql: '"seats" <= 2.5' },
    { filter: { seats: 10n }, sql: '"seats" = 10' },
    { filter: { trial: false }, sql: '"trial" = false' },
    { filter: { status: { in: ['a', 'b'] } }, sql: `"status" IN ('a', 'b')` },
    { filter: { status: { notIn: ['a', 'b'] } }, sql: `"status" NOT IN ('a', 'b')` },
    { filter: { plan: { like: 'pro%' } }, sql: `"plan" LIKE 'pro%'` },
    { filter: { plan: { notLike: 'pro%' } }, sql: `"plan" NOT LIKE 'pro%'` },
    { filter: { plan: { ilike: 'pro%' } }, sql: `"plan" ILIKE 'pro%'` },
    { filter: { plan: { notIlike: 'pro%' } }, sql: `"plan" NOT ILIKE 'pro%'` },
    { filter: { tags: { arrayContains: ['a'] } }, sql: `"tags" @> ARRAY['a']` },
    { filter: { tags: { arrayOverlaps: ['a', 'b'] } }, sql: `"tags" && ARRAY['a', 'b']` },
    { filter: { status: "it's" }, sql: `"status" = 'it''s'` },
    { filter: { 'odd"name': 'x' }, sql: `"odd""name" = 'x'` },
    { filter: { deletedAt: { isNull: true }, status: 'active' }, sql: `"deleted_at" IS NULL AND "status" = 'active'` },
    { filter: { seats: { gt: 0, lt: 10 } }, sql: '"seats" > 0 AND "seats" < 10' },
    { filter: { AND: [{ deletedAt: { isNull: true } }, { status: 'active' }] }, sql: `"deleted_at" IS NULL AND "status" = 'active'` },
    { filter: { OR: [{ status: 'a' }, { plan: 'b' }] }, sql: `"status" = 'a' OR "plan" = 'b'` },
    { filter: { deletedAt: { isNull: true }, OR: [{ status: 'a' }, { plan: 'b' }] }, sql: `"deleted_at" IS NULL AND ("status" = 'a' OR "plan" = 'b')` },
    { filter: { NOT: { status: 'a' } }, sql: `NOT ("status" = 'a')` },
    { filter: { NOT: { status: 'a', plan: 'b' } }, sql: `NOT ("status" = 'a' AND "plan" = 'b')` },
    { filter: { NOT: { OR: [{ status: 'a' }, { plan: 'b' }] } }, sql: `NOT ("status" = 'a' OR "plan" = 'b')` },
    { filter: { status: { NOT: { in: ['a', 'b'] } } }, sql: `NOT ("status" IN ('a', 'b'))` },
    { filter: { seats: { OR: [{ lt: 1 }, { gt: 5 }] } }, sql: '"seats" < 1 OR "seats" > 5' },
    { filter: { OR: [{ AND: [{ status: 'a' }, { plan: 'b' }] }, { deletedAt: { isNotNull: true } }] }, sql: `("status" = 'a' AND "plan" = 'b') OR "deleted_at" IS NOT NULL` },
    { filter: { status: 'a', deletedAt: EmptyFilter }, sql: `"status" = 'a'` },
    { filter: { status: 'a', deletedAt: { isNull: false } }, sql: `"status" = 'a'` },
  ])('$sql', ({ filter, sql: expected }) => {
    const written = write(filter);
    expect(written?.sql).toBe(expected);
    // The same rows as drizzle's own query keeps.
    expect(samePredicate(written!.sql!, drizzleSql(filter))).toBe(true);
  });

  it.each([
    { name: 'RAW', filter: { RAW: sql`true` }, text: '{"RAW":sql`…`}' },
    { name: 'RAW as a callback', filter: { RAW: () => sql`true` }, text: '{"RAW":RAW(…)}' },
    { name: 'a relation’s filter (no such column)', filter: { user: { id: 1 } }, text: '{"user":{"id":1}}' },
    { name: 'a placeholder', filter: { status: placeholder('status') }, text: '{"status":placeholder("status")}' },
    { name: 'a placeholder under an operator', filter: { status: { eq: placeholder('status') } }, text: '{"status":{"eq":placeholder("status")}}' },
    { name: 'a Date', filter: { deletedAt: { lt: new Date('2026-01-01T00:00:00Z') } }, text: '{"deletedAt":{"lt":Date("2026-01-01T00:00:00.000Z")}}' },
    { name: 'an empty in list', filter: { status: { in: [] } }, text: '{"status":{"in":[]}}' },
    { name: 'an unknown operator', filter: { status: { matches: 'x' } }, text: '{"status":{"matches":"x"}}' },
    { name: 'an empty OR', filter: { OR: [] }, text: '{"OR":[]}' },
    { name: 'null as a value', filter: { status: null }, text: '{"status":null}' },
    { name: 'NaN', filter: { seats: Number.NaN }, text: '{"seats":NaN}' },
  ])('no SQL for $name, and the filter named as written', ({ filter, text }) => {
    expect(write(filter)).toEqual({ text });
  });

  it('a filter whose every part is skipped filters nothing', () => {
    expect(write({ deletedAt: { isNull: false } })).toBeUndefined();
    expect(write({ deletedAt: EmptyFilter })).toBeUndefined();
  });
});

describe('relationFilter under the other dialects', () => {
  const accounts = sqliteTable('accounts', { id: sqliteInteger('id').primaryKey(), status: sqliteText('status'), closedAt: sqliteInteger('closed_at') });
  const members = mysqlTable('members', { id: int('id').primaryKey(), role: varchar('role', { length: 20 }) });

  it.each([
    { name: 'SQLite: double quotes', filter: { closedAt: { isNull: true }, status: { in: ['a', 'b'] } }, sql: `"closed_at" IS NULL AND "status" IN ('a', 'b')` },
    { name: 'SQLite: LIKE', filter: { status: { like: 'a%' } }, sql: `"status" LIKE 'a%'` },
  ])('$name', ({ filter, sql: expected }) => {
    expect(relationFilter(filter, v1(accounts), names, 'sqlite')?.sql).toBe(expected);
  });

  it('SQLite and MySQL have no ILIKE, and no array operators', () => {
    expect(relationFilter({ status: { ilike: 'a%' } }, v1(accounts), names, 'sqlite')?.sql).toBeUndefined();
    expect(relationFilter({ role: { notIlike: 'a%' } }, v1(members), names, 'mysql')?.sql).toBeUndefined();
    expect(relationFilter({ status: { arrayContains: ['a'] } }, v1(accounts), names, 'sqlite')?.sql).toBeUndefined();
  });

  it('MySQL: backticks, and a backslash in a string escaped', () => {
    expect(relationFilter({ role: 'a\\b' }, v1(members), names, 'mysql')?.sql).toBe("`role` = 'a\\\\b'");
  });
});
