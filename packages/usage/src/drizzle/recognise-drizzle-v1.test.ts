/**
 * The Drizzle recogniser on drizzle-orm 1.0 (RC) relational queries v2: object `where` filters
 * read as column equalities, and a `through` relation's `with` read as many rows. Snippets
 * compiled against a real drizzle-orm 1.0 schema (installed as drizzle-orm-v1), its model read by
 * @oto/drizzle, each query with its position.
 */
import * as path from 'node:path';
import { check, resolveConfig } from '@oto/core';
import type { Query, UnresolvedQuery } from '@oto/core';
import { loadDrizzleModel } from '@oto/drizzle';
import { installed, tempProjects } from '../../../core/src/testing/temp-projects';
import { readUsage } from '../run-usage';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../../../..');
const V1 = installed('drizzle-orm-v1', path.join(ROOT, 'packages/drizzle'));

const schema = `import { defineRelations, defineRelationsPart, sql } from 'drizzle-orm';
import { integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
export const users = pgTable('app_user', { id: serial('id').primaryKey(), email: text('email').notNull().unique() });
export const profiles = pgTable('profile', { id: serial('id').primaryKey(), userId: integer('user_id').notNull().unique().references(() => users.id) });
export const passports = pgTable('passport', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  number: text('number').notNull(),
  issuedAt: timestamp('issued_at'),
});
export const subscriptions = pgTable('subscription', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  cancelledAt: timestamp('cancelled_at'),
}, (t) => [uniqueIndex('subscription_live_user_id_key').on(t.userId).where(sql\`\${t.cancelledAt} IS NULL\`)]);
export const teams = pgTable('team', { id: serial('id').primaryKey() });
export const memberships = pgTable('membership', {
  userId: integer('user_id').notNull().references(() => users.id),
  teamId: integer('team_id').notNull().references(() => teams.id),
}, (t) => [primaryKey({ columns: [t.userId, t.teamId] })]);
export const relations = defineRelations({ users, profiles, passports, subscriptions }, (r) => ({
  users: {
    profile: r.one.profiles({ from: r.users.id, to: r.profiles.userId }),
    passport: r.one.passports({ from: r.users.id, to: r.passports.userId }),
    liveSubscription: r.one.subscriptions({ from: r.users.id, to: r.subscriptions.userId, where: { cancelledAt: { isNull: true } } }),
  },
  profiles: { user: r.one.users({ from: r.profiles.userId, to: r.users.id, optional: false }) },
  passports: { user: r.one.users({ from: r.passports.userId, to: r.users.id, optional: false }) },
  subscriptions: { user: r.one.users({ from: r.subscriptions.userId, to: r.users.id, optional: false }) },
}));
export const teamRelations = defineRelationsPart({ users, teams, memberships }, (r) => ({
  teams: { members: r.many.users({ from: r.teams.id.through(r.memberships.teamId), to: r.users.id.through(r.memberships.userId) }) },
}));
`;

const db = `import { drizzle } from 'drizzle-orm/node-postgres';
import { relations, teamRelations } from './schema';
export const db = drizzle('postgres://localhost/app', { relations: { ...relations, ...teamRelations } });
`;

const app = `import { sql } from 'drizzle-orm';
import { db } from './db';
const byUser = { userId: 1 } as const;
export const a = (userId: number) => db.query.passports.findFirst({ where: { userId } });
export const b = (id: number) => db.query.passports.findFirst({ where: { userId: { eq: id } }, orderBy: { id: 'desc' } });
export const c = (id: number) => db.query.passports.findMany({ where: { AND: [{ userId: id }, { number: 'x' }] } });
export const d = (id: number) => db.query.passports.findFirst({ where: { userId: id, number: { like: 'x%' } } });
export const e = (id: number) => db.query.passports.findFirst({ where: { OR: [{ userId: id }, { number: 'x' }] } });
export const f = () => db.query.subscriptions.findFirst({ where: { userId: 1, cancelledAt: { isNull: true } } });
export const g = () => db.query.passports.findFirst({ where: { user: { email: 'a@b' } } });
export const h = () => db.query.passports.findFirst({ where: byUser });
export const i = () => db.query.passports.findFirst({ where: { issuedAt: new Date(), NOT: { number: 'x' } } });
export const j = () => db.query.passports.findFirst({ where: { RAW: (t) => sql\`\${t.number} = 'x'\` } });
export const k = () => db.query.users.findFirst({ where: { id: 1 }, with: { profile: true } });
export const l = (id: number) => db.query.passports.findFirst({ where: { userId: { AND: [{ eq: id }, { isNotNull: false }] } } });
export const m = () => db.query.teams.findFirst({ where: { id: 1 }, with: { members: { with: { passport: true } } } });
`;

