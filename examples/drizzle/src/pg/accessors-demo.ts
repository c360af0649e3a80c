/**
 * The app reading its one-to-one relations through the generated accessors (./oto-accessors.ts),
 * on embedded PGlite migrated by drizzle's own migrator from migrations/pg. `npm run demo` runs
 * `showAccessors`; the tests and the bench open the same database with `openDatabase`.
 */
import * as path from 'node:path';
import { createPglite } from '@oto/database';
import { OneToOneViolationError } from '@oto/runtime';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import * as schema from './schema';
import { driversCar, profilesUser, usersPassport, usersProfile } from './oto-accessors';

export type Database = ReturnType<typeof drizzle<typeof schema>>;

/** A fresh in-memory PGlite with the example's migrations applied. */
export async function openDatabase(): Promise<{ db: Database; close(): Promise<void> }> {
  const client = await createPglite();
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder: path.resolve(__dirname, '../../migrations/pg') });
  return { db, close: () => client.close() };
}

/** What the read threw: the demo fails unless it is the accessor's OneToOneViolationError. */
async function violation(read: Promise<unknown>): Promise<string> {
  const error = await read.then(() => undefined, (e: unknown) => e);
  if (error instanceof OneToOneViolationError) return `${error.name}: ${error.message}`;
  throw error ?? new Error('the accessor returned a row where the table holds two; expected a OneToOneViolationError');
}

export async function showAccessors(print: (line: string) => void = console.log): Promise<void> {
  const { db, close } = await openDatabase();
  try {
    const [alice, bob] = await db.insert(schema.users).values([{ email: 'alice@example.com' }, { email: 'bob@example.com' }]).returning();
    if (!alice || !bob) throw new Error('no users inserted');
    await db.insert(schema.profiles).values({ userId: alice.id, bio: 'Writes compilers.' });
    print(`usersProfile(db, ${alice.id}) → ${JSON.stringify(await usersProfile(db, alice.id))}`);
    print(`usersProfile(db, ${bob.id}) → ${JSON.stringify(await usersProfile(db, bob.id))}   (Bob has no profile)`);
    print(`profilesUser(db, ${alice.id}) → ${JSON.stringify(await profilesUser(db, alice.id))}`);

    // Migration 0001 swapped the unique of oto_car.driver_id for a plain index: a second car goes in.
    const [driver] = await db.insert(schema.drivers).values({}).returning();
    if (!driver) throw new Error('no driver inserted');
    await db.insert(schema.cars).values([{ driverId: driver.id }, { driverId: driver.id }]);
    print(`\ninserted two cars for driver ${driver.id}: migration 0001 dropped the unique that would have refused the second`);
    print(`driversCar(db, ${driver.id}) → ${await violation(driversCar(db, driver.id))}`);

    // oto_passport.user_id never had a unique: one() on both sides, which drizzle does not check.
    await db.insert(schema.passports).values([
      { userId: bob.id, number: 'P-1' },
      { userId: bob.id, number: 'P-2' },
    ]);
    print(`\ninserted two passports for user ${bob.id}: nothing in the schema makes oto_passport.user_id unique`);
    const silent = await db.query.users.findFirst({ where: eq(schema.users.id, bob.id), with: { passport: true } });
    print(`db.query.users.findFirst({ with: { passport: true } }) → passport ${JSON.stringify(silent?.passport?.number)}   (drizzle picks one, silently)`);
    print(`usersPassport(db, ${bob.id}) → ${await violation(usersPassport(db, bob.id))}`);
  } finally {
    await close();
  }
}
