/**
 * fromDrizzle on drizzle-orm 1.0 (RC) objects: `defineRelations` / `defineRelationsPart`.
 * The tables and relations are built by the real drizzle-orm 1.0 (installed as drizzle-orm-v1).
 */
import { check, relationKind, resolveConfig } from '@oto/core';
import type { SchemaModel } from '@oto/core';
import { relations as relationsV0 } from 'drizzle-orm';
import { integer as integerV0, pgTable as pgTableV0, serial as serialV0, text as textV0 } from 'drizzle-orm/pg-core';
import { defineRelations, defineRelationsPart, sql } from 'drizzle-orm-v1';
import { integer, pgTable, primaryKey, serial, text, timestamp, unique, uniqueIndex } from 'drizzle-orm-v1/pg-core';
import type { DrizzleSchemaInput } from './from-drizzle';
import { fromDrizzle } from './from-drizzle';

function input(exports: Record<string, unknown>): DrizzleSchemaInput {
  return { exports: Object.entries(exports).map(([name, value], i) => ({ name, value, origin: { file: 'schema.ts', line: i + 1 } })) };
}
const model = (exports: Record<string, unknown>): SchemaModel => fromDrizzle(input(exports)).model;
const summary = (m: SchemaModel) =>
  m.relations.map((r) => ({
    name: r.name,
    kind: relationKind(r),
    dependent: `${r.dependent.table}.${r.dependent.field ?? '-'}(${r.foreignKey?.columns.join(',')})${r.dependent.optional ? '?' : ''}`,
    principal: `${r.principal.table}.${r.principal.field ?? '-'}(${r.foreignKey?.referencedColumns.join(',')})${r.principal.optional ? '?' : ''}`,
  }));
const findings = (m: SchemaModel) =>
  check(m, resolveConfig({})).diagnostics.map((d) => `${d.ruleId}: ${d.message}`).sort();

const users = pgTable('users', { id: serial('id').primaryKey(), name: text('name') });
const profiles = pgTable('profiles', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().unique().references(() => users.id),
});
const posts = pgTable('posts', { id: serial('id').primaryKey(), authorId: integer('author_id').references(() => users.id) });

