import { analyze, check, relationKind, resolveConfig } from '@oto/core';
import type { SchemaModel } from '@oto/core';
import { readPrismaModel } from './load-prisma-model';
import { prismaDefaultName } from './from-dmmf';

/** Real DMMF from a schema string: hand-written DMMF objects drift from the real thing. */
async function model(body: string, datasource = 'provider = "postgresql"'): Promise<SchemaModel> {
  const content = `datasource db {\n  ${datasource}\n}\n${body}`;
  return readPrismaModel({ schemaPath: 'schema.prisma', files: [{ path: 'schema.prisma', content }] });
}

const tableOf = (m: SchemaModel, name: string) => {
  const t = m.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
};

describe('fromDmmf', () => {
  it('maps models, @map / @@map, keys and the one-to-one relation by database names', async () => {
    const m = await model(`
model User {
  id      Int      @id @default(autoincrement()) @map("user_id")
  email   String   @unique
  profile Profile?
  @@map("app_user")
}
model Profile {
  userId Int    @id @map("user_id")
  user   User   @relation(fields: [userId], references: [id], onDelete: Cascade)
  bio    String?
  @@map("user_profile")
}`);
    const user = tableOf(m, 'app_user');
    expect(user.entity).toBe('User');
    expect(user.primaryKey).toEqual({ name: 'app_user_pkey', columns: ['user_id'] });
    expect(user.uniques).toEqual([{ name: 'app_user_email_key', columns: ['email'], kind: 'index', origin: { file: 'schema.prisma', line: 7 } }]); // the @unique's line
    const profile = tableOf(m, 'user_profile');
    expect(profile.columns.map((c) => [c.name, c.nullable])).toEqual([['user_id', false], ['bio', true]]);
    expect(profile.columns[0]).toMatchObject({ field: 'userId', origin: { file: 'schema.prisma', line: 12 } });
    expect(profile.foreignKeys).toEqual([
      {
        name: 'user_profile_user_id_fkey',
        columns: ['user_id'],
        referencedTable: 'app_user',
        referencedColumns: ['user_id'],
        onDelete: 'cascade',
        onUpdate: 'cascade',
        origin: { file: 'schema.prisma', line: 13 }, // the @relation field, where its onDelete is written
      },
    ]);
    expect(m.relations).toHaveLength(1);
    const [r] = m.relations;
    expect(r).toMatchObject({
      name: 'ProfileToUser',
      dependent: { table: 'user_profile', entity: 'Profile', field: 'user', cardinality: 'one', optional: false, origin: { line: 13 } },
      principal: { table: 'app_user', entity: 'User', field: 'profile', cardinality: 'one', optional: true },
      foreignKey: { columns: ['user_id'], referencedColumns: ['user_id'], origin: { line: 13 } },
    });
    expect(analyze(m).relations[0]?.backing).toEqual({ kind: 'primary-key', name: 'user_profile_pkey', columns: ['user_id'] });
  });

  it('uses map: names, @@id and @@unique, and Prisma default ON DELETE (SetNull optional, Restrict required)', async () => {
    const m = await model(`
model Comic {
  id       Int       @id
  chapters Chapter[]
}
model Chapter {
  comicId Int
  index   Int
  comic   Comic   @relation(fields: [comicId], references: [id])
  thread  Thread?
  @@id([comicId, index], map: "chapter_pk")
}
model Thread {
  id           Int      @id
  chapterComic Int?     @map("chapter_comic")
  chapterIndex Int?     @map("chapter_index")
  chapter      Chapter? @relation(fields: [chapterComic, chapterIndex], references: [comicId, index])
  @@unique([chapterComic, chapterIndex], map: "thread_chapter_uq")
}`);
    const chapter = tableOf(m, 'Chapter');
    expect(chapter.primaryKey).toEqual({ name: 'chapter_pk', columns: ['comicId', 'index'] });
    expect(chapter.foreignKeys[0]).toMatchObject({ onDelete: 'restrict', onUpdate: 'cascade' });
    const thread = tableOf(m, 'Thread');
    expect(thread.uniques).toEqual([{ name: 'thread_chapter_uq', columns: ['chapter_comic', 'chapter_index'], kind: 'index', origin: { file: 'schema.prisma', line: 21 } }]); // the @@unique's line
    expect(thread.foreignKeys[0]).toMatchObject({ columns: ['chapter_comic', 'chapter_index'], referencedColumns: ['comicId', 'index'], onDelete: 'set-null' });
    const analyzed = analyze(m).relations.find((r) => r.relation.dependent.table === 'Thread');
    expect(analyzed?.kind).toBe('one-to-one');
    expect(analyzed?.backing).toEqual({ kind: 'unique', name: 'thread_chapter_uq', columns: ['chapter_comic', 'chapter_index'], index: true, origin: { file: 'schema.prisma', line: 21 } });
  });

  it('matches the ends of two relations between the same models by relation name, never by type', async () => {
    const m = await model(`
model Person {
  id       Int       @id
  passport Passport? @relation("holder")
  issued   Passport[] @relation("issuer")
}
model Passport {
  id       Int    @id
  holderId Int    @unique
  issuerId Int
  holder   Person @relation("holder", fields: [holderId], references: [id])
  issuer   Person @relation("issuer", fields: [issuerId], references: [id])
}`);
    const byName = Object.fromEntries(m.relations.map((r) => [r.name, r]));
    expect(byName.holder).toMatchObject({ dependent: { field: 'holder' }, principal: { field: 'passport', cardinality: 'one' } });
    expect(byName.issuer).toMatchObject({ dependent: { field: 'issuer' }, principal: { field: 'issued', cardinality: 'many' } });
    expect(relationKind(byName.holder!)).toBe('one-to-one');
    expect(relationKind(byName.issuer!)).toBe('one-to-many');
  });

  it('reads a one-to-one self-relation with both ends on one model', async () => {
    const m = await model(`
model Account {
  id          Int      @id
  successorId Int?     @unique
  successor   Account? @relation("succession", fields: [successorId], references: [id])
  predecessor Account? @relation("succession")
}`);
    expect(m.relations).toHaveLength(1);
    expect(m.relations[0]).toMatchObject({
      name: 'succession',
      dependent: { table: 'Account', field: 'successor', optional: true },
      principal: { table: 'Account', field: 'predecessor', cardinality: 'one' },
    });
    expect(analyze(m).relations[0]?.backing?.columns).toEqual(['successorId']);
  });

  it('marks foreign keys emulated under relationMode = "prisma" and reads the provider', async () => {
    const m = await model(
      `
model A {
  id Int @id
  b  B?
}
model B {
  id  Int @id
  aId Int @unique
  a   A   @relation(fields: [aId], references: [id])
}`,
      'provider = "mysql"\n  relationMode = "prisma"',
    );
    expect(m.dialect).toBe('mysql');
    expect(tableOf(m, 'B').foreignKeys[0]?.emulated).toBe(true);
  });

  it('records @@schema of multi-schema models', async () => {
    const m = await model(
      `
model A {
  id Int @id
  b  B?
  @@schema("core")
}
model B {
  id  Int @id
  aId Int @unique
  a   A   @relation(fields: [aId], references: [id])
  @@schema("extra")
}`,
      'provider = "postgresql"\n  schemas = ["core", "extra"]',
    );
    expect(tableOf(m, 'A').schema).toBe('core');
    expect(m.relations[0]).toMatchObject({ dependent: { schema: 'extra' }, principal: { schema: 'core' } });
    expect(analyze(m).relations[0]?.backing?.columns).toEqual(['aId']);
  });

  it('reads schemas written for Prisma 5 and 6 (url in the datasource, retired preview features)', async () => {
    const content = `generator client {\n  provider = "prisma-client-js"\n  previewFeatures = ["metrics", "views"]\n}\ndatasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n  directUrl = env("DIRECT_URL")\n}\nmodel A {\n  id Int @id\n}\n`;
    const m = await readPrismaModel({ schemaPath: 's.prisma', files: [{ path: 's.prisma', content }] });
    expect(m.tables.map((t) => [t.name, t.origin?.line])).toEqual([['A', 10]]);
  });

  it('keeps the where of a partial unique (preview partialIndexes), which the DMMF drops: a conditional one-to-one', async () => {
    const content = `generator client {
  provider        = "prisma-client"
  previewFeatures = ["partialIndexes"]
}
datasource db {
  provider = "postgresql"
}
model User {
  id      Int      @id
  profile Profile?
}
model Profile {
  id        Int       @id
  userId    Int       @map("user_id")
  deletedAt DateTime? @map("deleted_at")
  user      User      @relation(fields: [userId], references: [id])
  @@unique([userId], where: raw("deleted_at IS NULL"))
}
`;
    const m = await readPrismaModel({ schemaPath: 's.prisma', files: [{ path: 's.prisma', content }] });
    expect(tableOf(m, 'Profile').uniques).toEqual([
      { name: 'Profile_user_id_key', columns: ['user_id'], kind: 'index', where: 'deleted_at IS NULL', origin: { file: 's.prisma', line: 17 } },
    ]);
    const [r] = analyze(m).relations;
    expect(r?.backing).toBeNull();
    expect(r?.conditional.map((u) => u.where)).toEqual(['deleted_at IS NULL']);
  });

  // Located where the user edits (issue 16 item 20): the @relation field holds the constraint's onDelete.
  it.each([
    ['SetNull on a required foreign key', 'onDelete: SetNull', 'one-to-one-on-delete/setNullOnRequired@12'],
    ['SetDefault on the unique foreign key', 'onDelete: SetDefault', 'one-to-one-on-delete/setDefaultOnUnique@12'],
  ])('locates an ON DELETE finding (%s) at the @relation field, not the foreign key column', async (_, action, expected) => {
    const m = await model(`
model User {
  id      Int      @id
  profile Profile?
}
model Profile {
  id     Int    @id
  userId Int    @unique
  user   User   @relation(fields: [userId], references: [id], ${action})
}`);
    const found = check(m, resolveConfig({}))
      .diagnostics.filter((d) => d.ruleId === 'one-to-one-on-delete')
      .map((d) => `${d.ruleId}/${d.messageId}@${d.location.line}`);
    expect(found).toEqual([expected]);
    expect(tableOf(m, 'Profile').foreignKeys[0]?.origin?.line).toBe(12);
    expect(tableOf(m, 'Profile').columns.find((c) => c.name === 'userId')?.origin?.line).toBe(11);
  });

  it('turns a schema error into one line naming file and line', async () => {
    await expect(model('model A {\n  id Int @id\n  b Missing\n}')).rejects.toThrow(
      /^schema\.prisma:6:5: Type "Missing" is neither a built-in type/,
    );
    await expect(model('model A {\n  id Int @id\n  b Missing\n}')).rejects.not.toThrow(/\n/);
  });

  it('shortens default names to the identifier limit like Prisma', () => {
    const long = 'a'.repeat(70);
    expect(prismaDefaultName(long, ['b'], 'key', 'postgresql')).toHaveLength(63);
    expect(prismaDefaultName(long, ['b'], 'key', 'postgresql').endsWith('_key')).toBe(true);
    expect(prismaDefaultName(long, ['b'], 'key', 'sqlite')).toBe(`${long}_b_key`);
  });
});
