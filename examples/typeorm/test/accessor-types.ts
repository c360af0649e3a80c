/**
 * Type tests of the generated accessors, compiled by `npm run typecheck` (tsc --strict): each
 * `@ts-expect-error` line must be a compile error, or tsc fails on the unused directive.
 */
import type { DataSource } from 'typeorm';
import { carDriver, driverCar, profileUser, userProfile } from '../src/oto-accessors';

declare const dataSource: DataSource;

export async function accessorTypes(): Promise<void> {
  // A DataSource, or the EntityManager of a transaction.
  const profile = await userProfile(dataSource, 1);
  await dataSource.transaction(async (manager) => userProfile(manager, 1));

  // An optional side: one entity or null, never an array.
  const bio: string | null | undefined = profile?.bio;
  // @ts-expect-error the result is a single entity, not an array
  profile?.map((p: unknown) => p);
  // @ts-expect-error it may be null
  void profile.bio;
  // Optional on both sides: null either way.
  // @ts-expect-error it may be null
  void (await carDriver(dataSource, 1)).id;

  // A required side: the entity itself.
  const user = await profileUser(dataSource, 1);
  const email: string = user.email;
  // @ts-expect-error the result is a single entity, not an array
  void user.length;

  // Keys have the property's type.
  // @ts-expect-error Driver.id is a number
  await driverCar(dataSource, '1');
  // @ts-expect-error the key is required
  await driverCar(dataSource);
  void bio;
  void email;
}
