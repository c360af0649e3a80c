/**
 * Table tests of the TypeORM recogniser: snippets compiled against fixture entities whose model
 * @oto/typeorm reads from their DataSource (TypeORM 1.x, without connecting); each query with its position.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadTypeormModel } from '@oto/typeorm';
import type { Query, UnresolvedQuery } from '@oto/core';
import { installed, tempProjects } from '../../../core/src/testing/temp-projects';
import { readUsage } from '../run-usage';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const FIXTURE = path.join(__dirname, '__fixtures__');
const ROOT = path.resolve(__dirname, '../../../..');

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
    ...q.joins.map((j) => ` ${j.kind} ${j.table}(${j.on.map((p) => `${p.right.column}=${p.left.table}.${p.left.column}`).join(',')})${j.equalities ? `+(${j.equalities.map((c) => c.column).join(',')})` : ''}${j.partial ? '…' : ''}@${j.location.line}:${j.location.column}`),
  ].join('');
const unresolvedSummary = (u: UnresolvedQuery) => `@${u.location.line}:${u.location.column} ${u.reason}`;

const HEAD = `import { Equal, In, IsNull, Repository } from 'typeorm';
import { AppDataSource } from './data-source';
import { Post } from './entity/post';
import { Profile } from './entity/profile';
import { User } from './entity/user';
`;

const CASES: readonly Case[] = [
  {
    name: 'a repository from getRepository: findOne with relations (array and object), findOneBy, find',
    code: `${HEAD}const users = AppDataSource.getRepository(User);
export async function f(id: string) {
  const a = await users.findOne({ where: { id }, relations: ['profile', 'posts.author'] });
  const b = await users.findOne({ where: { email: Equal('x') }, relations: { posts: { author: true } } });
  const c = await AppDataSource.getRepository(Profile).findOneBy({ userId: id });
  return [a, b, c, await users.find({ order: { email: 'ASC' } })];
}`,
    queries: [
      'select app_user first @8:19 where(id) read profile@8:62 read posts@8:73 read posts.author@8:73',
      'select app_user first @9:19 where(email) read posts@9:78 read posts.author@9:87',
      'select profile first @10:19 where(user_id)',
      'select app_user many @11:26 ordered',
    ],
  },
  {
    name: 'a relation pinned by its referenced column is its join column; operators and OR are partial',
    code: `${HEAD}export class Service {
  constructor(private readonly profiles: Repository<Profile>) {}
  byUser(id: string) { return this.profiles.findOne({ where: { user: { id } } }); }
  some() { return this.profiles.findOneBy({ userId: In(['a']) }); }
  either() { return this.profiles.findOne({ where: [{ userId: 'a' }, { bio: 'b' }] }); }
  none() { return this.profiles.findOneBy({ bio: IsNull() }); }
}`,
    queries: ['select profile first @8:31 where(user_id)', 'select profile first @9:19 where(,…)', 'select profile first @10:21 where(,…)', 'select profile first @11:19 where(,…)'],
  },
  {
    name: 'EntityManager calls with the entity class, BaseEntity statics, update and delete, an unknown relation',
    code: `${HEAD}export async function m(id: string) {
  const manager = AppDataSource.manager;
  await manager.findOne(Profile, { where: { userId: id }, relations: { user: true } });
  await manager.update(Profile, { userId: id }, { bio: 'x' });
  await Post.findOneBy({ authorId: id });
  await AppDataSource.getRepository(Post).delete(7);
  return manager.find(User, { relations: ['accounts'] });
}`,
    queries: [
      'select profile first @8:9 where(user_id) read user@8:72',
      'update profile many @9:9 where(user_id)',
      'select post first @10:9 where(author_id)',
      'delete post many @11:9 where(id)',
    ],
    unresolved: ['@12:10 relation accounts is no relation of User'],
  },
  {
    name: 'QueryBuilder: a relation path join, an entity join on a condition, where/andWhere, getOne, take(1), orWhere',
    code: `${HEAD}const users = AppDataSource.getRepository(User);
export const a = users.createQueryBuilder('u').leftJoinAndSelect('u.profile', 'p').where('u.id = :id', { id: 'x' }).getOne();
export const b = users
  .createQueryBuilder('u')
  .innerJoin(Post, 'post', 'post.authorId = u.id AND post.id = :pid')
  .where('u.email = :email')
  .andWhere('u.id = :id')
  .take(1)
  .getMany();
export const c = AppDataSource.manager.createQueryBuilder(Profile, 'p').where('p.userId = :u').orWhere('p.bio = :b').getOne();
export const d = users.createQueryBuilder('u').where('lower(u.email) = :e').getMany();`,
    queries: [
      'select app_user first @7:18 where(id) read profile@7:66',
      'select app_user first @8:18 where(email,id) take 1 inner post(author_id=app_user.id)+(id)@10:4',
      'select profile first @15:18 where(user_id,…)',
      'select app_user many @16:18 where(,…)',
    ],
  },
];

describe('the TypeORM recogniser', () => {
  const project = tempProjects('usage-typeorm');
  const files: Record<string, string> = {};
  const copy = (rel: string) => {
    for (const f of fs.readdirSync(path.join(FIXTURE, rel), { withFileTypes: true })) {
      const r = path.join(rel, f.name);
      if (f.isDirectory()) copy(r);
      else files[r] = fs.readFileSync(path.join(FIXTURE, r), 'utf8');
    }
  };
  copy('');
  CASES.forEach((c, i) => (files[`case-${i}.ts`] = c.code));
  const dir = project('app', files, { typeorm: installed('typeorm', path.join(ROOT, 'packages/typeorm')), 'reflect-metadata': installed('reflect-metadata', ROOT) });
  let usage: ReturnType<typeof readUsage>;

  beforeAll(async () => {
    const { model } = await loadTypeormModel({ cwd: dir, dataSource: 'data-source.ts' });
    usage = readUsage(model, { tsconfig: 'tsconfig.json', cwd: dir });
  }, 180_000);

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', (_, c, i) => {
    const file = path.join(dir, `case-${i}.ts`);
    expect(usage.queries.filter((q) => q.location.file === file).map(summary)).toEqual(c.queries);
    expect(usage.unresolved.filter((u) => u.location.file === file).map(unresolvedSummary)).toEqual(c.unresolved ?? []);
  });
});
