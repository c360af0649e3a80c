/**
 * Findings about a foreign key are located where the user edits it (issue 16 item 20): an ON DELETE
 * at the column's `.references(…)` or the table's `foreignKey({ … })`, a missing FOREIGN KEY at the
 * column where `.references()` goes, never at the relations() field declared elsewhere. Each
 * fixture is the schema's text with the same schema built by drizzle-orm 0.45 and 1.0 beside it.
 */
import type { SchemaModel } from '@oto/core';
import { check, resolveConfig } from '@oto/core';
import { relations } from 'drizzle-orm';
import { foreignKey, integer, pgTable, serial } from 'drizzle-orm/pg-core';
import { defineRelations } from 'drizzle-orm-v1';
import { foreignKey as foreignKeyV1, integer as integerV1, pgTable as pgTableV1, serial as serialV1 } from 'drizzle-orm-v1/pg-core';
import { fromDrizzle } from './from-drizzle';
import { exportedDeclarations } from './source-text';

/** The model of `values`, each export located by its `export const` in `text` (as the loader does). */
function located(text: string, values: Record<string, unknown>): SchemaModel {
  const lines = exportedDeclarations(text);
  const exports = Object.entries(values).map(([name, value]) => ({ name, value, origin: { file: 'schema.ts', line: lines.get(name) ?? 0 } }));
  return fromDrizzle({ exports, files: new Map([['schema.ts', text]]) }).model;
}

/** The foreign key findings, `rule/message@line`. */
const findings = (m: SchemaModel) =>
  check(m, resolveConfig({}))
    .diagnostics.filter((d) => d.ruleId === 'one-to-one-on-delete' || d.ruleId === 'one-to-one-no-foreign-key')
    .map((d) => `${d.ruleId}/${d.messageId}@${d.location.line}`);

const USERS = ["export const users = pgTable('app_user', {", "  id: serial('id').primaryKey(),", '});'];
const users = pgTable('app_user', { id: serial('id').primaryKey() });
const RELATIONS = [
  'export const profileRelations = relations(profiles, ({ one }) => ({',
  '  user: one(users, { fields: [profiles.userId], references: [users.id] }),', // the relation field
  '}));',
  'export const userRelations = relations(users, ({ one }) => ({',
  '  profile: one(profiles),',
  '}));',
];

describe('foreign key findings are located where the user edits (drizzle-orm 0.45)', () => {
  const chained = pgTable('profile', {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: 'set null' }),
  });
  const inTable = pgTable(
    'profile',
    { id: serial('id').primaryKey(), userId: integer('user_id').notNull().unique(), editorId: integer('editor_id') },
    (t) => [
      foreignKey({ columns: [t.editorId], foreignColumns: [users.id] }),
      foreignKey({ columns: [t.userId], foreignColumns: [users.id], name: 'profile_owner_fk' }).onDelete('set default'),
    ],
  );
  const unnamed = pgTable(
    'profile',
    { id: serial('id').primaryKey(), userId: integer('user_id').notNull().unique(), editorId: integer('editor_id') },
    (t) => [foreignKey({ columns: [t.editorId], foreignColumns: [users.id] }), foreignKey({ columns: [t.userId], foreignColumns: [users.id] }).onDelete('set null')],
  );
  const unreferenced = pgTable('profile', { id: serial('id').primaryKey(), userId: integer('user_id').notNull().unique() });
  const relationsOf = (profiles: typeof unreferenced) => ({
    profileRelations: relations(profiles, ({ one }) => ({ user: one(users, { fields: [profiles.userId], references: [users.id] }) })),
    userRelations: relations(users, ({ one }) => ({ profile: one(profiles) })),
  });

  it.each([
    [
      "ON DELETE at the column's .references(), not the relation field",
      [
        "export const profiles = pgTable('profile', {", // 4
        "  id: serial('id').primaryKey(),",
        "  userId: integer('user_id')", // 6
        '    .notNull()',
        '    .unique()',
        "    .references(() => users.id, { onDelete: 'set null' }),", // 9
        '});',
      ],
      chained,
      ['one-to-one-on-delete/setNullOnRequired@9'],
    ],
    [
      "ON DELETE at the table's foreignKey({ … }), found by its name",
      [
        "export const profiles = pgTable('profile', {", // 4
        "  id: serial('id').primaryKey(),",
        "  userId: integer('user_id').notNull().unique(),",
        "  editorId: integer('editor_id'),",
        '}, (t) => [',
        '  foreignKey({ columns: [t.editorId], foreignColumns: [users.id] }),', // 9
        '  foreignKey({', // 10
        '    columns: [t.userId],',
        '    foreignColumns: [users.id],',
        "    name: 'profile_owner_fk',",
        "  }).onDelete('set default'),",
        ']);',
      ],
      inTable,
      ['one-to-one-on-delete/setDefaultOnUnique@10'],
    ],
    [
      "ON DELETE at the table's foreignKey({ … }), found by its columns",
      [
        "export const profiles = pgTable('profile', {", // 4
        "  id: serial('id').primaryKey(),",
        "  userId: integer('user_id').notNull().unique(),",
        "  editorId: integer('editor_id'),",
        '}, (t) => [',
        '  foreignKey({ columns: [t.editorId], foreignColumns: [users.id] }),', // 9
        "  foreignKey({ columns: [t.userId], foreignColumns: [users.id] }).onDelete('set null'),", // 10
        ']);',
      ],
      unnamed,
      ['one-to-one-on-delete/setNullOnRequired@10'],
    ],
    [
      'no FOREIGN KEY: at the column, where .references() goes',
      [
        "export const profiles = pgTable('profile', {", // 4
        "  id: serial('id').primaryKey(),",
        "  userId: integer('user_id').notNull().unique(),", // 6
        '});',
      ],
      unreferenced,
      ['one-to-one-no-foreign-key/noConstraint@6'],
    ],
  ])('%s', (_, table, profiles, expected) => {
    const text = [...USERS, ...table, ...RELATIONS].join('\n');
    const m = located(text, { users, profiles, ...relationsOf(profiles) });
    expect(findings(m)).toEqual(expected);
    // The relation field itself is on its own line, after the table.
    expect(m.relations[0]?.dependent.origin?.line).toBe(USERS.length + table.length + 2);
  });
});

