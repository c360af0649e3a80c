/**
 * Latency of the generated one-to-one accessors against the ORM's own single-row read of the same
 * row, on embedded PGlite: Drizzle (`db.query.*.findFirst`), TypeORM (`findOne`, through PGlite's
 * socket server) and Prisma (`findUnique`, through @prisma/adapter-pg and the socket server). The
 * examples' accessor modules are loaded as the user's code is, with oto's TypeScript loader.
 * Target: ratio at most 1.05.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPglite, openReplayTarget } from '@oto/database';
import { withModuleLoader } from '@oto/loader';
import { compare, row } from './measure';

const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const EXAMPLES = path.resolve(__dirname, '../../examples');
const TARGET = 1.05;

/** `CALLS` sequential calls: one sample. */
const times = (fn: () => Promise<unknown>) => async () => {
  for (let i = 0; i < CALLS; i++) await fn();
};

type Module = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- modules loaded at run time

async function drizzle(): Promise<string> {
  const cwd = path.join(EXAMPLES, 'drizzle');
  return withModuleLoader({ cwd, stubs: [] }, async (loader) => {
    const schema = loader.load(path.join(cwd, 'src/pg/schema.ts')) as Module;
    const accessors = loader.load(path.join(cwd, 'src/pg/oto-accessors.ts')) as Module;
    const { drizzle: connect } = require('drizzle-orm/pglite') as Module;
    const { migrate } = require('drizzle-orm/pglite/migrator') as Module;
    const { eq } = require('drizzle-orm') as Module;
    const client = await createPglite();
    const db = connect({ client, schema });
    await migrate(db, { migrationsFolder: path.join(cwd, 'migrations/pg') });
    const [user] = await db.insert(schema.users).values({ email: 'a@example.com' }).returning();
    await db.insert(schema.profiles).values({ userId: user.id, bio: 'hi' });
    const r = await compare(
      RUNS,
      times(() => accessors.usersProfile(db, user.id)),
      times(() => db.query.profiles.findFirst({ where: eq(schema.profiles.userId, user.id) })),
    );
    await client.close();
    return row(`drizzle usersProfile vs query.findFirst (×${CALLS})`, r, TARGET);
  });
}

async function typeorm(): Promise<string> {
  const cwd = path.join(EXAMPLES, 'typeorm');
  return withModuleLoader({ cwd, stubs: [] }, async (loader) => {
    require('reflect-metadata');
    const { DataSource } = require(require.resolve('typeorm', { paths: [cwd] })) as Module;
    const entities = ['company', 'driver', 'order', 'student', 'user'].flatMap((f) => Object.values(loader.load(path.join(cwd, `src/entity/${f}.ts`)) as Module));
    const accessors = loader.load(path.join(cwd, 'src/oto-accessors.ts')) as Module;
    const { User, Profile } = loader.load(path.join(cwd, 'src/entity/user.ts')) as Module;
    const target = await openReplayTarget({ dialect: 'postgresql', cwd });
    const db = new DataSource({ type: 'postgres', url: await target.url(), poolSize: 1, entities, synchronize: true });
    await db.initialize();
    const user = await db.getRepository(User).save({ email: 'a@example.com' });
    await db.getRepository(Profile).insert({ userId: user.id, bio: 'hi' });
    const r = await compare(
      RUNS,
      times(() => accessors.userProfile(db, user.id)),
      times(() => db.getRepository(Profile).findOne({ where: { userId: user.id } })),
    );
    await db.destroy();
    await target.close();
    return row(`typeorm userProfile vs findOne (×${CALLS})`, r, TARGET);
  });
}

async function prisma(): Promise<string> {
  const cwd = path.join(EXAMPLES, 'prisma');
  return withModuleLoader({ cwd, stubs: [] }, async (loader) => {
    const { PrismaClient } = loader.load(path.join(cwd, 'generated/client/client.ts')) as Module;
    const { otoAccessors } = loader.load(path.join(cwd, 'generated/oto/accessors.ts')) as Module;
    const { PrismaPg } = require(require.resolve('@prisma/adapter-pg', { paths: [cwd] })) as Module;
    const target = await openReplayTarget({ dialect: 'postgresql', cwd });
    await target.client.exec(fs.readFileSync(path.join(cwd, 'prisma/migrations/0_init/migration.sql'), 'utf8'));
    const base = new PrismaClient({ adapter: new PrismaPg({ connectionString: await target.url(), max: 1 }) });
    const db = base.$extends(otoAccessors);
    const user = await db.user.create({ data: { email: 'a@example.com', profile: { create: { bio: 'hi' } } } });
    const r = await compare(
      RUNS,
      times(() => db.user.profileOf(user.id)),
      times(() => db.profile.findUnique({ where: { userId: user.id } })),
    );
    await base.$disconnect();
    await target.close();
    return row(`prisma user.profileOf vs findUnique (×${CALLS})`, r, TARGET);
  });
}

async function main(): Promise<void> {
  console.log(`One-to-one accessors against the ORM's own read of the same row, on PGlite (median of ${RUNS} runs of ${CALLS} calls):`);
  for (const bench of [drizzle, typeorm, prisma]) console.log(await bench());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
