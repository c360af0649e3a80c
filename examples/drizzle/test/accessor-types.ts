/**
 * Type tests of the generated accessors, compiled by `npm run typecheck` (tsc --strict): each
 * `@ts-expect-error` line must be a compile error, or tsc fails on the unused directive.
 */
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from '../src/pg/schema';
import { driversCar, profilesUser, usersProfile } from '../src/pg/oto-accessors';
import { authorsBiography } from '../src/sqlite/oto-accessors';

declare const pglite: PgliteDatabase<typeof schema>;
declare const pg: NodePgDatabase<typeof schema>;
declare const sqlite: BetterSQLite3Database;

export async function accessorTypes(): Promise<void> {
  // Any Drizzle database of the dialect, and its transactions.
  const profile = await usersProfile(pglite, 1);
  await usersProfile(pg, 1);
  await pg.transaction(async (tx) => usersProfile(tx, 1));
  await authorsBiography(sqlite, 1);
  // @ts-expect-error a SQLite database is not a PostgreSQL one
  await usersProfile(sqlite, 1);

  // An optional side: one row or null, never an array.
  const bio: string | null | undefined = profile?.bio;
  // @ts-expect-error the result is a single row, not an array
  profile?.map((p: unknown) => p);
  // @ts-expect-error it may be null
  void profile.bio;

  // A required side: the row itself.
  const user = await profilesUser(pglite, 1);
  const email: string = user.email;
  // @ts-expect-error the result is a single row, not an array
  void user[0];

  // Keys have the column's type.
  // @ts-expect-error drivers.id is a number
  await driversCar(pglite, 'one');
  // @ts-expect-error the key is required
  await driversCar(pglite);
  void bio;
  void email;
}
