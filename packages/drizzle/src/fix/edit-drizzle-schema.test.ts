import type { Diagnostic, SchemaModel, SqlChange, Table } from '@oto/core';
import { TEXT_LAYOUTS } from '../../../core/src/testing/text-layouts';
import { editDrizzleSchema } from './edit-drizzle-schema';

/** Only what the editor reads of the model: where the table is, and its columns' fields. */
function modelOf(columns: Record<string, string>, name = 'profile'): SchemaModel {
  const table: Table = {
    name,
    entity: 'profiles',
    origin: { file: 'schema.ts', line: 3 },
    columns: Object.entries(columns).map(([field, column]) => ({ name: column, field, nullable: true })),
    uniques: [],
    foreignKeys: [],
  };
  return { source: 'drizzle', dialect: 'postgresql', tables: [table], relations: [] };
}

function edited(text: string, change: SqlChange, columns: Record<string, string> = { id: 'id', userId: 'user_id', kind: 'kind' }) {
  const result = editDrizzleSchema(modelOf(columns, change.table.name), [{ change, findings: [{ ruleId: 'x' } as Diagnostic] }], () => text);
  return { text: result.files.get('schema.ts') ?? text, setAside: result.setAside.map((s) => s.reason) };
}

const table = { name: 'profile' };
const HEAD = "import { integer, pgTable, serial } from 'drizzle-orm/pg-core';\nimport { users } from './users';\n";

