/**
 * Latency of the generated one-to-one accessors against the ORM's own single-row read of the same
 * row, on embedded PGlite: Drizzle (`db.query.*.findFirst`), TypeORM (`findOne`, through PGlite's
 * socket server) and Prisma (`findUnique`, through @prisma/adapter-pg and the socket server). The
 * examples' accessor modules are loaded as the user's code is, with oto's TypeScript loader.
 * Target: ratio at most 1.05.
 */
import * as path from 'node:path';
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
    const { db, close } = await (loader.load(path.join(cwd, 'src/pg/accessors-demo.ts')) as Module).openDatabase();
    const { eq } = require('drizzle-orm') as Module;
    const [user] = await db.insert(schema.users).values({ email: 'a@example.com' }).returning();
    await db.insert(schema.profiles).values({ userId: user.id, bio: 'hi' });
    const r = await compare(
      RUNS,
      times(() => accessors.usersProfile(db, user.id)),
      times(() => db.query.profiles.findFirst({ where: eq(schema.profiles.userId, user.id) })),
    );
    await close();
    return row(`drizzle usersProfile vs query.findFirst (×${CALLS})`, r, TARGET);
  });
}

async function typeorm(): Promise<string> {
  const cwd = path.join(EXAMPLES, 'typeorm');
  return withModuleLoader({ cwd, stubs: [] }, async (loader) => {
    const accessors = loader.load(path.join(cwd, 'src/oto-accessors.ts')) as Module;
    const { User, Profile } = loader.load(path.join(cwd, 'src/entity/user.ts')) as Module;
    const { db, close } = await (loader.load(path.join(cwd, 'src/accessors-demo.ts')) as Module).openDatabase();
    const user = await db.getRepository(User).save({ email: 'a@example.com' });
    await db.getRepository(Profile).insert({ userId: user.id, bio: 'hi' });
    const r = await compare(
      RUNS,
      times(() => accessors.userProfile(db, user.id)),
      times(() => db.getRepository(Profile).findOne({ where: { userId: user.id } })),
    );
    await close();
    return row(`typeorm userProfile vs findOne (×${CALLS})`, r, TARGET);
  });
}

async function prisma(): Promise<string> {
  const cwd = path.join(EXAMPLES, 'prisma');
  return withModuleLoader({ cwd, stubs: [] }, async (loader) => {
    const { prisma: db, close } = await (loader.load(path.join(cwd, 'src/accessors-demo.ts')) as Module).openDatabase();
    const user = await db.user.create({ data: { email: 'a@example.com', profile: { create: { bio: 'hi' } } } });
    const r = await compare(
      RUNS,
      times(() => db.user.profileOf(user.id)),
      times(() => db.profile.findUnique({ where: { userId: user.id } })),
    );
    await close();
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