describe('fromDrizzle: drizzle-orm 1.0 relations (defineRelations)', () => {
  it.each([
    {
      name: 'one on both ends (from/to each)',
      build: () =>
        defineRelations({ users, profiles }, (r) => ({
          users: { profile: r.one.profiles({ from: r.users.id, to: r.profiles.userId }) },
          profiles: { user: r.one.users({ from: r.profiles.userId, to: r.users.id, optional: false }) },
        })),
      tables: { users, profiles },
      expected: [{ name: 'profiles.user', kind: 'one-to-one', dependent: 'profiles.user(user_id)', principal: 'users.profile(id)?' }],
    },
    {
      name: 'many taking its columns from the one that points back',
      build: () =>
        defineRelations({ users, posts }, (r) => ({
          users: { posts: r.many.posts() },
          posts: { author: r.one.users({ from: r.posts.authorId, to: r.users.id }) },
        })),
      tables: { users, posts },
      expected: [{ name: 'posts.author', kind: 'one-to-many', dependent: 'posts.author(author_id)?', principal: 'users.posts(id)?' }],
    },
    {
      name: 'only the dependent declares its one',
      build: () => defineRelations({ users, posts }, (r) => ({ posts: { author: r.one.users({ from: r.posts.authorId, to: r.users.id }) } })),
      tables: { users, posts },
      expected: [{ name: 'posts.author', kind: 'many-to-one', dependent: 'posts.author(author_id)?', principal: 'users.-(id)?' }],
    },
  ])('$name', ({ build, tables, expected }) => {
    expect(summary(model({ ...tables, relations: build() }))).toEqual(expected);
  });

  it('composite from/to', () => {
    const orgs = pgTable('orgs', { tenant: text('tenant').notNull(), id: integer('id').notNull() }, (t) => [primaryKey({ columns: [t.tenant, t.id] })]);
    const settings = pgTable(
      'settings',
      { id: serial('id').primaryKey(), tenant: text('tenant').notNull(), orgId: integer('org_id').notNull() },
      (t) => [unique('settings_org_key').on(t.tenant, t.orgId)],
    );
    const relations = defineRelations({ orgs, settings }, (r) => ({
      orgs: { settings: r.one.settings() },
      settings: { org: r.one.orgs({ from: [r.settings.tenant, r.settings.orgId], to: [r.orgs.tenant, r.orgs.id], optional: false }) },
    }));
    const m = model({ orgs, settings, relations });
    expect(summary(m)).toEqual([{ name: 'settings.org', kind: 'one-to-one', dependent: 'settings.org(tenant,org_id)', principal: 'orgs.settings(tenant,id)?' }]);
    expect(findings(m).filter((f) => f.startsWith('one-to-one-unique'))).toEqual([]);
  });

  it('alias pairs the two ends of each of two relations between the same tables', () => {
    const tickets = pgTable('tickets', {
      id: serial('id').primaryKey(),
      authorId: integer('author_id').notNull().references(() => users.id),
      reviewerId: integer('reviewer_id').unique().references(() => users.id),
    });
    const relations = defineRelations({ users, tickets }, (r) => ({
      users: { written: r.many.tickets({ alias: 'author' }), reviewing: r.one.tickets({ alias: 'reviewer' }) },
      tickets: {
        author: r.one.users({ from: r.tickets.authorId, to: r.users.id, alias: 'author' }),
        reviewer: r.one.users({ from: r.tickets.reviewerId, to: r.users.id, alias: 'reviewer' }),
      },
    }));
    expect(summary(model({ users, tickets, relations }))).toEqual([
      { name: 'author', kind: 'one-to-many', dependent: 'tickets.author(author_id)?', principal: 'users.written(id)?' },
      { name: 'reviewer', kind: 'one-to-one', dependent: 'tickets.reviewer(reviewer_id)?', principal: 'users.reviewing(id)?' },
    ]);
  });

  it('a self-relation', () => {
    const nodes = pgTable('nodes', { id: serial('id').primaryKey(), nextId: integer('next_id').unique() });
    const relations = defineRelations({ nodes }, (r) => ({
      nodes: { next: r.one.nodes({ from: r.nodes.nextId, to: r.nodes.id, alias: 'chain' }), previous: r.one.nodes({ alias: 'chain' }) },
    }));
    expect(summary(model({ nodes, relations }))).toEqual([
      { name: 'chain', kind: 'one-to-one', dependent: 'nodes.next(next_id)?', principal: 'nodes.previous(id)?' },
    ]);
  });

  it('through: never a one-to-one; the junction’s two foreign keys are many-to-one relations', () => {
    const groups = pgTable('groups', { id: serial('id').primaryKey() });
    const members = pgTable(
      'members',
      { userId: integer('user_id').notNull().references(() => users.id), groupId: integer('group_id').notNull().references(() => groups.id) },
      (t) => [primaryKey({ columns: [t.userId, t.groupId] })],
    );
    const relations = defineRelations({ users, groups, members }, (r) => ({
      users: { group: r.one.groups({ from: r.users.id.through(r.members.userId), to: r.groups.id.through(r.members.groupId) }) },
      groups: { users: r.many.users() },
    }));
    const m = model({ users, groups, members, relations });
    expect(summary(m).sort((a, b) => a.dependent.localeCompare(b.dependent))).toEqual([
      { name: 'members(group_id)', kind: 'many-to-one', dependent: 'members.-(group_id)', principal: 'groups.-(id)?' },
      { name: 'members(user_id)', kind: 'many-to-one', dependent: 'members.-(user_id)', principal: 'users.-(id)?' },
    ]);
    expect(findings(m).filter((f) => f.startsWith('one-to-one'))).toEqual([]);
  });

  it('optional: a one is optional unless it says optional: false', () => {
    const relations = defineRelations({ users, profiles }, (r) => ({
      users: { profile: r.one.profiles({ from: r.users.id, to: r.profiles.userId }) },
      profiles: { user: r.one.users({ from: r.profiles.userId, to: r.users.id }) },
    }));
    const [relation] = model({ users, profiles, relations }).relations;
    expect([relation?.dependent.optional, relation?.principal.optional]).toEqual([true, true]);
  });

  describe('a one with where (a filtered one-to-one)', () => {
    const subscriptions = (partial: boolean) =>
      pgTable(
        'subscriptions',
        { id: serial('id').primaryKey(), userId: integer('user_id').notNull().references(() => users.id), cancelledAt: timestamp('cancelled_at') },
        (t) => (partial ? [uniqueIndex('subscriptions_live_user').on(t.userId).where(sql`${t.cancelledAt} IS NULL`)] : []),
      );
    const schema = (table: ReturnType<typeof subscriptions>) =>
      defineRelations({ users, subscriptions: table }, (r) => ({
        users: { current: r.one.subscriptions({ from: r.users.id, to: r.subscriptions.userId, where: { cancelledAt: { isNull: true } } }) },
        subscriptions: { user: r.one.users({ from: r.subscriptions.userId, to: r.users.id, optional: false }) },
      }));

    it('backed by a partial unique with the same predicate: sound, no finding on its unique', () => {
      const table = subscriptions(true);
      const m = model({ users, subscriptions: table, relations: schema(table) });
      expect(m.relations[0]?.filter).toEqual({ text: '{"cancelledAt":{"isNull":true}}', sql: '"cancelled_at" IS NULL' });
      expect(findings(m).filter((f) => f.startsWith('one-to-one-unique'))).toEqual([]);
    });

    it('without it: one-to-one-unique names the filter and the partial unique that would back it', () => {
      const table = subscriptions(false);
      expect(findings(model({ users, subscriptions: table, relations: schema(table) })).filter((f) => f.startsWith('one-to-one-unique'))).toEqual([
        'one-to-one-unique: one-to-one subscriptions.user holds only over the subscriptions rows its filter {"cancelledAt":{"isNull":true}} keeps, but no partial unique on subscriptions(user_id) WHERE "cancelled_at" IS NULL backs it, so the database lets many such rows point at one users row',
      ]);
    });

    it('a partial unique with another predicate does not back it', () => {
      const table = pgTable(
        'subscriptions',
        { id: serial('id').primaryKey(), userId: integer('user_id').notNull().references(() => users.id), cancelledAt: timestamp('cancelled_at') },
        (t) => [uniqueIndex('subscriptions_done_user').on(t.userId).where(sql`${t.cancelledAt} IS NOT NULL`)],
      );
      const found = findings(model({ users, subscriptions: table, relations: schema(table) })).filter((f) => f.startsWith('one-to-one-unique'));
      expect(found).toHaveLength(1);
      expect(found[0]).toContain('WHERE "cancelled_at" IS NULL backs it');
    });
  });

  it('defineRelationsPart: the parts are merged by table', () => {
    const main = defineRelationsPart({ users, posts }, (r) => ({ posts: { author: r.one.users({ from: r.posts.authorId, to: r.users.id }) } }));
    const part = defineRelationsPart({ users, profiles }, (r) => ({ profiles: { user: r.one.users({ from: r.profiles.userId, to: r.users.id }) } }));
    expect(summary(model({ users, posts, profiles, main, part })).map((r) => r.name)).toEqual(['posts.author', 'profiles.user']);
  });
});

