/**
 * The 0.x → v1 relations converter on a small schema of its own: each 0.x form and the v1 code it
 * becomes, the files it edits, and what it refuses.
 */
import { relationsToV2 } from './relations-to-v2';

// ts-morph type-checks the files in memory.
jest.setTimeout(120_000);

const USERS = [
  'import { relations, sql } from "drizzle-orm";',
  'import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";',
  'import { posts } from "./posts";',
  'import { profiles as userProfiles } from "./profiles";',
  'export const users = pgTable("users", { id: integer("id").primaryKey(), tenant: text("tenant").notNull(), bossId: integer("boss_id") });',
  'export const teams = pgTable("teams", { tenant: text("tenant").notNull(), id: integer("id").notNull() }, (t) => [primaryKey({ columns: [t.tenant, t.id] })]);',
  'export const usersRelations = relations(users, ({ one, many }) => ({',
  '  profile: one(userProfiles),',
  '  written: many(posts, { relationName: "author" }),',
  '  reviewed: many(posts),',
  '  boss: one(users, { fields: [users.bossId], references: [users.id], relationName: "boss" }),',
  '  staff: many(users, { relationName: "boss" }),',
  '  team: one(teams, { fields: [users.tenant, users.id], references: [teams.tenant, teams.id] }),',
  '  orphans: many(teams),',
  '  notes: many(notes),',
  '}));',
  'export const notes = pgTable("notes", { id: integer("id").primaryKey(), writerId: integer("writer_id") });',
  'export const notesRelations = relations(notes, ({ one }) => ({',
  '  writer: one(users, { fields: [notes.writerId], references: [users.id], relationName: "writer" }),',
  '}));',
  'export const now = sql`now()`;',
  '',
].join('\n');
const POSTS = [
  'import { relations } from "drizzle-orm";',
  'import { integer, pgTable } from "drizzle-orm/pg-core";',
  'import { users } from "./users";',
  'export const posts = pgTable("posts", { id: integer("id").primaryKey(), authorId: integer("author_id").notNull(), reviewerId: integer("reviewer_id") });',
  'export const postsRelations = relations(posts, ({ one }) => ({',
  '  author: one(users, { fields: [posts.authorId], references: [users.id], relationName: "author" }),',
  '  reviewer: one(users, { fields: [posts.reviewerId], references: [users.id] }),',
  '}));',
  '',
].join('\n');
const PROFILES = [
  'import { relations as rel } from "drizzle-orm";',
  'import { integer, pgTable } from "drizzle-orm/pg-core";',
  'import { users } from "./users";',
  'export const profiles = pgTable("profiles", { id: integer("id").primaryKey(), userId: integer("user_id").notNull().unique() });',
  'export const profilesRelations = rel(profiles, ({ one: single }) => ({',
  '  user: single(users, { fields: [profiles.userId], references: [users.id] }),',
  '}));',
  '',
].join('\n');
const INDEX = 'export * from "./users";\nexport * from "./posts";\nexport * from "./profiles";\n';

