/**
 * Application code over the example schema, each misuse beside its correct form: what
 * `oto check --usage` reads (npm run demo shows its findings; test/usage.test.ts pins them).
 */
import { desc, eq } from 'drizzle-orm';
import type { Database } from './accessors-demo';
import { orders, passports, profiles, users } from './schema';

/** Misuse: passports.user_id is not unique, so `with: { passport }` reads an arbitrary one of the user's passports. */
export const passportOfUser = (db: Database, userId: number) =>
  db.query.users.findFirst({ where: eq(users.id, userId), with: { passport: true } });

/** Correct (until the unique is added): read them all. */
export const passportsOfUser = (db: Database, userId: number) => db.query.passports.findMany({ where: eq(passports.userId, userId) });

/** Misuse: keyed by the foreign key, this renews every passport of the user. */
export const renewPassport = (db: Database, userId: number, number: string) =>
  db.update(passports).set({ number }).where(eq(passports.userId, userId));

/** Correct: keyed by the primary key. */
export const renewPassportById = (db: Database, id: number, number: string) => db.update(passports).set({ number }).where(eq(passports.id, id));

/** Misuse: one of the user's orders, an arbitrary one (no order). */
export const someOrder = (db: Database, userId: number) => db.query.orders.findFirst({ where: eq(orders.userId, userId) });

/** Correct: the latest, deliberately. */
export const latestOrder = (db: Database, userId: number) =>
  db.query.orders.findFirst({ where: eq(orders.userId, userId), orderBy: desc(orders.id) });

/** Misuse: the join over the user's orders multiplies the row that is read as one. */
export async function userWithAnOrder(db: Database, userId: number) {
  const [row] = await db.select().from(users).innerJoin(orders, eq(orders.userId, users.id)).where(eq(users.id, userId));
  return row;
}

/** Correct: the profile's key is the user's id, so this join gives one row. */
export async function userWithProfile(db: Database, userId: number) {
  const [row] = await db.select().from(users).innerJoin(profiles, eq(profiles.userId, users.id)).where(eq(users.id, userId));
  return row;
}
