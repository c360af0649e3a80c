// A self one-to-one, a person and their spouse: Drizzle's relations() cannot declare it on both
// sides (drizzle fails to resolve the second one()), but a Prisma or TypeORM model can, so the
// accessor renderer's self-join is tested on this table with a plan built by hand.
import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export const people = pgTable('person', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  spouseId: integer('spouse_id')
    .unique('oto_person_spouse_id_key')
    .references((): AnyPgColumn => people.id),
});
