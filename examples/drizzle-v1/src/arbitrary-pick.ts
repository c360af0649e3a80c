/**
 * What the missing unique does at run time, on embedded PGlite with drizzle-orm 1.0: nothing stops
 * a second passport for one user, and the relational query `with: { passport: true }` (a one)
 * then returns one of the two without a word. `npm run demo` runs `showArbitraryPick`.
 */
import { openDatabase } from './db';
import { passports, users } from './schema';

export async function showArbitraryPick(print: (line: string) => void = console.log): Promise<void> {
  const { db, close } = await openDatabase();
  try {
    const [alice] = await db.insert(users).values({ email: 'alice@example.com' }).returning();
    if (!alice) throw new Error('no user inserted');
    await db.insert(passports).values([
      { userId: alice.id, number: 'P-1' },
      { userId: alice.id, number: 'P-2' },
    ]);
    print(`inserted two passports for user ${alice.id}: the database accepted both (no unique on oto_passport.user_id)`);
    const read = await db.query.users.findFirst({ where: { id: alice.id }, with: { passport: true } });
    print(`db.query.users.findFirst({ where: { id: ${alice.id} }, with: { passport: true } }).passport → ${JSON.stringify(read?.passport)}   (one of two, no error)`);
  } finally {
    await close();
  }
}