describe('foreign key findings are located where the user edits (drizzle-orm 1.0, defineRelations)', () => {
  const usersV1 = pgTableV1('app_user', { id: serialV1('id').primaryKey() });
  const chained = pgTableV1('profile', {
    id: serialV1('id').primaryKey(),
    userId: integerV1('user_id')
      .notNull()
      .unique()
      .references(() => usersV1.id, { onDelete: 'set null' }),
  });
  const inTable = pgTableV1('profile', { id: serialV1('id').primaryKey(), userId: integerV1('user_id').notNull().unique() }, (t) => [
    foreignKeyV1({ columns: [t.userId], foreignColumns: [usersV1.id] }).onDelete('set default'),
  ]);
  const unreferenced = pgTableV1('profile', { id: serialV1('id').primaryKey(), userId: integerV1('user_id').notNull().unique() });
  const V1_RELATIONS = [
    'export const schemaRelations = defineRelations({ users, profiles }, (r) => ({',
    '  profiles: {',
    '    user: r.one.users({ from: r.profiles.userId, to: r.users.id, optional: false }),', // the relation field
    '  },',
    '  users: {',
    '    profile: r.one.profiles({ from: r.users.id, to: r.profiles.userId }),',
    '  },',
    '}));',
  ];

  it.each([
    [
      "ON DELETE at the column's .references()",
      [
        "export const profiles = pgTable('profile', {", // 4
        "  id: serial('id').primaryKey(),",
        "  userId: integer('user_id')",
        '    .notNull()',
        '    .unique()',
        "    .references(() => users.id, { onDelete: 'set null' }),", // 9
        '});',
      ],
      chained,
      ['one-to-one-on-delete/setNullOnRequired@9'],
    ],
    [
      "ON DELETE at the table's foreignKey({ … })",
      [
        "export const profiles = pgTable('profile', {", // 4
        "  id: serial('id').primaryKey(),",
        "  userId: integer('user_id').notNull().unique(),",
        '}, (t) => [',
        "  foreignKey({ columns: [t.userId], foreignColumns: [users.id] }).onDelete('set default'),", // 8
        ']);',
      ],
      inTable,
      ['one-to-one-on-delete/setDefaultOnUnique@8'],
    ],
    [
      'no FOREIGN KEY: at the column',
      [
        "export const profiles = pgTable('profile', {", // 4
        "  id: serial('id').primaryKey(),",
        "  userId: integer('user_id').notNull().unique(),", // 6
        '});',
      ],
      unreferenced,
      ['one-to-one-no-foreign-key/noConstraint@6'],
    ],
  ])('%s', (_, table, profiles, expected) => {
    const text = [...USERS, ...table, ...V1_RELATIONS].join('\n');
    const schemaRelations = defineRelations({ users: usersV1, profiles }, (r) => ({
      profiles: { user: r.one.users({ from: r.profiles.userId, to: r.users.id, optional: false }) },
      users: { profile: r.one.profiles({ from: r.users.id, to: r.profiles.userId }) },
    }));
    const m = located(text, { users: usersV1, profiles, schemaRelations });
    expect(findings(m)).toEqual(expected);
    expect(m.relations[0]?.dependent.origin?.line).toBe(USERS.length + table.length + 3);
  });
});