describe('editDrizzleSchema', () => {
  it.each<[string, string, SqlChange, string]>([
    [
      'a unique on one column: .unique(name) on its own line, indented as the chain',
      `${HEAD}export const profiles = pgTable('profile', {\n  id: serial('id').primaryKey(),\n  userId: integer('user_id')\n    .notNull()\n    .references(() => users.id), // the owner\n});\n`,
      { kind: 'add-unique', table, columns: ['user_id'], name: 'oto_profile_user_id_key', keyKind: 'constraint' },
      `${HEAD}export const profiles = pgTable('profile', {\n  id: serial('id').primaryKey(),\n  userId: integer('user_id')\n    .notNull()\n    .references(() => users.id)\n    .unique('oto_profile_user_id_key'), // the owner\n});\n`,
    ],
    [
      'a one-line chain, in the file\'s double quotes',
      `${HEAD}export const profiles = pgTable("profile", { id: serial("id").primaryKey(), userId: integer("user_id").references(() => users.id) });\n`,
      { kind: 'add-unique', table, columns: ['user_id'], name: 'oto_k', keyKind: 'constraint' },
      `${HEAD}export const profiles = pgTable("profile", { id: serial("id").primaryKey(), userId: integer("user_id").references(() => users.id).unique("oto_k") });\n`,
    ],
    [
      'a unique on two columns: unique() imported, the extra config created',
      `${HEAD}export const profiles = pgTable('profile', {\n  userId: integer('user_id'),\n  kind: integer('kind'),\n});\n`,
      { kind: 'add-unique', table, columns: ['user_id', 'kind'], name: 'oto_k', keyKind: 'constraint' },
      `${HEAD.replace('serial }', 'serial, unique }')}export const profiles = pgTable('profile', {\n  userId: integer('user_id'),\n  kind: integer('kind'),\n}, (table) => [unique('oto_k').on(table.userId, table.kind)]);\n`,
    ],
    [
      'a unique on two columns: added to the extra config array there is',
      `${HEAD}export const profiles = pgTable('profile', {\n  userId: integer('user_id'),\n  kind: integer('kind'),\n}, (t) => [index('k').on(t.kind)]);\n`,
      { kind: 'add-unique', table, columns: ['user_id', 'kind'], name: 'oto_k', keyKind: 'constraint' },
      `${HEAD.replace('serial }', 'serial, unique }')}export const profiles = pgTable('profile', {\n  userId: integer('user_id'),\n  kind: integer('kind'),\n}, (t) => [index('k').on(t.kind), unique('oto_k').on(t.userId, t.kind)]);\n`,
    ],
    [
      'NOT NULL: .notNull() on the column',
      `${HEAD}export const profiles = pgTable('profile', {\n  userId: integer('user_id').unique(),\n});\n`,
      { kind: 'set-not-null', table, columns: ['user_id'] },
      `${HEAD}export const profiles = pgTable('profile', {\n  userId: integer('user_id').unique().notNull(),\n});\n`,
    ],
    [
      "a table rename: the table's name argument",
      `${HEAD}export const profiles = pgTable('profile', { userId: integer('user_id') }).enableRLS();\n`,
      { kind: 'rename-table', table, to: 'oto_profile' },
      `${HEAD}export const profiles = pgTable('oto_profile', { userId: integer('user_id') }).enableRLS();\n`,
    ],
    [
      'a unique rename: the name of unique() in the extra config',
      `${HEAD}export const profiles = pgTable('profile', { userId: integer('user_id') }, (t) => ({ u: unique('profile_user').on(t.userId) }));\n`,
      { kind: 'rename-unique', table, columns: ['user_id'], from: 'profile_user', to: 'oto_profile_user_id_key', keyKind: 'constraint' },
      `${HEAD}export const profiles = pgTable('profile', { userId: integer('user_id') }, (t) => ({ u: unique('oto_profile_user_id_key').on(t.userId) }));\n`,
    ],
    [
      "a unique rename: an unnamed .unique() gets the name",
      `${HEAD}export const profiles = pgTable('profile', { userId: integer('user_id').unique() });\n`,
      { kind: 'rename-unique', table, columns: ['user_id'], from: 'profile_user_id_unique', to: 'oto_k', keyKind: 'constraint' },
      `${HEAD}export const profiles = pgTable('profile', { userId: integer('user_id').unique('oto_k') });\n`,
    ],
    [
      'an ON DELETE: the onDelete of .references()',
      `${HEAD}export const profiles = pgTable('profile', { userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'set null' }) });\n`,
      {
        kind: 'replace-foreign-key',
        table,
        foreignKey: { name: 'fk', columns: ['user_id'], referencedTable: 'users', referencedColumns: ['id'], onDelete: 'set-null' },
        onDelete: 'no-action',
      },
      `${HEAD}export const profiles = pgTable('profile', { userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'no action' }) });\n`,
    ],
    [
      'a partial unique: uniqueIndex(name).on(…).where(sql`…`), uniqueIndex and sql imported (the import of drizzle-orm added first)',
      `${HEAD}export const profiles = pgTable('profile', {\n  userId: integer('user_id'),\n  kind: integer('kind'),\n});\n`,
      { kind: 'add-unique', table, columns: ['user_id'], name: 'oto_profile_user_id_key', keyKind: 'index', where: '"kind" = 1' },
      `import { sql } from 'drizzle-orm';\n${HEAD.replace('serial }', 'serial, uniqueIndex }')}export const profiles = pgTable('profile', {\n  userId: integer('user_id'),\n  kind: integer('kind'),\n}, (table) => [uniqueIndex('oto_profile_user_id_key').on(table.userId).where(sql\`"kind" = 1\`)]);\n`,
    ],
    [
      'a partial unique: added to the extra config array, the imports there are extended, backticks and ${ escaped',
      `import { relations } from "drizzle-orm";\nimport { integer, pgTable, uniqueIndex as ui } from "drizzle-orm/pg-core";\nexport const profiles = pgTable("profile", { userId: integer("user_id"), kind: integer("kind") }, (t) => [ui("k").on(t.kind)]);\n`,
      { kind: 'add-unique', table, columns: ['user_id', 'kind'], name: 'oto_k', keyKind: 'index', where: '"kind" <> \'`${x}\\\'' },
      'import { relations, sql } from "drizzle-orm";\nimport { integer, pgTable, uniqueIndex as ui } from "drizzle-orm/pg-core";\nexport const profiles = pgTable("profile", { userId: integer("user_id"), kind: integer("kind") }, (t) => [ui("k").on(t.kind), ui("oto_k").on(t.userId, t.kind).where(sql`"kind" <> \'\\`\\${x}\\\\\'`)]);\n',
    ],
  ])('%s', (_, before, change, after) => {
    expect(edited(before, change)).toEqual({ text: after, setAside: [] });
  });

  // Each new line (the chained call, the import) takes the file's own line ending; a BOM stays.
  it.each(TEXT_LAYOUTS)('keeps the layout of a file with %s', (_, layout) => {
    const before = `${HEAD}export const profiles = pgTable('profile', {\n  userId: integer('user_id')\n    .notNull(),\n  kind: integer('kind'),\n});\n`;
    const one = edited(layout(before), { kind: 'add-unique', table, columns: ['user_id'], name: 'oto_u', keyKind: 'constraint' });
    expect(one).toEqual({ text: layout(before.replace('.notNull(),', ".notNull()\n    .unique('oto_u'),")), setAside: [] });
    const two = edited(layout(before), { kind: 'add-unique', table, columns: ['user_id', 'kind'], name: 'oto_k', keyKind: 'constraint' });
    expect(two.text).toBe(layout(`${HEAD.replace('serial }', 'serial, unique }')}${before.slice(HEAD.length).replace('\n});', "\n}, (table) => [unique('oto_k').on(table.userId, table.kind)]);")}`));
  });

  it('sets aside what it cannot find, naming the file and the table', () => {
    const spread = `${HEAD}const owner = { userId: integer('user_id') };\nexport const profiles = pgTable('profile', { ...owner });\n`;
    expect(edited(spread, { kind: 'add-unique', table, columns: ['user_id'], name: 'oto_k', keyKind: 'constraint' })).toEqual({
      text: spread,
      setAside: ['schema.ts: no column `userId: …` in `profiles`: edit the schema by hand'],
    });
    const elsewhere = `${HEAD}export const profiles = makeTable();\n`;
    expect(edited(elsewhere, { kind: 'rename-table', table, to: 'oto_profile' }).setAside).toEqual([
      'schema.ts: no table declaration `const profiles = …Table("profile", { … })`: edit the schema by hand',
    ]);
  });
});
