import { stripVTControlCharacters } from 'node:util';
import { readPrismaSchema } from './load-prisma-model';
import { describePrismaError } from './prisma-errors';
import { readSchemaConfig, readSchemaDmmf } from './schema-engine';

const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n}\n';
const GENERATOR = 'generator oto {\n  provider = "oto-prisma"\n  naming   = "infix"\n}\n';
const MODEL = 'model A {\n  id Int @id\n}\n';

const thrown = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('did not throw');
};

describe('readSchemaConfig', () => {
  it('the datasource and the generators, each with the file that declares it (multi-file schemas)', () => {
    const config = readSchemaConfig([
      { path: '/app/prisma/schema.prisma', content: DATASOURCE },
      { path: '/app/prisma/oto.prisma', content: `${GENERATOR}${MODEL}` },
    ]);
    expect(config.datasources.map((d) => [d.name, d.provider, d.activeProvider, d.sourceFilePath])).toEqual([['db', 'postgresql', 'postgresql', '/app/prisma/schema.prisma']]);
    expect(config.generators.map((g) => [g.name, g.provider.value, g.config, g.sourceFilePath])).toEqual([['oto', 'oto-prisma', { naming: 'infix' }, '/app/prisma/oto.prisma']]);
  });

  it.each<[string, string, RegExp]>([
    ['an unknown provider', 'datasource db {\n  provider = "postgresq"\n}\n', /^error: Datasource provider not known: "postgresq"\.\n {2}--> {2}\/app\/schema\.prisma:2\n[\s\S]*\nValidation Error Count: 1$/],
    ['two errors, counted', `datasource db {\n  provider = "postgresq"\n}\ngenerator c {\n  provider = "x"\n  previewFeatures = ["nope"]\n}\n`, /preview feature "nope" is not known[\s\S]*\nValidation Error Count: 2$/],
  ])('%s: throws Prisma\'s report', (_, content, expected) => {
    expect(thrown(() => readSchemaConfig([{ path: '/app/schema.prisma', content }]))).toMatch(expected);
  });

  it('its report, in one line, names file:line:column', () => {
    const files = [{ path: '/app/schema.prisma', content: 'datasource db {\n  provider = "postgresq"\n}\n' }];
    let error: unknown;
    try {
      readSchemaConfig(files);
    } catch (e) {
      error = e;
    }
    expect(describePrismaError(error, files, (file) => file.replace('/app/', ''))).toBe('schema.prisma:2:14: Datasource provider not known: "postgresq".');
  });
});

describe('readSchemaDmmf', () => {
  it('the data model of every file', () => {
    const dmmf = readSchemaDmmf([
      { path: '/app/a.prisma', content: DATASOURCE },
      { path: '/app/b.prisma', content: `${MODEL}model B {\n  id Int @id\n  a  Int @unique\n}\n` },
    ]);
    expect(dmmf.datamodel.models.map((m) => [m.name, m.fields.map((f) => f.name)])).toEqual([['A', ['id']], ['B', ['id', 'a']]]);
  });

  it('a schema Prisma rejects: throws its report', () => {
    expect(thrown(() => readSchemaDmmf([{ path: '/app/schema.prisma', content: `${DATASOURCE}model A {\n  id Int @id\n  b Nope\n}\n` }]))).toMatch(
      /^error: Type "Nope" is neither a built-in type, nor refers to another model, composite type, or enum\.\n {2}--> {2}\/app\/schema\.prisma:6\n[\s\S]*Validation Error Count: 1$/,
    );
  });
});

describe('readPrismaSchema, on what the engine says', () => {
  const read = (content: string) => readPrismaSchema({ schemaPath: '/app/schema.prisma', files: [{ path: '/app/schema.prisma', content }] }, '/app');

  it.each<[string, string, RegExp]>([
    ['a datasource error: one line with file:line:column', 'datasource db {\n  provider = "postgresq"\n}\n', /^schema\.prisma:2:14: Datasource provider not known: "postgresq"\.$/],
    ['no datasource block', MODEL, /^schema\.prisma: the schema has no datasource block: add one with a provider$/],
  ])('%s', async (_, content, expected) => {
    await expect(read(content)).rejects.toThrow(expected);
  });

  it('preview features Prisma no longer knows are dropped, the rest read', async () => {
    const { model } = await read(`generator c {\n  provider = "prisma-client"\n  previewFeatures = ["metrics", "tracing"]\n}\n${DATASOURCE}${MODEL}`);
    expect(model.tables.map((t) => t.name)).toEqual(['A']);
  });
});
