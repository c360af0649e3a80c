import { analyze, check, planSqlChanges, resolveConfig, conventionUniqueName } from '@oto/core';
import type { Diagnostic, SchemaModel, SqlChange } from '@oto/core';
import { readPrismaModel } from '../load-prisma-model';
import { TEXT_LAYOUTS } from '../../../core/src/testing/text-layouts';
import { editPrismaSchema } from './edit-prisma-schema';

const HEAD = 'datasource db {\n  provider = "postgresql"\n}\n';

async function modelOf(content: string): Promise<SchemaModel> {
  return readPrismaModel({ schemaPath: 'schema.prisma', files: [{ path: 'schema.prisma', content }] });
}

/** The schema text after the changes (each fixing no finding: the editor's table test). */
async function edited(body: string, changes: SqlChange[]): Promise<{ text: string; setAside: string[] }> {
  const content = HEAD + body;
  const result = editPrismaSchema(await modelOf(content), changes.map((change) => ({ change, findings: [{ ruleId: 'x' } as Diagnostic] })), () => content);
  return { text: (result.files.get('schema.prisma') ?? content).slice(HEAD.length), setAside: result.setAside.map((s) => s.reason) };
}

/** Prisma refuses a one-to-one without its unique: the relation of the table tests is one-to-many. */
const USER = `model User {
  id       Int       @id
  profiles Profile[]
}
`;
const table = { name: 'Profile' };

