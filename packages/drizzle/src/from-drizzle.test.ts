import { analyze, relationKind } from '@oto/core';
import type { SchemaModel } from '@oto/core';
import { relations, sql } from 'drizzle-orm';
import { int, mysqlTable } from 'drizzle-orm/mysql-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { foreignKey, integer, pgSchema, pgTable, primaryKey, serial, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { integer as sqliteInteger, sqliteTable } from 'drizzle-orm/sqlite-core';
import type { DrizzleSchemaInput } from './from-drizzle';
import { fromDrizzle } from './from-drizzle';

/** The exports of a schema module, each declared on its own line of `schema.ts`. */
function input(exports: Record<string, unknown>, extra: Partial<DrizzleSchemaInput> = {}): DrizzleSchemaInput {
  return {
    exports: Object.entries(exports).map(([name, value], i) => ({ name, value, origin: { file: 'schema.ts', line: i + 1 } })),
    ...extra,
  };
}
const model = (exports: Record<string, unknown>, extra?: Partial<DrizzleSchemaInput>): SchemaModel =>
  fromDrizzle(input(exports, extra)).model;
const tableOf = (m: SchemaModel, name: string) => {
  const t = m.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
};
const summary = (m: SchemaModel) =>
  m.relations.map((r) => ({
    kind: relationKind(r),
    dependent: `${r.dependent.table}.${r.dependent.field ?? '-'}(${r.foreignKey?.columns.join(',')})`,
    principal: `${r.principal.table}.${r.principal.field ?? '-'}(${r.foreignKey?.referencedColumns.join(',')})`,
  }));

const users = pgTable('app_user', { id: serial('id').primaryKey(), email: text('email').notNull().unique() });

describe('fromDrizzle: tables', () => {
  it('reads database names, nullability, keys, uniques and foreign keys', () => {
    const accounts = pgTable(
      'account',
      {
        id: serial('id').primaryKey(),
        userId: integer('user_id').notNull(),
        tenant: text('tenant'),
        handle: text('handle'),
        slug: text('slug').unique('account_slug_key'),
      },
      (t) => [
        foreignKey({ name: 'account_user_fk', columns: [t.userId], foreignColumns: [users.id] }).onDelete('cascade'),
        unique('account_tenant_handle_key').on(t.tenant, t.handle),
        uniqueIndex('account_live_user').on(t.userId).where(sql`${t.tenant} is not null`),
        uniqueIndex('account_lower_handle').on(sql`lower(${t.handle})`),
      ],
    );
    const m = model({ users, accounts });
    expect(m).toMatchObject({ source: 'drizzle', dialect: 'postgresql' });
    const account = tableOf(m, 'account');
    expect(account).toMatchObject({ entity: 'accounts', origin: { file: 'schema.ts', line: 2 } });
    expect(account.columns.map((c) => [c.name, c.field, c.nullable])).toEqual([
      ['id', undefined, false],
      ['user_id', 'userId', false],
      ['tenant', undefined, true],
      ['handle', undefined, true],
      ['slug', undefined, true],
    ]);
    expect(account.primaryKey).toEqual({ name: 'account_pkey', columns: ['id'] });
    expect(account.uniques).toEqual([
      { name: 'account_slug_key', columns: ['slug'], kind: 'constraint' },
      { name: 'account_tenant_handle_key', columns: ['tenant', 'handle'], kind: 'constraint' },
      { name: 'account_live_user', columns: ['user_id'], kind: 'index', where: '"tenant" is not null' },
      { name: 'account_lower_handle', columns: [], kind: 'index', expression: true },
    ]);
    expect(account.foreignKeys).toEqual([
      {
        name: 'account_user_fk',
        columns: ['user_id'],
        referencedTable: 'app_user',
        referencedColumns: ['id'],
        onDelete: 'cascade',
        onUpdate: 'no-action',
      },
    ]);
  });

  it('reads composite primary keys, drizzle default names, schemas and casing', () => {
    const billing = pgSchema('billing');
    const members = billing.table('member', { orgId: integer().notNull(), userId: integer().notNull().references(() => users.id) }, (t) => [
      primaryKey({ columns: [t.orgId, t.userId] }),
    ]);
    const m = model({ users, members }, { casing: 'snake_case' });
    const member = tableOf(m, 'member');
    expect(member.schema).toBe('billing');
    expect(member.columns.map((c) => [c.name, c.field])).toEqual([
      ['org_id', 'orgId'],
      ['user_id', 'userId'],
    ]);
    expect(member.primaryKey).toEqual({ name: 'member_orgId_userId_pk', columns: ['org_id', 'user_id'] });
    expect(member.foreignKeys[0]).toMatchObject({ name: 'member_userId_app_user_id_fk', columns: ['user_id'], onDelete: 'no-action' });
  });

  it('takes the dialect of the tables: MySQL and SQLite uniques are indexes', () => {
    const mysql = model({ t: mysqlTable('t', { id: int('id').primaryKey(), code: int('code').unique() }) });
    expect(mysql.dialect).toBe('mysql');
    expect(tableOf(mysql, 't').primaryKey).toEqual({ name: 'PRIMARY', columns: ['id'] });
    expect(tableOf(mysql, 't').uniques).toEqual([{ name: 't_code_unique', columns: ['code'], kind: 'index' }]);
    const sqlite = model({ t: sqliteTable('t', { id: sqliteInteger('id').primaryKey(), code: sqliteInteger('code').unique() }) });
    expect(sqlite.dialect).toBe('sqlite');
    expect(tableOf(sqlite, 't').primaryKey).toEqual({ columns: ['id'] });
  });

  it('refuses tables of two dialects in one schema, naming the table', () => {
    const t = sqliteTable('t', { id: sqliteInteger('id').primaryKey() });
    expect(() => model({ users, t })).toThrow('schema.ts:2: table "t" is a sqlite table, but the schema\'s dialect is postgresql');
  });

  it('keeps one table exported twice (a schema index re-exporting its files) once, with its declaring origin', () => {
    const m = fromDrizzle({
      exports: [
        { name: 'users', value: users },
        { name: 'users', value: users, origin: { file: 'user.ts', line: 3 } },
      ],
    }).model;
    expect(m.tables).toHaveLength(1);
    expect(m.tables[0]?.origin).toEqual({ file: 'user.ts', line: 3 });
  });
});

