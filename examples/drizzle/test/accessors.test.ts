/**
 * The example's generated accessors: the committed modules are what oto generates now, and on
 * PGlite, migrated by drizzle's own migrator from migrations/pg, they return the single row, null
 * for none, and throw on a second row where migration 0001 dropped the unique of cars.driver.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderDrizzleAccessorsFile } from '@oto/drizzle';
import { OneToOneNotFoundError, OneToOneViolationError } from '@oto/runtime';
import * as schema from '../src/pg/schema';
import { openDatabase, showAccessors } from '../src/pg/accessors-demo';
import type { Database } from '../src/pg/accessors-demo';
import { carsDriver, driversCar, profilesUser, usersProfile, usersPassport } from '../src/pg/oto-accessors';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..');

describe('examples/drizzle accessors', () => {
  it.each([
    [undefined, 'src/pg/oto-accessors.ts'],
    ['drizzle.sqlite.config.ts', 'src/sqlite/oto-accessors.ts'],
  ])('%s: the committed module is what `oto generate accessors` writes', (config, out) => {
    const rendered = renderDrizzleAccessorsFile({ cwd: root, ...(config ? { config } : {}), out });
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(rendered.out, rendered.text);
    expect(fs.readFileSync(rendered.out, 'utf8')).toBe(rendered.text);
  });

  describe('on PGlite, after the example migrations', () => {
    let db: Database;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ db, close } = await openDatabase());
    }, 120_000);
    afterAll(() => close());

    it('returns the single row, null for none, and throws NotFound on a required side', async () => {
      const [alice, bob] = await db.insert(schema.users).values([{ email: 'alice@example.com' }, { email: 'bob@example.com' }]).returning();
      if (!alice || !bob) throw new Error('no users');
      await db.insert(schema.profiles).values({ userId: alice.id, bio: 'hi' });
      expect(await usersProfile(db, alice.id)).toEqual({ userId: alice.id, bio: 'hi' });
      expect(await usersProfile(db, bob.id)).toBeNull();
      expect(await profilesUser(db, alice.id)).toEqual(alice);
      await expect(profilesUser(db, 999_999)).rejects.toThrow(OneToOneNotFoundError);
      // In a transaction too.
      expect(await db.transaction((tx) => usersProfile(tx, alice.id))).toEqual({ userId: alice.id, bio: 'hi' });
    });

    it('throws OneToOneViolationError where the database lets two rows in', async () => {
      // Migration 0001 swapped cars.driver's unique for a plain index: nothing stops a second car.
      const [driver] = await db.insert(schema.drivers).values({}).returning();
      if (!driver) throw new Error('no driver');
      const [car] = await db.insert(schema.cars).values({ driverId: driver.id }).returning();
      expect(await driversCar(db, driver.id)).toEqual(car);
      expect(await carsDriver(db, car?.id ?? 0)).toEqual(driver);
      await db.insert(schema.cars).values({ driverId: driver.id });
      const error = await driversCar(db, driver.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OneToOneViolationError);
      expect(error).toMatchObject({ relation: 'drivers.car', table: 'oto_car', key: { id: driver.id }, rows: 2 });

      // passports.user_id never had a unique (the Drizzle-only defect).
      const [user] = await db.insert(schema.users).values({ email: 'carol@example.com' }).returning();
      if (!user) throw new Error('no user');
      await db.insert(schema.passports).values([{ userId: user.id, number: 'P1' }, { userId: user.id, number: 'P2' }]);
      await expect(usersPassport(db, user.id)).rejects.toThrow(OneToOneViolationError);
    });
  });

  it('the demo shows the single row, null, and the violations drizzle itself lets through', async () => {
    const lines: string[] = [];
    await showAccessors((line) => lines.push(line));
    const text = lines.join('\n');
    expect(text).toContain('usersProfile(db, 1) → {"userId":1,"bio":"Writes compilers."}');
    expect(text).toContain('usersProfile(db, 2) → null');
    expect(text).toMatch(/driversCar\(db, 1\) → OneToOneViolationError: one-to-one drivers\.car violated: oto_car holds two or more rows for \{ id: 1 \}/);
    expect(text).toMatch(/usersPassport\(db, 2\) → OneToOneViolationError: one-to-one users\.passport violated/);
  }, 120_000);
});
