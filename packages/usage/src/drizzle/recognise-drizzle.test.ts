/**
 * Table tests of the Drizzle recogniser: snippets compiled against the fixture app (a real
 * drizzle-orm 0.45 schema, its model read by @oto/drizzle), each query with its position.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadDrizzleModel } from '@oto/drizzle';
import type { Query, UnresolvedQuery } from '@oto/core';
import { installed, tempProjects } from '../../../core/src/testing/temp-projects';
import { readUsage } from '../run-usage';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const FIXTURE = path.join(__dirname, '__fixtures__/app');
const ROOT = path.resolve(__dirname, '../../../..');

interface Case {
  readonly name: string;
  readonly code: string;
  /** Each query: `kind table consumption @line:column`, then its parts. */
  readonly queries: readonly string[];
  readonly unresolved?: readonly string[];
}

const cols = (q: Query) => (q.filter ? ` where(${q.filter.equalities.map((c) => `${c.table}.${c.column}`).join(',')}${q.filter.complete ? '' : ',…'})` : '');
const summary = (q: Query) =>
  [
    `${q.kind} ${q.table} ${q.consumption} @${q.location.line}:${q.location.column}${cols(q)}`,
    ...q.reads.map((r) => ` with ${r.path.join('.')}@${r.location.line}:${r.location.column}`),
    ...q.joins.map((j) => ` ${j.kind} ${j.table}(${j.on.map((p) => `${p.right.column}=${p.left.table}.${p.left.column}`).join(',')}${j.partial ? ',…' : ''})@${j.location.line}:${j.location.column}`),
    q.ordered ? ' ordered' : '',
    q.limit !== undefined ? ` limit ${q.limit}` : '',
  ].join('');
const unresolvedSummary = (u: UnresolvedQuery) => `@${u.location.line}:${u.location.column} ${u.reason}`;

const CASES: readonly Case[] = [
  {
    name: 'findFirst by the foreign key, findMany with nested with',
    code: `import { db, account } from './db';
import { eq } from 'drizzle-orm';
export async function f(id: string) {
  const a = await db.query.account.findFirst({ where: eq(account.userId, id) });
  return db.query.post.findMany({
    with: { author: { with: { account: true, profile: true } } },
  });
}`,
    queries: ['select account first @4:19 where(account.user_id)', 'select post many @5:10 with author@6:13 with author.account@6:31 with author.profile@6:46'],
  },
  {
    name: 'the callback where, orderBy and limit',
    code: `import { db } from './db';
export const g = (id: string) =>
  db.query.post.findMany({ where: (p, { eq }) => eq(p.authorId, id), orderBy: (p, { desc }) => [desc(p.id)], limit: 1 });`,
    queries: ['select post first @3:3 where(post.author_id) ordered limit 1'],
  },
  {
    name: 'select builder with a join, destructured as one row',
    code: `import { db, user, account } from './db';
import { and, eq } from 'drizzle-orm';
export async function h(id: string) {
  const [row] = await db.select().from(user).innerJoin(account, eq(account.userId, user.id)).where(and(eq(user.id, id), eq(account.provider, 'github')));
  return row;
}`,
    queries: ['select user first @4:23 where(user.id,account.provider) inner account(user_id=user.id)@4:46'],
  },
  {
    name: 'update and delete keyed by a column; (await …)[0] and .then((r) => r[0])',
    code: `import { db, account, post } from './db';
import { eq } from 'drizzle-orm';
export async function k(id: string) {
  await db
    .update(account)
    .set({ provider: 'x' })
    .where(eq(account.userId, id));
  await db.delete(post).where(eq(post.authorId, id));
  const first = (await db.select().from(post).where(eq(post.authorId, id)))[0];
  const second = await db.select().from(account).where(eq(account.userId, id)).then((r) => r[0]);
  return [first, second];
}`,
    queries: [
      'update account many @4:9 where(account.user_id)',
      'delete post many @8:9 where(post.author_id)',
      'select post first @9:24 where(post.author_id)',
      'select account first @10:24 where(account.user_id)',
    ],
  },
  {
    name: 'import aliases, a db from a helper, a transaction tx, a table alias',
    code: `import { getDb, account as acc, user } from './db';
import { eq as equals } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
const owner = alias(user, 'owner');
export async function m(id: string) {
  await getDb().transaction(async (tx) => {
    await tx.update(acc).set({ provider: 'y' }).where(equals(acc.userId, id));
  });
  return getDb().select().from(owner).where(equals(owner.email, id)).limit(1);
}`,
    queries: ['update account many @7:11 where(account.user_id)', 'select user first @9:10 where(user.email) limit 1'],
  },
  {
    name: 'not a query: a type, an array method named like one, a with key that is no relation (unresolved)',
    code: `import { db } from './db';
type Q = Parameters<typeof db.query.user.findFirst>[0];
const list = [1, 2].map((x) => x).find((x) => x > 1);
export const q: Q = undefined;
export const n = db.query.user.findMany({ with: { accounts: true } });
export { list };`,
    queries: [],
    unresolved: ['@5:18 with key accounts is no relation of user'],
  },
  {
    name: 'filters oto keeps as partial: or, inArray, a condition in a variable',
    code: `import { db, post, user } from './db';
import { eq, inArray, or } from 'drizzle-orm';
const cond = eq(post.id, 1);
export const a = db.select().from(post).where(or(eq(post.id, 1), eq(post.authorId, 'x')));
export const b = db.select().from(user).where(inArray(user.id, ['a']));
export const c = db.select().from(post).where(cond);`,
    queries: ['select post many @4:18 where(,…)', 'select user many @5:18 where(,…)', 'select post many @6:18 where(,…)'],
  },
  {
    name: 'with through a const, a column chosen at run time, a correlated subquery over the outer table',
    code: `import { db, post, user, account } from './db';
import { and, eq, exists } from 'drizzle-orm';
const authorWith = { with: { author: { with: { account: true } } } } as const;
export const a = (kind: 'id' | 'authorId') => db.query.post.findMany({ where: eq(post[kind], 1 as never), ...{}, with: authorWith.with });
export const b = db.query.user.findMany({
  where: (u) => exists(db.select().from(account).where(and(eq(account.userId, u.id), eq(account.provider, 'github')))),
});`,
    queries: [
      'select post many @4:47 where(,…) with author@3:30 with author.account@3:48',
      'select user many @5:18 where(,…)',
      'select account many @6:24 where(account.provider,…)',
    ],
  },
];

