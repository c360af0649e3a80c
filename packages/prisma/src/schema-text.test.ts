import { findPartialUniques, findRelationMode, locateDeclarations, unknownPreviewFeatures, withoutConnectionUrls, withoutPreviewFeatures } from './schema-text';

const file = (content: string) => [{ path: 's.prisma', content }];

describe('schema text', () => {
  it('locates models and fields, skipping comments', () => {
    const found = locateDeclarations(file('// model Fake {\nmodel User {\n  // note\n  id Int @id\n  name String\n}\nview V {\n  id Int\n}\n'));
    expect(found.get('User')?.origin).toEqual({ file: 's.prisma', line: 2 });
    expect(found.get('User')?.fields.get('name')).toEqual({ file: 's.prisma', line: 5 });
    expect(found.get('V')?.fields.get('id')?.line).toBe(8);
    expect(found.has('Fake')).toBe(false);
  });

  it('locates each @unique and @@unique by the fields it lists', () => {
    const found = locateDeclarations(file('model A {\n  id Int @id\n  email String @unique(map: "a_email")\n  t Int\n  h Int\n  @@unique([t, h(sort: Desc)], map: "a_t_h")\n  @@index([t])\n}\n'));
    expect(found.get('A')?.uniques).toEqual([
      { fields: ['email'], origin: { file: 's.prisma', line: 3 } },
      { fields: ['t', 'h'], origin: { file: 's.prisma', line: 6 } },
    ]);
  });

  it('finds relationMode in the datasource block only', () => {
    expect(findRelationMode(file('datasource db {\n  provider = "mysql"\n  relationMode = "prisma"\n}'))).toBe('prisma');
    expect(findRelationMode(file('datasource db {\n  provider = "mysql"\n  // relationMode = "prisma"\n}'))).toBeUndefined();
    expect(findRelationMode(file('datasource db {\n  referentialIntegrity = "prisma"\n}'))).toBe('prisma');
  });

  it('blanks connection URLs in the datasource, keeping line numbers', () => {
    const [out] = withoutConnectionUrls(file('datasource db {\n  provider = "postgresql"\n  url = env("X")\n}\nmodel A {\n  url String\n}'));
    expect(out?.content).toBe('datasource db {\n  provider = "postgresql"\n\n}\nmodel A {\n  url String\n}');
  });

  it('drops the preview features Prisma says it does not know', () => {
    const error = 'error: The preview feature "metrics" is not known.\nerror: The preview feature "tracing" is not known.';
    expect(unknownPreviewFeatures(error)).toEqual(['metrics', 'tracing']);
    const [out] = withoutPreviewFeatures(file('generator c {\n  previewFeatures = ["metrics", "views", "tracing"]\n}'), ['metrics', 'tracing']);
    expect(out?.content).toBe('generator c {\n  previewFeatures = ["views"]\n}');
  });

  it('finds partial uniques, which the DMMF keeps without their where', () => {
    const found = findPartialUniques(
      file(
        [
          'model Profile {',
          '  userId Int @unique(map: "p_u", where: raw("deleted_at IS NULL"))',
          '  email  String',
          '  @@unique([userId(sort: Desc), email], where: raw("\\"kind\\" = \'a,b\' AND (x)"), map: "p_ue")',
          '  // @@unique([email], where: raw("commented out"))',
          '  @@unique([email])',
          '  @@unique(fields: [email, userId], where: { active: true })',
          '}',
        ].join('\n'),
      ),
    );
    expect(found.get('Profile')).toEqual([
      { fields: ['userId', 'email'], where: '"kind" = \'a,b\' AND (x)' },
      { fields: ['email', 'userId'], where: '{ active: true }' },
      { fields: ['userId'], where: 'deleted_at IS NULL' },
    ]);
  });
});
