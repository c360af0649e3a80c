/**
 * Table tests of the raw SQL recogniser: snippets compiled against the Drizzle fixture app (its
 * model read by @oto/drizzle), node-postgres and TypeORM, each query with its position; PostgreSQL
 * through libpg-query, MySQL and SQLite through node-sql-parser.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadDrizzleModel } from '@oto/drizzle';
import type { Dialect, Query, SchemaModel, UnresolvedQuery } from '@oto/core';
import { installed, tempProjects } from '../../../core/src/testing/temp-projects';
import { readUsage } from '../run-usage';
import { loadSqlParser } from './sql-parser';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const FIXTURE = path.join(__dirname, '../drizzle/__fixtures__/app');
const ROOT = path.resolve(__dirname, '../../../..');

interface Case {
  readonly name: string;
  readonly dialect: Dialect;
  readonly code: string;
  /** Each query: `kind table consumption @line:column`, then its parts. */
  readonly queries: readonly string[];
  readonly unresolved?: readonly string[];
}

const cols = (q: Query) => (q.filter ? ` where(${q.filter.equalities.map((c) => `${c.table}.${c.column}`).join(',')}${q.filter.complete ? '' : ',…'})` : '');
const summary = (q: Query) =>
  [
    `${q.orm} ${q.kind} ${q.table} ${q.consumption} @${q.location.line}:${q.location.column}${cols(q)}`,
    ...q.joins.map((j) => ` ${j.kind} ${j.table}(${j.on.map((p) => `${p.right.column}=${p.left.table}.${p.left.column}`).join(',')}${j.partial ? ',…' : ''})`),
    q.ordered ? ' ordered' : '',
    q.limit !== undefined ? ` limit ${q.limit}` : '',
  ].join('');
const unresolvedSummary = (u: UnresolvedQuery) => `@${u.location.line}:${u.location.column} ${u.reason}`;

/** A client with Prisma Client's raw members (the recogniser knows a client by them, as at run time). */
const PRISMA = `declare const prisma: {
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
};
`;

const CASES: readonly Case[] = [
  {
    name: 'PostgreSQL, Drizzle: db.execute(sql`…`) with holes as $n, rows[] bindings, a join with LIMIT 1, a schema-qualified UPDATE',
    dialect: 'postgresql',
    code: `import { db } from './db';
import { sql } from 'drizzle-orm';
export async function f(id: string) {
  const { rows: [a] } = await db.execute(sql\`SELECT * FROM account WHERE user_id = \${id}\`);
  const b = await db.execute(sql\`select u.id from "user" u join account a on a.user_id = u.id where u.email = \${id} limit 1\`);
  await db.execute(sql\`UPDATE public.account SET provider = 'x' WHERE user_id = \${id}\`);
  return [a, b];
}`,
    queries: [
      'sql select account first @4:31 where(account.user_id)',
      'sql select user first @5:19 where(user.email) inner account(user_id=user.id) limit 1',
      'sql update account many @6:9 where(account.user_id)',
    ],
  },
  {
    name: 'PostgreSQL, node-postgres: Pool and PoolClient query(), (await …).rows[0], an alias, a cast parameter, AND',
    dialect: 'postgresql',
    code: `import { Pool } from 'pg';
const pool = new Pool();
export async function g(id: string) {
  const r = (await pool.query('SELECT * FROM profile p WHERE p.user_id = $1::text', [id])).rows[0];
  const client = await pool.connect();
  await client.query('DELETE FROM account WHERE user_id = $1 AND provider = $2', [id, 'github']);
  const all = await pool.query(\`SELECT * FROM post WHERE author_id = $1 OR id = $2\`, [id, 1]);
  return [r, all];
}`,
    queries: [
      'sql select profile first @4:20 where(profile.user_id)',
      'sql delete account many @6:9 where(account.user_id,account.provider)',
      'sql select post many @7:21 where(,…)',
    ],
  },
  {
    name: 'PostgreSQL, TypeORM: DataSource, EntityManager and QueryRunner query(), [row] and ORDER BY, a loop over literal statements (a migration)',
    dialect: 'postgresql',
    code: `import { DataSource } from 'typeorm';
declare const ds: DataSource;
export async function h(id: string) {
  const [row] = await ds.query('SELECT * FROM account WHERE user_id = $1 ORDER BY id DESC', [id]);
  const first = (await ds.manager.query('SELECT * FROM account a LEFT JOIN "user" u ON u.id = a.user_id WHERE a.id = $1', [id]))[0];
  await ds.createQueryRunner().query('UPDATE account SET provider = $1 WHERE user_id = $2', ['x', id]);
  for (const statement of ['CREATE TABLE t (id int)', \`DELETE FROM post WHERE author_id = 'x'\`]) await ds.query(statement);
  return [row, first];
}`,
    queries: [
      'sql select account first @4:23 where(account.user_id) ordered',
      'sql select account first @5:24 where(account.id) left user(id=account.user_id)',
      'sql update account many @6:9 where(account.user_id)',
      'sql delete post many @7:104 where(post.author_id)',
    ],
  },
  {
    name: 'PostgreSQL, Prisma Client: $queryRaw and $executeRaw tagged, $queryRawUnsafe with a constant',
    dialect: 'postgresql',
    code: `${PRISMA}const BY_USER = 'SELECT * FROM account WHERE user_id = $1';
export async function p(id: string) {
  const [a] = await prisma.$queryRaw<unknown[]>\`SELECT * FROM account WHERE user_id = \${id}\`;
  await prisma.$executeRaw\`DELETE FROM account WHERE user_id = \${id}\`;
  return [a, await prisma.$queryRawUnsafe(BY_USER, id)];
}`,
    queries: ['sql select account first @9:21 where(account.user_id)', 'sql delete account many @10:9 where(account.user_id)', 'sql select account many @11:20 where(account.user_id)'],
  },
  {
    name: 'what is not read is counted, never guessed: a string built at run time, ${} in a string, SQL in a hole, a syntax error, an unknown table; INSERT is no query',
    dialect: 'postgresql',
    code: `import { Pool } from 'pg';
import { sql } from 'drizzle-orm';
import { db, account } from './db';
const pool = new Pool();
export async function u(text: string, id: string) {
  await pool.query(text);
  await pool.query(\`SELECT * FROM account WHERE user_id = '\${id}'\`);
  await db.execute(sql\`SELECT * FROM \${account} WHERE user_id = \${id}\`);
  await pool.query('SELEC * FROM account');
  await pool.query('SELECT * FROM nowhere WHERE id = $1', [id]);
  await pool.query('INSERT INTO account (id, user_id, provider) VALUES ($1, $2, $3)', [id, id, 'x']);
  const built = sql\`SELECT * FROM account WHERE user_id = \${id}\`;
  await db.execute(built);
  await db.execute(sql\`SELECT 1\`);
}`,
    queries: [],
    unresolved: [
      '@6:9 raw SQL that is no literal string: not read',
      '@7:9 raw SQL built with ${…} in a string (not parameters): not read',
      '@8:9 raw SQL with a table, column or SQL fragment in a hole: its text is not known before run time',
      '@9:9 raw SQL that PostgreSQL\'s parser rejects (syntax error at or near "SELEC")',
      '@10:9 raw SQL: nowhere is no table of the schema',
      '@13:9 raw SQL built elsewhere (an SQL value, not a sql`…` here): not read',
    ],
  },
  {
    name: 'MySQL: holes as ?, backquoted names, LIMIT 1, UPDATE',
    dialect: 'mysql',
    code: `${PRISMA}export async function m(id: string) {
  const a = await prisma.$queryRaw<unknown[]>\`SELECT * FROM \\\`account\\\` a INNER JOIN profile p ON p.user_id = a.user_id WHERE a.user_id = \${id} LIMIT 1\`;
  await prisma.$executeRawUnsafe('UPDATE account SET provider = ? WHERE user_id = ?', 'x', id);
  return a;
}`,
    queries: ['sql select account first @8:19 where(account.user_id) inner profile(user_id=account.user_id) limit 1', 'sql update account many @9:9 where(account.user_id)'],
  },
  {
    name: 'SQLite: DELETE under AND, [x] of an ordered read, a string the parser rejects counted',
    dialect: 'sqlite',
    code: `${PRISMA}export async function s(id: string) {
  await prisma.$executeRaw\`DELETE FROM account WHERE user_id = \${id} AND provider = 'github'\`;
  const [x] = await prisma.$queryRawUnsafe<unknown[]>('SELECT * FROM post WHERE author_id = ? ORDER BY id', id);
  await prisma.$queryRawUnsafe('SELECT FROM WHERE');
  return x;
}`,
    queries: ['sql delete account many @8:9 where(account.user_id,account.provider)', 'sql select post first @9:21 where(post.author_id) ordered'],
    unresolved: ['@10:9 raw SQL that the sqlite parser rejects'],
  },
];

