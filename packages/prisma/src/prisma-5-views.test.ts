import { readPrismaSchema } from './load-prisma-model';
import { adaptPrisma5Views } from './prisma-5-views';

const HEAD = [
  'datasource db {',
  '  provider = "postgresql"',
  '  url      = env("DATABASE_URL")',
  '}',
  'generator client {',
  '  provider        = "prisma-client-js"',
  '  previewFeatures = ["views"]',
  '}',
  '',
].join('\n');

const blank = (text: string) => ' '.repeat(text.length);

const read = (body: string) => readPrismaSchema({ schemaPath: '/p/schema.prisma', files: [{ path: '/p/schema.prisma', content: HEAD + body }] }, '/p');

/** One construct per row: the view as a Prisma 5 schema wrote it, what Prisma 7 is given, and the view's keys read back. */
const CONSTRUCTS: readonly {
  readonly name: string;
  readonly view: string;
  readonly given: string;
  readonly primaryKey?: { readonly name: string; readonly columns: readonly string[] };
  readonly uniques: readonly (readonly string[])[];
}[] = [
  {
    name: '@id on a field',
    view: 'view Stats {\n  id    Int @id\n  total Int\n}\n',
    given: 'view Stats {\n  id    Int @unique\n  total Int\n}\n',
    primaryKey: { name: 'Stats_pkey', columns: ['id'] },
    uniques: [],
  },
  {
    name: '@id with arguments and @map, a comment mentioning @id',
    view: 'view Stats {\n  id Int @id(map: "stats_pk", sort: Desc) @map("stat_id") // @id kept\n}\n',
    // Prisma 7 takes no database name on a view's unique: the name comes back with the key.
    given: 'view Stats {\n  id Int @unique @map("stat_id") // @id kept\n}\n',
    primaryKey: { name: 'stats_pk', columns: ['stat_id'] },
    uniques: [],
  },
  {
    name: '@id next to @unique on the same field',
    view: 'view Stats {\n  id Int @id @unique\n}\n',
    given: 'view Stats {\n  id Int  @unique\n}\n',
    primaryKey: { name: 'Stats_pkey', columns: ['id'] },
    uniques: [['id']],
  },
  {
    name: 'compound @@id with a name, a map and sorted fields',
    view: 'view Pair {\n  a Int\n  b Int\n  @@id([a(sort: Desc, length: 3), b], name: "ab", map: "pair_pk")\n}\n',
    given: 'view Pair {\n  a Int\n  b Int\n  @@unique([a, b], name: "ab")\n}\n',
    primaryKey: { name: 'pair_pk', columns: ['a', 'b'] },
    uniques: [],
  },
  {
    name: '@@index and multi-line @@fulltext left out, lines kept',
    view: 'view Stats {\n  id Int @unique\n  t  String\n  @@index([t])\n  @@index(\n    [id, t]\n  )\n  // @@index([t]) in a comment\n}\n',
    given: `view Stats {\n  id Int @unique\n  t  String\n  ${blank('@@index([t])')}\n  ${blank('@@index(')}\n${blank('    [id, t]')}\n${blank('  )')}\n  // @@index([t]) in a comment\n}\n`,
    uniques: [['id']],
  },
  {
    name: 'a view Prisma 7 takes as it is',
    view: 'view Stats {\n  id Int @unique\n}\n',
    given: 'view Stats {\n  id Int @unique\n}\n',
    uniques: [['id']],
  },
];

describe('views as Prisma 5 read them', () => {
  it.each(CONSTRUCTS)('$name: the text Prisma 7 is given', ({ view, given }) => {
    const model = 'model Keep {\n  id Int @id\n  @@index([id])\n}\n';
    const [out] = adaptPrisma5Views([{ path: 's.prisma', content: model + view }]).files;
    // Models keep their @id and @@index: only views are adapted.
    expect(out?.content).toBe(model + given);
  });

  it.each(CONSTRUCTS)('$name: read with the key Prisma 5 gave it', async ({ view, primaryKey, uniques }) => {
    const { model } = await read(view);
    const table = model.tables[0];
    expect(table?.primaryKey).toEqual(primaryKey);
    expect(table?.uniques.map((u) => u.columns)).toEqual(uniques);
  }, 60_000);

  it('checks the one-to-ones of a schema whose view has an @id, and says in one line what was adapted', async () => {
    const { model, warnings } = await read(
      [
        'model User {',
        '  id      Int      @id',
        '  profile Profile?',
        '}',
        'model Profile {',
        '  id     Int  @id',
        '  userId Int  @unique',
        '  user   User @relation(fields: [userId], references: [id])',
        '}',
        'view UserStats {',
        '  userId Int @id',
        '  posts  Int',
        '  @@index([posts])',
        '}',
        '',
      ].join('\n'),
    );
    expect(model.relations.map((r) => `${r.dependent.table}.${r.dependent.field} -> ${r.principal.table}`)).toEqual(['Profile.user -> User']);
    expect(model.tables.find((t) => t.name === 'UserStats')?.primaryKey?.columns).toEqual(['userId']);
    expect(warnings).toEqual([
      'schema.prisma: read as Prisma 5 read views (Prisma 6.2 and later reject keys and indexes on views): the @id/@@id of view UserStats kept as its key; UserStats.@@index left out (no unique)',
    ]);
  }, 60_000);

  it('says nothing when no view was adapted', async () => {
    const { warnings } = await read('model A {\n  id Int @id\n}\nview V {\n  id Int @unique\n}\n');
    expect(warnings).toEqual([]);
  }, 60_000);
});