describe('the Drizzle recogniser', () => {
  const project = tempProjects('usage-drizzle');
  const files: Record<string, string> = Object.fromEntries(fs.readdirSync(FIXTURE).map((f) => [f, fs.readFileSync(path.join(FIXTURE, f), 'utf8')]));
  CASES.forEach((c, i) => (files[`case-${i}.ts`] = c.code));
  const dir = project('app', files, { 'drizzle-orm': installed('drizzle-orm', ROOT), pg: installed('pg', ROOT), '@types/pg': installed('@types/pg', ROOT) });
  let usage: ReturnType<typeof readUsage>;

  beforeAll(() => {
    const { model } = loadDrizzleModel({ cwd: dir, schemaFiles: ['schema.ts'] });
    usage = readUsage(model, { tsconfig: 'tsconfig.json', cwd: dir });
  }, 180_000);

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', (_, c, i) => {
    const file = path.join(dir, `case-${i}.ts`);
    expect(usage.queries.filter((q) => q.location.file === file).map(summary)).toEqual(c.queries);
    expect(usage.unresolved.filter((u) => u.location.file === file).map(unresolvedSummary)).toEqual(c.unresolved ?? []);
  });

  it('finds no query in the schema and the db module', () => {
    expect(usage.queries.filter((q) => !path.basename(q.location.file).startsWith('case-'))).toEqual([]);
    expect(usage.files).toBe(CASES.length + 2);
  });
});

describe('the Drizzle recogniser where the types degrade to any', () => {
  const project = tempProjects('usage-drizzle-any');
  // A self-reference without its AnyPgColumn annotation: without noImplicitAny, tsc says nothing and the table is `any`.
  const schema = `import { relations } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
export const node = pgTable('node', { id: text('id').primaryKey(), parentId: text('parent_id').references(() => node.id) });
export const badge = pgTable('badge', { id: text('id').primaryKey(), nodeId: text('node_id').notNull().references(() => node.id) });
export const nodeRelations = relations(node, ({ one }) => ({ badge: one(badge, { fields: [node.id], references: [badge.nodeId] }) }));
export const badgeRelations = relations(badge, ({ one }) => ({ node: one(node, { fields: [badge.nodeId], references: [node.id] }) }));
`;
  const app = `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import * as schema from './schema';
import { badge, node } from './schema';
const db = drizzle('postgres://localhost/app', { schema });
export const a = db.query.node.findMany({ with: { badge: true } });
export const b = db.update(node).set({ parentId: null }).where(eq(node.parentId, 'x'));
export const c = db.delete(badge).where(eq(badge.nodeId, 'x'));
`;
  const dir = project('app', { 'schema.ts': schema, 'app.ts': app, 'tsconfig.json': JSON.stringify({ compilerOptions: { strict: false, target: 'es2022', module: 'commonjs', moduleResolution: 'node', skipLibCheck: true }, include: ['*.ts'] }) }, { 'drizzle-orm': installed('drizzle-orm', ROOT), pg: installed('pg', ROOT), '@types/pg': installed('@types/pg', ROOT) });

  // `node` and its columns are `any` here (`badge` keeps its types): update(node) and node.parentId resolve through the declaration.
  it('reads what drizzle reads at run time: the schema key, the relations of that table, the name given to pgTable', () => {
    const { model } = loadDrizzleModel({ cwd: dir, schemaFiles: ['schema.ts'] });
    const usage = readUsage(model, { tsconfig: 'tsconfig.json', cwd: dir });
    const file = path.join(dir, 'app.ts');
    expect(usage.queries.filter((q) => q.location.file === file).map(summary)).toEqual([
      'select node many @6:18 with badge@6:51',
      'update node many @7:18 where(node.parent_id)',
      'delete badge many @8:18 where(badge.node_id)',
    ]);
    expect(usage.unresolved).toEqual([]);
  }, 180_000);
});