describe('a Dokploy-shaped schema (one() on both sides, no unique) under 0.45 and 1.0', () => {
  // Dokploy's shape: a one() with from/to on both ends of each pair, the foreign key without a unique.
  const v0 = () => {
    const user = pgTableV0('user', { id: serialV0('id').primaryKey() });
    const account = pgTableV0('account', { id: serialV0('id').primaryKey(), userId: integerV0('user_id').notNull().references(() => user.id) });
    const server = pgTableV0('server', { id: serialV0('id').primaryKey(), userId: integerV0('user_id').references(() => user.id), note: textV0('note') });
    return {
      user,
      account,
      server,
      userRelations: relationsV0(user, ({ one }) => ({
        account: one(account, { fields: [user.id], references: [account.userId] }),
        server: one(server, { fields: [user.id], references: [server.userId] }),
      })),
      accountRelations: relationsV0(account, ({ one }) => ({ user: one(user, { fields: [account.userId], references: [user.id] }) })),
      serverRelations: relationsV0(server, ({ one }) => ({ user: one(user, { fields: [server.userId], references: [user.id] }) })),
    };
  };
  const v1 = () => {
    const user = pgTable('user', { id: serial('id').primaryKey() });
    const account = pgTable('account', { id: serial('id').primaryKey(), userId: integer('user_id').notNull().references(() => user.id) });
    const server = pgTable('server', { id: serial('id').primaryKey(), userId: integer('user_id').references(() => user.id), note: text('note') });
    const relations = defineRelations({ user, account, server }, (r) => ({
      user: {
        // 0.45 types a one() whose fields are NOT NULL as non-null: v1 says it with optional: false.
        account: r.one.account({ from: r.user.id, to: r.account.userId, optional: false }),
        server: r.one.server({ from: r.user.id, to: r.server.userId, optional: false }),
      },
      account: { user: r.one.user({ from: r.account.userId, to: r.user.id, optional: false }) },
      server: { user: r.one.user({ from: r.server.userId, to: r.user.id }) },
    }));
    return { user, account, server, relations };
  };

  it('gives the same relations and the same findings', () => {
    const before = model(v0());
    const after = model(v1());
    expect(summary(after)).toEqual(summary(before));
    const found = findings(after);
    expect(found).toEqual(findings(before));
    expect(found.filter((f) => f.startsWith('one-to-one-unique'))).toHaveLength(2);
  });
});
