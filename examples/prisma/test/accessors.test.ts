/**
 * The example's Prisma Client extension (written by the oto generator during `prisma generate`,
 * which the build runs): it is what oto renders now, and on PGlite (through its socket server and
 * Prisma's own pg adapter), migrated by prisma/migrations, it returns the single row, null for
 * none, and throws after the unique of oto_car.driver_id is dropped and a second car inserted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OneToOneNotFoundError, OneToOneViolationError } from '@oto/runtime';
import { openDatabase, showAccessors } from '../src/accessors-demo';
import type { Database } from '../src/accessors-demo';
import { expectGolden } from '../../../packages/core/src/testing/golden';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..');

describe('examples/prisma accessors', () => {
  it('the generated extension is the golden one', () => {
    expectGolden(path.join(__dirname, '__golden__', 'accessors.ts'), fs.readFileSync(path.join(root, 'generated', 'oto', 'accessors.ts'), 'utf8'));
  });

  describe('on PGlite, after prisma/migrations', () => {
    let prisma: Database;
    let close: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ prisma, close } = await openDatabase());
    }, 60_000);
    afterAll(() => close?.());

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
      await prisma.$executeRawUnsafe('DROP INDEX "oto_car_driver_id_key"');
      await prisma.car.create({ data: { driverId: driver.id } });
      const error = await prisma.driver.carOf(driver.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OneToOneViolationError);
      expect(error).toMatchObject({ relation: 'Driver.car', table: 'oto_car', key: { id: driver.id }, rows: 2 });
    });
  });

  it('the demo shows the single row, null, and the violation Prisma itself lets through', async () => {
    const lines: string[] = [];
    await showAccessors((line) => lines.push(line));
    const text = lines.join('\n');
    expect(text).toContain('prisma.user.profileOf(1) → {"userId":1,"bio":"Writes compilers."}');
    expect(text).toContain('prisma.user.profileOf(2) → null');
    expect(text).toMatch(/prisma\.driver\.carOf\(1\) → OneToOneViolationError: one-to-one Driver\.car violated: oto_car holds two or more rows for \{ id: 1 \}/);
  }, 60_000);
});
