/**
 * The example's Prisma Client extension (written by the oto generator during `prisma generate`,
 * which the build runs): it is what oto renders now, and on PGlite (through its socket server and
 * Prisma's own pg adapter), migrated by prisma/migrations, it returns the single row, null for
 * none, and throws after the unique of oto_car.driver_id is dropped and a second car inserted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openReplayTarget } from '@oto/database';
import type { ReplayTarget } from '@oto/database';
import { OneToOneNotFoundError, OneToOneViolationError } from '@oto/runtime';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/client/client';
import { otoAccessors } from '../generated/oto/accessors';
import { expectGolden } from '../../../packages/core/src/testing/golden';

const root = path.resolve(__dirname, '..');

describe('examples/prisma accessors', () => {
  it('the generated extension is the golden one', () => {
    expectGolden(path.join(__dirname, '__golden__', 'accessors.ts'), fs.readFileSync(path.join(root, 'generated', 'oto', 'accessors.ts'), 'utf8'));
  });

  describe('on PGlite, after prisma/migrations', () => {
    let target: ReplayTarget;
    let base: PrismaClient;
    let prisma: ReturnType<typeof extend>;
    const extend = (client: PrismaClient) => client.$extends(otoAccessors);
    beforeAll(async () => {
      target = await openReplayTarget({ dialect: 'postgresql', cwd: root });
      await target.client.exec(fs.readFileSync(path.join(root, 'prisma', 'migrations', '0_init', 'migration.sql'), 'utf8'));
      base = new PrismaClient({ adapter: new PrismaPg({ connectionString: await target.url(), max: 1 }) });
      prisma = extend(base);
    }, 60_000);
    afterAll(async () => {
      await base?.$disconnect();
      await target?.close();
    });

    it('returns the single row, null for none, and throws NotFound on a required side', async () => {
      const alice = await prisma.user.create({ data: { email: 'alice@example.com', profile: { create: { bio: 'hi' } } } });
      const bob = await prisma.user.create({ data: { email: 'bob@example.com' } });
      expect(await prisma.user.profileOf(alice.id)).toEqual({ userId: alice.id, bio: 'hi' });
      expect(await prisma.user.profileOf(bob.id)).toBeNull();
      expect(await prisma.profile.userOf(alice.id)).toEqual(alice);
      await expect(prisma.profile.userOf(999_999)).rejects.toThrow(OneToOneNotFoundError);
      const certificate = await prisma.certificate.create({ data: { student: { create: { name: 'Ada' } } } });
      expect(await prisma.certificate.studentOf(certificate.id)).toMatchObject({ id: certificate.studentId, name: 'Ada' });
    });

    it('throws OneToOneViolationError once the unique is dropped and a second row inserted', async () => {
      const driver = await prisma.driver.create({ data: { car: { create: {} } } });
      const car = await prisma.car.findFirstOrThrow({ where: { driverId: driver.id } });
      expect(await prisma.driver.carOf(driver.id)).toEqual(car);
      expect(await prisma.car.driverOf(car.id)).toEqual(driver);
      await target.client.exec('DROP INDEX "oto_car_driver_id_key"');
      await prisma.car.create({ data: { driverId: driver.id } });
      const error = await prisma.driver.carOf(driver.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OneToOneViolationError);
      expect(error).toMatchObject({ relation: 'Driver.car', table: 'oto_car', key: { id: driver.id }, rows: 2 });
    });
  });
});