describe('the raw SQL recogniser', () => {
  const project = tempProjects('usage-raw-sql');
  const files: Record<string, string> = Object.fromEntries(fs.readdirSync(FIXTURE).map((f) => [f, fs.readFileSync(path.join(FIXTURE, f), 'utf8')]));
  CASES.forEach((c, i) => (files[`case-${i}.ts`] = c.code));
  // A program per dialect, of its own cases: the MySQL and SQLite ones import nothing, and a
  // program without drizzle-orm's, pg's and TypeORM's declarations is a second, not eight.
  const DIALECTS = [...new Set(CASES.map((c) => c.dialect))];
  for (const dialect of DIALECTS.filter((d) => d !== 'postgresql')) {
    const own = CASES.flatMap((c, i) => (c.dialect === dialect ? [`case-${i}.ts`] : []));
    files[`tsconfig.${dialect}.json`] = JSON.stringify({ extends: './tsconfig.json', include: [], files: own });
  }
  const dir = project('app', files, {
    'drizzle-orm': installed('drizzle-orm', ROOT),
    pg: installed('pg', ROOT),
    '@types/pg': installed('@types/pg', ROOT),
    typeorm: installed('typeorm', path.join(ROOT, 'packages/typeorm')),
    'reflect-metadata': installed('reflect-metadata', ROOT),
  });
  const usage = new Map<Dialect, ReturnType<typeof readUsage>>();

  beforeAll(async () => {
    const { model } = loadDrizzleModel({ cwd: dir, schemaFiles: ['schema.ts'] });
    for (const dialect of DIALECTS) {
      const dialectModel: SchemaModel = { ...model, dialect };
      const tsconfig = dialect === 'postgresql' ? 'tsconfig.json' : `tsconfig.${dialect}.json`;
      usage.set(dialect, readUsage(dialectModel, { tsconfig, cwd: dir }, await loadSqlParser(dialect)));
    }
  }, 180_000);

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', (_, c, i) => {
    const file = path.join(dir, `case-${i}.ts`);
    const facts = usage.get(c.dialect)!;
    expect(facts.queries.filter((q) => q.orm === 'sql' && q.location.file === file).map(summary)).toEqual(c.queries);
    // The parser's own message follows the expected prefix: only the prefix is pinned.
    const unresolved = facts.unresolved.filter((u) => u.location.file === file).map(unresolvedSummary);
    expect(unresolved.map((u, k) => (c.unresolved?.[k] !== undefined && u.startsWith(c.unresolved[k]!) ? c.unresolved[k] : u))).toEqual(c.unresolved ?? []);
  });
});