describe('editPrismaSchema', () => {
  it.each<[string, string, SqlChange, string]>([
    [
      'a unique on one field, under the name the SQL gives it, before the comment',
      `model Profile {\n  id     Int  @id\n  userId Int // the owner\n  user   User @relation(fields: [userId], references: [id])\n}\n`,
      { kind: 'add-unique', table, columns: ['userId'], name: 'oto_Profile_userId_key', keyKind: 'index' },
      `model Profile {\n  id     Int  @id\n  userId Int @unique(map: "oto_Profile_userId_key") // the owner\n  user   User @relation(fields: [userId], references: [id])\n}\n`,
    ],
    [
      "Prisma's own default name is left out",
      `model Profile {\n  id     Int  @id\n  userId Int\n  user   User @relation(fields: [userId], references: [id])\n}\n`,
      { kind: 'add-unique', table, columns: ['userId'], name: 'Profile_userId_key', keyKind: 'index' },
      `model Profile {\n  id     Int  @id\n  userId Int @unique\n  user   User @relation(fields: [userId], references: [id])\n}\n`,
    ],
    [
      'a unique on two fields: @@unique after a blank line',
      `model Profile {\n  id     Int  @id\n  userId Int\n  kind   Int\n  user   User @relation(fields: [userId], references: [id])\n}\n`,
      { kind: 'add-unique', table, columns: ['userId', 'kind'], name: 'oto_profile_key', keyKind: 'index' },
      `model Profile {\n  id     Int  @id\n  userId Int\n  kind   Int\n  user   User @relation(fields: [userId], references: [id])\n\n  @@unique([userId, kind], map: "oto_profile_key")\n}\n`,
    ],
    [
      'a table rename adds @@map after the other block attributes',
      `model Profile {\n  id     Int  @id\n  userId Int\n  user   User @relation(fields: [userId], references: [id])\n\n  @@index([userId])\n}\n`,
      { kind: 'rename-table', table, to: 'oto_profile' },
      `model Profile {\n  id     Int  @id\n  userId Int\n  user   User @relation(fields: [userId], references: [id])\n\n  @@index([userId])\n  @@map("oto_profile")\n}\n`,
    ],
    [
      'a table rename replaces the @@map there is',
      `model Profile {\n  id     Int  @id\n  userId Int\n  user   User @relation(fields: [userId], references: [id])\n  @@map("profile") // legacy\n}\n`,
      { kind: 'rename-table', table: { name: 'profile' }, to: 'oto_profile' },
      `model Profile {\n  id     Int  @id\n  userId Int\n  user   User @relation(fields: [userId], references: [id])\n  @@map("oto_profile") // legacy\n}\n`,
    ],
    [
      'a unique rename sets map: on @unique, keeping its other arguments',
      `model Profile {\n  id     Int  @id\n  userId Int  @unique(sort: Desc)\n  user   User @relation(fields: [userId], references: [id])\n}\n`,
      { kind: 'rename-unique', table, columns: ['userId'], from: 'Profile_userId_key', to: 'oto_profile_user_key', keyKind: 'index' },
      `model Profile {\n  id     Int  @id\n  userId Int  @unique(sort: Desc, map: "oto_profile_user_key")\n  user   User @relation(fields: [userId], references: [id])\n}\n`,
    ],
    [
      'a unique rename replaces the map: of @@unique',
      `model Profile {\n  id     Int  @id\n  userId Int\n  kind   Int\n  user   User @relation(fields: [userId], references: [id])\n  @@unique([userId, kind], map: "old")\n}\n`,
      { kind: 'rename-unique', table, columns: ['userId', 'kind'], from: 'old', to: 'oto_new', keyKind: 'index' },
      `model Profile {\n  id     Int  @id\n  userId Int\n  kind   Int\n  user   User @relation(fields: [userId], references: [id])\n  @@unique([userId, kind], map: "oto_new")\n}\n`,
    ],
    [
      'an ON DELETE replaced on the relation over those fields',
      `model Profile {\n  id     Int  @id\n  userId Int  @unique\n  user   User @relation(fields: [userId], references: [id], onDelete: SetDefault)\n}\n`,
      {
        kind: 'replace-foreign-key',
        table,
        foreignKey: { name: 'Profile_userId_fkey', columns: ['userId'], referencedTable: 'User', referencedColumns: ['id'], onDelete: 'set-default' },
        onDelete: 'restrict',
      },
      `model Profile {\n  id     Int  @id\n  userId Int  @unique\n  user   User @relation(fields: [userId], references: [id], onDelete: Restrict)\n}\n`,
    ],
  ])('%s', async (_, body, change, expected) => {
    expect(await edited(USER + body, [change])).toEqual({ text: USER + expected, setAside: [] });
  });

  // A changed line and the new @@unique lines take the file's own line ending; a BOM stays.
  it.each(TEXT_LAYOUTS)('keeps the layout of a file with %s', async (_, layout) => {
    const body = `model Profile {\n  id     Int  @id\n  userId Int\n  kind   Int\n  user   User @relation(fields: [userId], references: [id])\n}\n`;
    const content = HEAD + USER + body;
    const model = await modelOf(content);
    const edit = (change: SqlChange) => editPrismaSchema(model, [{ change, findings: [] }], () => layout(content)).files.get('schema.prisma');
    expect(edit({ kind: 'add-unique', table, columns: ['userId'], name: 'Profile_userId_key', keyKind: 'index' })).toBe(layout(content.replace('userId Int\n', 'userId Int @unique\n')));
    expect(edit({ kind: 'add-unique', table, columns: ['userId', 'kind'], name: 'oto_k', keyKind: 'index' })).toBe(
      layout(content.replace('references: [id])\n}', 'references: [id])\n\n  @@unique([userId, kind], map: "oto_k")\n}')),
    );
  });

  it('the naming rule\'s renames, planned as for the SQL; a second run finds nothing to change', async () => {
    const content = `${HEAD}model User {\n  id      Int      @id\n  account Account?\n}\nmodel Account {\n  id     Int  @id\n  userId Int  @unique\n  user   User @relation(fields: [userId], references: [id])\n}\n`;
    const fixOnce = async (text: string) => {
      const model = await modelOf(text);
      const findings = check(model, resolveConfig({ naming: 'prefix' })).diagnostics;
      const plan = planSqlChanges(findings, { dialect: 'postgresql', tables: model.tables, uniqueName: (t, c) => conventionUniqueName(t, c), renames: true, onDelete: 'restrict', target: 'schema' });
      return { edits: editPrismaSchema(model, plan.changes, () => text), analyzed: analyze(model) };
    };
    const first = await fixOnce(content);
    const fixed = first.edits.files.get('schema.prisma');
    expect(fixed).toContain('  userId Int  @unique(map: "oto_Account_userId_key")\n');
    expect(fixed).toContain('references: [id])\n\n  @@map("oto_Account")\n}');
    const second = await fixOnce(fixed!);
    expect(second.edits.files.size).toBe(0);
    expect(second.edits.applied).toEqual([]);
  });
});
