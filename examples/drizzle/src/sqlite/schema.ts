// A small SQLite schema: a sound one-to-one (composite unique foreign key) and a to-one relation
// that reads through a column that is not unique.
import { relations } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const authors = sqliteTable('author', {
  id: integer('id').primaryKey(),
  tenant: text('tenant').notNull(),
  handle: text('handle').notNull(),
});

export const biographies = sqliteTable(
  'oto_biography',
  {
    id: integer('id').primaryKey(),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
  },
  (t) => [uniqueIndex('oto_biography_author_id_key').on(t.authorId)],
);

export const posts = sqliteTable('post', {
  id: integer('id').primaryKey(),
  authorHandle: text('author_handle').notNull(),
});

export const authorsRelations = relations(authors, ({ one, many }) => ({
  biography: one(biographies),
  posts: many(posts),
}));

export const biographiesRelations = relations(biographies, ({ one }) => ({
  author: one(authors, { fields: [biographies.authorId], references: [authors.id] }),
}));

// author.handle is unique only per tenant in this app: reading "the" author by handle is a guess.
export const postsRelations = relations(posts, ({ one }) => ({
  author: one(authors, { fields: [posts.authorHandle], references: [authors.handle] }),
}));
