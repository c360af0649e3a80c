/**
 * Application code over the example schema in drizzle-orm 1.0's relational queries (v2: object
 * `where`, `with`), each misuse beside its correct form: what `oto check --usage` reads
 * (npm run demo shows its findings; test/usage.test.ts pins them).
 */
import { eq } from 'drizzle-orm';
import type { Database } from './db';
import { passports, users } from './schema';

/** Misuse: passport.user_id is not unique, so `with: { passport }` reads an arbitrary one of the user's passports. */
export const passportOfUser = (db: Database, userId: number) => db.query.users.findFirst({ where: { id: userId }, with: { passport: true } });

/** Correct: profile.user_id is unique, so the user has at most one profile. */
export const profileOfUser = (db: Database, userId: number) => db.query.users.findFirst({ where: { id: userId }, with: { profile: true } });

/** Correct: the live subscription is one, backed by the partial unique on the rows not cancelled. */
export const liveSubscriptionOfUser = (db: Database, userId: number) =>
  db.query.users.findFirst({ where: { id: userId }, with: { liveSubscription: true } });

/** Misuse: nothing keeps a user to one primary address, so this reads an arbitrary one of them. */
export const primaryAddressOfUser = (db: Database, userId: number) =>
  db.query.users.findFirst({ where: { id: userId }, with: { primaryAddress: true } });

/** Misuse: one of the user's passports, an arbitrary one (user_id is no unique key, and no order). */
export const somePassport = (db: Database, userId: number) => db.query.passports.findFirst({ where: { userId } });

/** Correct: the latest, deliberately. */
export const latestPassport = (db: Database, userId: number) => db.query.passports.findFirst({ where: { userId }, orderBy: { id: 'desc' } });

/** Correct: a many-to-many read as many rows. */
export const teamWithMembers = (db: Database, teamId: number) => db.query.teams.findFirst({ where: { id: teamId }, with: { members: true } });

/** Misuse: keyed by the foreign key, this renews every passport of the user. */
export const renewPassport = (db: Database, userId: number, number: string) => db.update(passports).set({ number }).where(eq(passports.userId, userId));

/** Correct: keyed by the primary key. */
export const renewPassportById = (db: Database, id: number, number: string) => db.update(passports).set({ number }).where(eq(passports.id, id));

/** Misuse: the join over the user's passports multiplies the row that is read as one. */
export async function userWithAPassport(db: Database, userId: number) {
  const [row] = await db.select().from(users).innerJoin(passports, eq(passports.userId, users.id)).where(eq(users.id, userId));
  return row;
}
