/**
 * The app reading its one-to-one relations through the accessors the oto generator writes during
 * `prisma generate` (generated/oto/accessors.ts, a Prisma Client extension), on embedded PGlite
 * (through its socket server and Prisma's own pg adapter) migrated by prisma/migrations.
 * `npm run demo` runs `showAccessors`; the tests and the bench open the same database with
 * `openDatabase`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openReplayTarget } from '@oto/database';
import { OneToOneViolationError } from '@oto/runtime';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/client/client';
import { otoAccessors } from '../generated/oto/accessors';

const extend = (client: PrismaClient) => client.$extends(otoAccessors);
export type Database = ReturnType<typeof extend>;

/** A Prisma Client with the oto accessors over a fresh in-memory PGlite, prisma/migrations applied. */
export async function openDatabase(): Promise<{ prisma: Database; close(): Promise<void> }> {
  const migrations = path.resolve(__dirname, '../prisma/migrations');
  const target = await openReplayTarget({ dialect: 'postgresql', cwd: __dirname });
  try {
    for (const migration of fs.readdirSync(migrations, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
      await target.client.exec(fs.readFileSync(path.join(migrations, migration, 'migration.sql'), 'utf8'));
    }
    const base = new PrismaClient({ adapter: new PrismaPg({ connectionString: await target.url(), max: 1 }) });
    return {
      prisma: extend(base),
      close: async () => {
        await base.$disconnect();
        await target.close();
      },
    };
  } catch (error) {
    await target.close();
    throw error;
  }
}

/** What the read threw: the demo fails unless it is the accessor's OneToOneViolationError. */
async function violation(read: Promise<unknown>): Promise<string> {
  const error = await read.then(() => undefined, (e: unknown) => e);
  if (error instanceof OneToOneViolationError) return `${error.name}: ${error.message}`;
  throw error ?? new Error('the accessor returned a row where the table holds two; expected a OneToOneViolationError');
}

export async function showAccessors(print: (line: string) => void = console.log): Promise<void> {
  const { prisma, close } = await openDatabase();
  try {
    const alice = await prisma.user.create({ data: { email: 'alice@example.com', profile: { create: { bio: 'Writes compilers.' } } } });
    const bob = await prisma.user.create({ data: { email: 'bob@example.com' } });
    print(`prisma.user.profileOf(${alice.id}) → ${JSON.stringify(await prisma.user.profileOf(alice.id))}`);
    print(`prisma.user.profileOf(${bob.id}) → ${JSON.stringify(await prisma.user.profileOf(bob.id))}   (Bob has no profile)`);
    print(`prisma.profile.userOf(${alice.id}) → ${JSON.stringify(await prisma.profile.userOf(alice.id))}`);

    // Prisma keeps the unique in its own migrations; a database changed by hand (or by a migration
    // written outside Prisma) may not have it. Here it is dropped, and a second car goes in.
    const driver = await prisma.driver.create({ data: { car: { create: {} } } });
    await prisma.$executeRawUnsafe('DROP INDEX "oto_car_driver_id_key"');
    await prisma.car.create({ data: { driverId: driver.id } });
    print(`\ndropped the unique oto_car_driver_id_key, then inserted a second car for driver ${driver.id}`);
    const silent = await prisma.driver.findUnique({ where: { id: driver.id }, include: { car: true } });
    print(`prisma.driver.findUnique({ include: { car: true } }) → car ${JSON.stringify(silent?.car?.id)}   (Prisma picks one, silently)`);
    print(`prisma.driver.carOf(${driver.id}) → ${await violation(prisma.driver.carOf(driver.id))}`);
  } finally {
    await close();
  }
}
