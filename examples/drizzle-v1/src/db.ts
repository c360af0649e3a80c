/**
 * The app's database: drizzle-orm 1.0 over embedded PGlite, with the relations of both parts
 * (defineRelations and defineRelationsPart) as `drizzle({ client, relations })` takes them, and
 * drizzle's own migrator applying the drizzle-kit 1.0 folder (migrations/).
 */
import * as path from 'node:path';
import { createPglite } from '@oto/database';
import { drizzle } from 'drizzle-orm/pglite';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { relations, teamRelations } from './schema';

export const allRelations = { ...relations, ...teamRelations };

export type Database = PgliteDatabase<typeof allRelations>;

/** A fresh in-memory PGlite with the example's migrations applied. */
export async function openDatabase(): Promise<{ db: Database; close(): Promise<void> }> {
  const client = await createPglite();
  const db = drizzle({ client, relations: allRelations });
  await migrate(db, { migrationsFolder: path.resolve(__dirname, '../migrations') });
  return { db, close: () => client.close() };
}
