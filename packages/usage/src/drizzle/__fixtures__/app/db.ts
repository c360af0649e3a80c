import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from './schema';

export const db = drizzle('postgres://localhost/app', { schema });
/** A helper that hands out the database: its result is the same typed handle. */
export function getDb() {
  return db;
}
export * from './schema';