const cols = (q: Query) => (q.filter ? ` where(${q.filter.equalities.map((c) => `${c.table}.${c.column}`).join(',')}${q.filter.complete ? '' : ',…'})` : '');
const summary = (q: Query) =>
  [`${q.kind} ${q.table} ${q.consumption} @${q.location.line}${cols(q)}`, ...q.reads.map((r) => ` with ${r.path.join('.')}@${r.location.line}:${r.location.column}`), q.ordered ? ' ordered' : ''].join('');
const unresolvedSummary = (u: UnresolvedQuery) => `@${u.location.line}:${u.location.column} ${u.reason}`;

describe('the Drizzle recogniser on drizzle-orm 1.0 relational queries v2', () => {
  const project = tempProjects('usage-drizzle-v1');
  // preserveSymlinks: drizzle-orm is drizzle-orm-v1 linked under its own name, as an app installs it.
  const tsconfig = JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', module: 'commonjs', moduleResolution: 'node', skipLibCheck: true, noEmit: true, preserveSymlinks: true }, include: ['*.ts'] });
  const dir = project('app', { 'schema.ts': schema, 'db.ts': db, 'app.ts': app, 'tsconfig.json': tsconfig }, { 'drizzle-orm': V1, pg: installed('pg', ROOT), '@types/pg': installed('@types/pg', ROOT) });
  let model: ReturnType<typeof loadDrizzleModel>['model'];
  let usage: ReturnType<typeof readUsage>;

  beforeAll(() => {
    model = loadDrizzleModel({ cwd: dir, schemaFiles: ['schema.ts'] }).model;
    usage = readUsage(model, { tsconfig: 'tsconfig.json', cwd: dir });
  }, 180_000);

  it('reads object filters as column equalities, and a through relation as many rows', () => {
    const file = path.join(dir, 'app.ts');
    expect(usage.queries.filter((q) => q.location.file === file).map(summary)).toEqual([
      'select passport first @4 where(passport.user_id)', // { userId }: drizzle's eq
      'select passport first @5 where(passport.user_id) ordered', // { userId: { eq: id } }
      'select passport many @6 where(passport.user_id,passport.number)', // AND keeps its parts
      'select passport first @7 where(passport.user_id,…)', // like narrows by no equality
      'select passport first @8 where(,…)', // OR
      'select subscription first @9 where(subscription.user_id,…)', // isNull
      'select passport first @10 where(,…)', // a relation's filter (EXISTS)
      'select passport first @11 where(passport.user_id)', // through a const
      'select passport first @12 where(,…)', // a Date (an object drizzle reads no entry of), NOT
      'select passport first @13 where(,…)', // RAW
      'select app_user first @14 where(app_user.id) with profile@14:77',
      'select passport first @15 where(passport.user_id)', // a column's AND, isNotNull: false skipped
      'select team first @16 where(team.id) with members@16:77 with members.passport@16:96', // through: many users, then each user's passport
    ]);
    expect(usage.unresolved.map(unresolvedSummary)).toEqual([]);
  });

  it('keyed-by checks work on object filters: a findFirst by the key of a one-to-one lacking its unique, not when ordered', () => {
    const file = path.join(dir, 'app.ts');
    const found = check(model, resolveConfig({}), undefined, usage)
      .diagnostics.filter((d) => d.location.file === file)
      .map((d) => `${d.ruleId}/${d.messageId} @${d.location.line}:${d.location.column}`);
    expect(found).toEqual([
      'usage-unbacked-one-to-one/single-row @4:38', // { userId }: passport.user_id is the key of users.passport, not unique
      'usage-unbacked-one-to-one/single-row @7:34', // the like narrows further, the read is still by that key
      'usage-unbacked-one-to-one/single-row @11:24', // the filter in a const
      'usage-unbacked-one-to-one/single-row @15:34', // a column's AND
      'usage-unbacked-one-to-one/read @16:96', // each member's passport: users.passport, under the through relation
    ]);
    // Ordered (@5), OR (@8), a relation's filter (@10): no finding; the filtered subscriptions (@9) are backed by their partial unique.
  });
});
