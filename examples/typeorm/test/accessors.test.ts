/**
 * The example's generated accessors: the committed module is what oto generates now, and on
 * PGlite (through its socket server: TypeORM has no PGlite driver), migrated by the example's Init
 * migration, they return the single entity, null for none, and throw on a second row where Init
 * left out the unique of oto_car.driver_id.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { OneToOneNotFoundError, OneToOneViolationError } from '@oto/runtime';
import { renderTypeormAccessorsFile } from '@oto/typeorm';
import { openDatabase, showAccessors } from '../src/accessors-demo';
import { Car, Driver } from '../src/entity/driver';
import { Passport, Profile, User } from '../src/entity/user';
import { carDriver, driverCar, profileUser, userPassport, userProfile } from '../src/oto-accessors';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..');

describe('examples/typeorm accessors', () => {
  it('the committed module is what `oto generate accessors` writes', async () => {
    const rendered = await renderTypeormAccessorsFile({ cwd: root, dataSource: 'src/data-source.ts', out: 'src/oto-accessors.ts' });
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(rendered.out, rendered.text);
    expect(fs.readFileSync(rendered.out, 'utf8')).toBe(rendered.text);
    expect(rendered.skipped).toEqual([{ relation: 'Student.locker', reason: 'no foreign key columns on either side: nothing joins the two rows' }]);
  }, 120_000);

  describe('on PGlite, after the Init migration', () => {
    let db: DataSource;
    let close: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ db, close } = await openDatabase());
    }, 60_000);
    afterAll(() => close?.());

    it('returns the single entity, null for none, and throws NotFound on a required side', async () => {
      const [alice, bob] = await db.getRepository(User).save([{ email: 'alice@example.com' }, { email: 'bob@example.com' }]);
      if (!alice || !bob) throw new Error('no users');
      await db.getRepository(Profile).insert({ userId: alice.id, bio: 'hi' });
      expect(await userProfile(db, alice.id)).toEqual(Object.assign(new Profile(), { userId: alice.id, bio: 'hi' }));
      expect(await userProfile(db, bob.id)).toBeNull();
      expect(await profileUser(db, alice.id)).toMatchObject({ id: alice.id, email: 'alice@example.com' });
      await expect(profileUser(db, 999_999)).rejects.toThrow(OneToOneNotFoundError);
      // Within a transaction, on its EntityManager.
      expect(await db.transaction((manager) => userProfile(manager, alice.id))).toMatchObject({ userId: alice.id });
    });

    it('throws OneToOneViolationError where the database lets two rows in', async () => {
      // Init left out oto_car's unique on driver_id (oto check --migrations reports it).
      const driver = await db.getRepository(Driver).save({});
      const car = await db.getRepository(Car).save({ driverId: driver.id });
      expect(await driverCar(db, driver.id)).toMatchObject({ id: car.id, driverId: driver.id });
      expect(await carDriver(db, car.id)).toMatchObject({ id: driver.id });
      await db.getRepository(Car).insert({ driverId: driver.id });
      const error = await driverCar(db, driver.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OneToOneViolationError);
      expect(error).toMatchObject({ relation: 'Driver.car', table: 'oto_car', key: { id: driver.id }, rows: 2 });

      // oto_passport.user_id has no unique at all (createForeignKeyConstraints: false).
      const carol = await db.getRepository(User).save({ email: 'carol@example.com' });
      await db.getRepository(Passport).insert([{ userId: carol.id, number: 'P1' }, { userId: carol.id, number: 'P2' }]);
      await expect(userPassport(db, carol.id)).rejects.toThrow(OneToOneViolationError);
    });
  });

  it('the demo shows the single entity, null, and the violations TypeORM itself lets through', async () => {
    const lines: string[] = [];
    await showAccessors((line) => lines.push(line));
    const text = lines.join('\n');
    expect(text).toContain('userProfile(db, 1) → {"userId":1,"bio":"Writes compilers."}');
    expect(text).toContain('userProfile(db, 2) → null');
    expect(text).toMatch(/driverCar\(db, 1\) → OneToOneViolationError: one-to-one Driver\.car violated: oto_car holds two or more rows for \{ id: 1 \}/);
    expect(text).toMatch(/userPassport\(db, 2\) → OneToOneViolationError: one-to-one User\.passport violated/);
  }, 60_000);
});