describe('fromDrizzle: relations', () => {
  const profiles = pgTable('profile', {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  });
  const profileRelations = relations(profiles, ({ one }) => ({
    user: one(users, { fields: [profiles.userId], references: [users.id] }),
  }));

  it('pairs a one() with fields and the config-less one() that points back: a declared one-to-one', () => {
    const userRelations = relations(users, ({ one }) => ({ profile: one(profiles) }));
    const m = model({ users, profiles, userRelations, profileRelations });
    expect(m.relations).toEqual([
      {
        name: 'profiles.user',
        dependent: { table: 'profile', entity: 'profiles', field: 'user', cardinality: 'one', optional: false, origin: { file: 'schema.ts', line: 4 } },
        principal: { table: 'app_user', entity: 'users', field: 'profile', cardinality: 'one', optional: true, origin: { file: 'schema.ts', line: 3 } },
        foreignKey: { columns: ['user_id'], referencedColumns: ['id'] },
      },
    ]);
    expect(analyze(m).relations[0]?.backing).toBeNull();
  });

  it('one() with fields on both sides is one relation, its dependent the side holding the foreign key', () => {
    // The principal writes fields: [users.id], references: [profiles.userId] (real schemas do).
    const userRelations = relations(users, ({ one }) => ({
      profile: one(profiles, { fields: [users.id], references: [profiles.userId] }),
    }));
    const m = model({ userRelations, users, profiles, profileRelations });
    expect(summary(m)).toEqual([{ kind: 'one-to-one', dependent: 'profile.user(user_id)', principal: 'app_user.profile(id)' }]);
    // Declared from the principal only, the foreign key still decides.
    expect(summary(model({ users, profiles, userRelations }))).toEqual([
      { kind: 'one-to-one', dependent: 'profile.-(user_id)', principal: 'app_user.profile(id)' },
    ]);
  });

  it('without a foreign key, the side whose columns are not a key is the dependent', () => {
    const shadows = pgTable('shadow', { id: serial('id').primaryKey(), ownerId: integer('owner_id') });
    const userRelations = relations(users, ({ one }) => ({
      shadow: one(shadows, { fields: [users.id], references: [shadows.ownerId] }),
    }));
    expect(summary(model({ users, shadows, userRelations }))).toEqual([
      { kind: 'one-to-one', dependent: 'shadow.-(owner_id)', principal: 'app_user.shadow(id)' },
    ]);
  });

  describe('without a foreign key and both sides a key: the direction', () => {
    // relationMode-like schemas (PlanetScale): one() with fields on both sides, no .references().
    const workspaces = pgTable('workspace', { id: serial('id').primaryKey() });
    const limits = pgTable('limits', { id: serial('id').primaryKey(), workspaceId: integer('workspace_id').notNull().unique() });
    const settings = pgTable('settings', { workspaceId: integer('workspace_id').primaryKey() });
    const projects = pgTable('project', { id: serial('id').primaryKey(), workspaceId: integer('workspace_id').references(() => workspaces.id) });
    const both = (other: typeof limits | typeof settings, first: 'workspace' | 'other') => {
      const w = relations(workspaces, ({ one }) => ({ other: one(other, { fields: [workspaces.id], references: [other.workspaceId] }) }));
      const o = relations(other, ({ one }) => ({ workspace: one(workspaces, { fields: [other.workspaceId], references: [workspaces.id] }) }));
      return first === 'workspace' ? { workspaces, other, w, o } : { other, workspaces, o, w };
    };
    it.each([
      ['the side whose columns are the primary key is the principal', both(limits, 'workspace'), 'limits.workspace(workspace_id)'],
      ['… whichever is declared first', both(limits, 'other'), 'limits.workspace(workspace_id)'],
      ['both primary keys: the table more relations point at is the principal', { ...both(settings, 'workspace'), projects }, 'settings.workspace(workspace_id)'],
      ['… whichever is declared first', { ...both(settings, 'other'), projects }, 'settings.workspace(workspace_id)'],
      ['nothing else tells: the first declared is the dependent', both(settings, 'workspace'), 'workspace.other(id)'],
      ['… the first declared', both(settings, 'other'), 'settings.workspace(workspace_id)'],
    ])('%s', (_, exports, dependent) => {
      const found = summary(model(exports)).filter((r) => !r.dependent.startsWith('project'));
      expect(found.map((r) => r.dependent)).toEqual([dependent]);
    });
  });

  it('a one() alone is many-to-one; with many() back it is one-to-many', () => {
    expect(summary(model({ users, profiles, profileRelations }))).toEqual([
      { kind: 'many-to-one', dependent: 'profile.user(user_id)', principal: 'app_user.-(id)' },
    ]);
    const userRelations = relations(users, ({ many }) => ({ profiles: many(profiles) }));
    const m = model({ users, profiles, profileRelations, userRelations });
    expect(summary(m)).toEqual([{ kind: 'one-to-many', dependent: 'profile.user(user_id)', principal: 'app_user.profiles(id)' }]);
    expect(m.relations[0]?.principal).toMatchObject({ cardinality: 'many', optional: true });
  });

  it('tells relations between the same tables apart by relationName, self-relations included', () => {
    const people = pgTable('person', {
      id: serial('id').primaryKey(),
      mentorId: integer('mentor_id').references((): AnyPgColumn => people.id),
      buddyId: integer('buddy_id').unique(),
    });
    const peopleRelations = relations(people, ({ one, many }) => ({
      mentor: one(people, { fields: [people.mentorId], references: [people.id], relationName: 'mentoring' }),
      mentees: many(people, { relationName: 'mentoring' }),
      // drizzle's one() takes relationName only with fields: the inverse of a self one-to-one cannot be declared.
      buddy: one(people, { fields: [people.buddyId], references: [people.id], relationName: 'buddies' }),
    }));
    const m = model({ people, peopleRelations });
    expect(m.relations.map((r) => r.name)).toEqual(['mentoring', 'buddies']);
    expect(summary(m)).toEqual([
      { kind: 'one-to-many', dependent: 'person.mentor(mentor_id)', principal: 'person.mentees(id)' },
      { kind: 'many-to-one', dependent: 'person.buddy(buddy_id)', principal: 'person.-(id)' },
    ]);
  });

  it('leaves out, and reports, a field drizzle cannot resolve', () => {
    const userRelations = relations(users, ({ many }) => ({ profiles: many(profiles) }));
    const result = fromDrizzle(input({ users, profiles, userRelations }));
    expect(result.model.relations).toEqual([]);
    expect(result.unresolved).toEqual([
      { relation: 'users.profiles', reason: 'There is not enough information to infer relation "users.profiles"', origin: { file: 'schema.ts', line: 3 } },
    ]);
  });

  it('fails on a relation to a table no schema file exports, naming the relation and the table', () => {
    expect(() => model({ profiles, profileRelations })).toThrow(
      'schema.ts:2: relation profiles.user refers to table "app_user", which no schema file exports: export the table from a schema file',
    );
    expect(() => model({ users, profileRelations })).toThrow(
      'schema.ts:2: relations "profileRelations" are declared for table "profile", which no schema file exports',
    );
  });

  it('locates relation fields in the relations() block of the file text', () => {
    const text = ['export const users = 1;', 'export const profiles = 2;', 'export const profileRelations = relations(profiles, ({ one }) => ({', '  user: one(users, {', '  }),', '}));'].join('\n');
    const m = fromDrizzle({
      exports: [
        { name: 'users', value: users, origin: { file: 'a.ts', line: 1 } },
        { name: 'profiles', value: profiles, origin: { file: 'a.ts', line: 2 } },
        { name: 'profileRelations', value: profileRelations, origin: { file: 'a.ts', line: 3 } },
      ],
      files: new Map([['a.ts', text]]),
    }).model;
    expect(m.relations[0]?.dependent.origin).toEqual({ file: 'a.ts', line: 4 });
  });

  it('locates columns and uniques at their own lines: .unique(), unique().on(), uniqueIndex().on()', () => {
    const source = [
      "export const accounts = pgTable('account', {", // 1
      "  id: serial('id').primaryKey(),", // 2
      "  userId: integer('user_id')", // 3
      '    .notNull()', // 4
      "    .unique('account_user_key'),", // 5
      "  tenant: text('tenant'),", // 6
      "  handle: text('handle').unique(),", // 7
      "  slug: text('slug'),", // 8
      '}, (t) => [', // 9
      "  unique('account_tenant_handle').on(t.tenant, t.handle),", // 10
      '  uniqueIndex()', // 11
      '    .on(t.slug, t.tenant),', // 12
      ']);', // 13
    ].join('\n');
    const accounts = pgTable(
      'account',
      {
        id: serial('id').primaryKey(),
        userId: integer('user_id').notNull().unique('account_user_key'),
        tenant: text('tenant'),
        handle: text('handle').unique(),
        slug: text('slug'),
      },
      (t) => [unique('account_tenant_handle').on(t.tenant, t.handle), uniqueIndex().on(t.slug, t.tenant)],
    );
    const m = fromDrizzle({ exports: [{ name: 'accounts', value: accounts, origin: { file: 'a.ts', line: 1 } }], files: new Map([['a.ts', source]]) }).model;
    const account = tableOf(m, 'account');
    expect(account.columns.map((c) => [c.name, c.origin?.line])).toEqual([
      ['id', 2],
      ['user_id', 3],
      ['tenant', 6],
      ['handle', 7],
      ['slug', 8],
    ]);
    expect(account.uniques.map((u) => [u.columns.join(','), u.origin?.line])).toEqual([
      ['user_id', 5], // its name, on the line of the chain that spells it
      ['handle', 7], // unnamed .unique() chained on its column
      ['tenant,handle', 10],
      ['slug,tenant', 11],
    ]);
  });
});
