/**
 * The app reading its one-to-one relations through the generated accessors (./oto-accessors.ts),
 * on embedded PGlite (through its socket server: TypeORM has no PGlite driver) migrated by the
 * app's own DataSource and migrations. `npm run demo` runs `showAccessors`; the tests and the bench
 * open the same database with `openDatabase`.
 */
import { DataSource } from 'typeorm';
import type { DataSourceOptions } from 'typeorm';
import { openReplayTarget } from '@oto/database';
import { OneToOneViolationError } from '@oto/runtime';
import { AppDataSource } from './data-source';
import { Car, Driver } from './entity/driver';
import { Passport, Profile, User } from './entity/user';
import { driverCar, profileUser, userPassport, userProfile } from './oto-accessors';

/** The app's DataSource pointed at a fresh in-memory PGlite, its migrations run. */
export async function openDatabase(): Promise<{ db: DataSource; close(): Promise<void> }> {
  const target = await openReplayTarget({ dialect: 'postgresql', cwd: __dirname });
  const db = new DataSource({ ...AppDataSource.options, url: await target.url(), poolSize: 1 } as DataSourceOptions);
  try {
    await db.initialize();
    await db.runMigrations();
  } catch (error) {
    if (db.isInitialized) await db.destroy();
    await target.close();
    throw error;
  }
  return {
    db,
    close: async () => {
      await db.destroy();
      await target.close();
    },
  };
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
    const [alice, bob] = await db.getRepository(User).save([{ email: 'alice@example.com' }, { email: 'bob@example.com' }]);
    if (!alice || !bob) throw new Error('no users saved');
    await db.getRepository(Profile).insert({ userId: alice.id, bio: 'Writes compilers.' });
    print(`userProfile(db, ${alice.id}) → ${JSON.stringify(await userProfile(db, alice.id))}`);
    print(`userProfile(db, ${bob.id}) → ${JSON.stringify(await userProfile(db, bob.id))}   (Bob has no profile)`);
    print(`profileUser(db, ${alice.id}) → ${JSON.stringify(await profileUser(db, alice.id))}`);

    // The Init migration created oto_car by hand and left out the unique of driver_id.
    const driver = await db.getRepository(Driver).save({});
    await db.getRepository(Car).insert([{ driverId: driver.id }, { driverId: driver.id }]);
    print(`\ninserted two cars for driver ${driver.id}: the Init migration left out the unique that would have refused the second`);
    print(`driverCar(db, ${driver.id}) → ${await violation(driverCar(db, driver.id))}`);

    // oto_passport.user_id has no unique at all: createForeignKeyConstraints: false drops it too.
    await db.getRepository(Passport).insert([
      { userId: bob.id, number: 'P-1' },
      { userId: bob.id, number: 'P-2' },
    ]);
    print(`\ninserted two passports for user ${bob.id}: without a foreign key constraint TypeORM adds no unique on oto_passport.user_id`);
    const silent = await db.getRepository(User).findOne({ where: { id: bob.id }, relations: { passport: true } });
    print(`findOne(User, { relations: { passport: true } }) → passport ${JSON.stringify(silent?.passport?.number)}   (TypeORM picks one, silently)`);
    print(`userPassport(db, ${bob.id}) → ${await violation(userPassport(db, bob.id))}`);
  } finally {
    await close();
  }
}