describe('relationsToV2', () => {
  const { files, leftOut } = relationsToV2(
    { 'db/users.ts': USERS, 'db/posts.ts': POSTS, 'db/profiles.ts': PROFILES, 'db/index.ts': INDEX },
    { relationsFile: 'db/relations.ts', schemaModule: './index' },
  );
  const relations = files['db/relations.ts'] ?? '';
  const field = (table: string, key: string) => new RegExp(`\\n\\t${table}: \\{\\n(?:\\t\\t.*\\n)*?\\t\\t${key}: (.*),\\n`).exec(relations)?.[1];

  it.each([
    { name: 'one with NOT NULL fields (notNull or primaryKey): optional: false', table: 'posts', key: 'author', code: 'r.one.users({ from: r.posts.authorId, to: r.users.id, optional: false, alias: "author" })' },
    { name: 'one with a nullable field: optional by default', table: 'posts', key: 'reviewer', code: 'r.one.users({ from: r.posts.reviewerId, to: r.users.id })' },
    { name: 'one through an aliased import and an aliased helper: the exported names', table: 'profiles', key: 'user', code: 'r.one.users({ from: r.profiles.userId, to: r.users.id, optional: false })' },
    { name: 'several columns: arrays', table: 'users', key: 'team', code: 'r.one.teams({ from: [r.users.tenant, r.users.id], to: [r.teams.tenant, r.teams.id], optional: false })' },
    { name: 'config-less one: the one pointing back gives its columns', table: 'users', key: 'profile', code: 'r.one.profiles()' },
    { name: 'many with relationName: alias', table: 'users', key: 'written', code: 'r.many.posts({ alias: "author" })' },
    { name: 'many without relationName that 0.x pairs with a named one: that alias (v1 pairs an unaliased many only with an unaliased one)', table: 'users', key: 'notes', code: 'r.many.notes({ alias: "writer" })' },
    { name: 'self-relation by relationName', table: 'users', key: 'boss', code: 'r.one.users({ from: r.users.bossId, to: r.users.id, alias: "boss" })' },
    { name: 'the many of a self-relation', table: 'users', key: 'staff', code: 'r.many.users({ alias: "boss" })' },
  ])('$name', ({ table, key, code }) => {
    expect(field(table, key)).toBe(code);
  });

  it('a many without relationName that 0.x pairs with two ones is left out, as one with none is', () => {
    // 0.x's reviewed: many(posts) finds author and reviewer (both point at users): ambiguous. orphans: teams has no relations.
    expect(leftOut).toEqual(['users.reviewed', 'users.orphans']);
    expect(field('users', 'reviewed')).toBeUndefined();
    expect(relations).toContain('// Left out, as drizzle 0.x cannot resolve them either (no one() with fields points back): users.reviewed, users.orphans.\n');
  });

  it('writes one defineRelations over the schema module, table by table', () => {
    expect(relations.startsWith('import { defineRelations } from "drizzle-orm";\nimport * as schema from "./index";\n')).toBe(true);
    expect(relations).toContain('export const relations = defineRelations(schema, (r) => ({\n\tusers: {\n');
    expect(relations.match(/^\t\w+: \{$/gm)).toEqual(['\tusers: {', '\tnotes: {', '\tposts: {', '\tprofiles: {']);
  });

  it('removes the relations() exports and the relations import, and nothing else', () => {
    expect(Object.keys(files).sort()).toEqual(['db/posts.ts', 'db/profiles.ts', 'db/relations.ts', 'db/users.ts']);
    expect(files['db/users.ts']).toBe(
      USERS.replace('import { relations, sql }', 'import { sql }').replace(/export const usersRelations[\s\S]*?\n\}\)\);\n/, '').replace(/export const notesRelations[\s\S]*?\n\}\)\);\n/, ''),
    );
    expect(files['db/posts.ts']).toBe(POSTS.replace('import { relations } from "drizzle-orm";\n', '').replace(/export const postsRelations[\s\S]*$/, ''));
    expect(files['db/profiles.ts']).not.toMatch(/relations|rel\(/);
  });

  it.each([
    { name: 'a spread in the builder', body: '({ ...base })', message: /users\.ts:3: cannot convert "\.\.\.base": key: one\(…\) or many\(…\) expected/ },
    { name: 'an option it does not know', body: '({ boss: one(users, { fields: [users.id], references: [users.id], where: 1 }) })', message: /fields, references and relationName are the options read/ },
    { name: 'fields of another length than references', body: '({ boss: one(users, { fields: [users.id], references: [] }) })', message: /fields and references of the same length expected/ },
  ])('refuses $name, naming the file and the code', ({ body, message }) => {
    const source = `import { relations } from "drizzle-orm";\nexport const users = pgTable("users", {});\nexport const r = relations(users, ({ one }) => ${body});\n`;
    expect(() => relationsToV2({ 'users.ts': source }, { relationsFile: 'relations.ts', schemaModule: './users' })).toThrow(message);
  });
});
