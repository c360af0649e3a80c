/**
 * Table tests of the Prisma Client recogniser: snippets compiled against a client that the real
 * `prisma generate` (Prisma 7, the prisma-client generator) writes for the fixture schema, whose
 * model @oto/prisma reads; each query with its position.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPrismaModel } from '@oto/prisma';
import type { Query, UnresolvedQuery } from '@oto/core';
import { installed, tempProjects } from '../../../core/src/testing/temp-projects';
import { readUsage } from '../run-usage';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../../../..');
const PRISMA_CLI = require.resolve('prisma/build/index.js', { paths: [ROOT] });

interface Case {
  readonly name: string;
  readonly code: string;
  readonly queries: readonly string[];
  readonly unresolved?: readonly string[];
}

const summary = (q: Query) =>
  [
    `${q.kind} ${q.table} ${q.consumption} @${q.location.line}:${q.location.column}`,
    q.filter ? ` where(${q.filter.equalities.map((c) => c.column).join(',')}${q.filter.complete ? '' : ',…'})` : '',
    ...q.reads.map((r) => ` read ${r.path.join('.')}@${r.location.line}:${r.location.column}`),
    q.ordered ? ' ordered' : '',
    q.limit !== undefined ? ` take ${q.limit}` : '',
  ].join('');
const unresolvedSummary = (u: UnresolvedQuery) => `@${u.location.line}:${u.location.column} ${u.reason}`;

const HEAD = `import { PrismaClient } from './generated/client';\ndeclare const prisma: PrismaClient;\n`;

const CASES: readonly Case[] = [
  {
    name: 'findFirst, findUnique, findMany with nested include and select',
    code: `${HEAD}export async function f(id: string) {
  const a = await prisma.account.findFirst({ where: { userId: id } });
  const u = await prisma.user.findUnique({ where: { id }, include: { account: true, posts: { include: { author: true } } } });
  return prisma.post.findMany({ select: { id: true, author: { select: { profile: true } } } });
}`,
    queries: [
      'select account first @4:19 where(user_id)',
      'select user one @5:19 where(id) read account@5:70 read posts@5:85 read posts.author@5:105',
      'select post many @6:10 read author@6:53 read author.profile@6:73',
    ],
  },
  {
    name: 'where forms: equals, a compound unique, AND, and the partial ones (OR, operators, relation filters)',
    code: `${HEAD}export const a = prisma.account.findFirst({ where: { userId: { equals: 'x' }, AND: [{ provider: 'github' }] } });
export const b = prisma.account.findUnique({ where: { userId_provider: { userId: 'x', provider: 'github' } } });
export const c = prisma.post.findFirst({ where: { OR: [{ id: 1 }, { id: 2 }] }, orderBy: { id: 'desc' } });
export const d = prisma.post.findMany({ where: { authorId: { in: ['a'] } }, take: 1 });
export const e = prisma.post.findFirst({ where: { author: { email: 'x' } } });`,
    queries: [
      'select account first @3:18 where(user_id,provider)',
      'select account one @4:18 where(user_id,provider)',
      'select post first @5:18 where(,…) ordered',
      'select post first @6:18 where(,…) take 1',
      'select post first @7:18 where(,…)',
    ],
  },
  {
    name: 'writes, a $transaction client, [0] of findMany, an include key that is no relation',
    code: `${HEAD}export async function w(id: string) {
  await prisma.$transaction(async (tx) => {
    await tx.post.updateMany({ where: { authorId: id }, data: { id: 1 } });
    await tx.account.delete({ where: { id } });
  });
  const [first] = await prisma.post.findMany({ where: { authorId: id } });
  return prisma.user.findMany({ include: { accounts: true } as never });
}`,
    queries: ['update post many @5:11 where(author_id)', 'delete account many @6:11 where(id)', 'select post first @8:25 where(author_id)'],
    unresolved: ['@9:10 include key accounts is no relation of User'],
  },
  {
    name: 'an $extends-ed client: the delegate by the client property, as Prisma resolves it',
    code: `${HEAD}const xprisma = prisma.$extends({ result: { user: { label: { needs: { email: true }, compute: (u) => u.email } } } });
export const x = xprisma.user.findFirst({ where: { email: 'a' }, include: { profile: true } });`,
    queries: ['select user first @4:18 where(email) read profile@4:77'],
  },
];

describe('the Prisma Client recogniser', () => {
  const project = tempProjects('usage-prisma');
  const files: Record<string, string> = {
    'schema.prisma': fs.readFileSync(path.join(__dirname, '__fixtures__/schema.prisma'), 'utf8'),
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', module: 'commonjs', moduleResolution: 'node', skipLibCheck: true, noEmit: true }, include: ['*.ts'] }),
  };
  CASES.forEach((c, i) => (files[`case-${i}.ts`] = c.code));
  const dir = project('app', files, { '@prisma/client': installed('@prisma/client', ROOT) });
  let usage: ReturnType<typeof readUsage>;

  beforeAll(async () => {
    const run = spawnSync(process.execPath, [PRISMA_CLI, 'generate', '--schema', 'schema.prisma'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, CI: '1' },
      timeout: 120_000,
    });
    if (run.status !== 0) throw new Error(`prisma generate failed: ${run.stderr}`);
    const { model } = await loadPrismaModel({ schema: 'schema.prisma', cwd: dir });
    usage = readUsage(model, { tsconfig: 'tsconfig.json', cwd: dir });
  }, 180_000);

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', (_, c, i) => {
    const file = path.join(dir, `case-${i}.ts`);
    expect(usage.queries.filter((q) => q.location.file === file).map(summary)).toEqual(c.queries);
    expect(usage.unresolved.filter((u) => u.location.file === file).map(unresolvedSummary)).toEqual(c.unresolved ?? []);
  });
});
