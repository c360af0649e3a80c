import { relations } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';

export const user = pgTable('user', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  profileId: text('profile_id'),
});

export const account = pgTable('account', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => user.id),
  provider: text('provider').notNull(),
});

export const profile = pgTable('profile', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().unique().references(() => user.id),
});

export const post = pgTable('post', {
  id: integer('id').primaryKey(),
  authorId: text('author_id').notNull().references(() => user.id),
});

export const userRelations = relations(user, ({ one, many }) => ({
  account: one(account, { fields: [user.id], references: [account.userId] }),
  profile: one(profile),
  posts: many(post),
}));
export const accountRelations = relations(account, ({ one }) => ({ user: one(user, { fields: [account.userId], references: [user.id] }) }));
export const profileRelations = relations(profile, ({ one }) => ({ user: one(user, { fields: [profile.userId], references: [user.id] }) }));
export const postRelations = relations(post, ({ one }) => ({ author: one(user, { fields: [post.authorId], references: [user.id] }) }));
