import * as path from 'node:path';
import { readPrismaSchema } from './load-prisma-model';
import { lineColumn } from './schema-error-column';

const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n}\n';
const file = path.resolve('/app/prisma/schema.prisma');
const read = (content: string, files = [{ path: file, content }]) => readPrismaSchema({ schemaPath: file, files }, '/app');

describe('a Prisma schema error names file:line:column', () => {
  it.each<[string, string, RegExp]>([
    ['an unknown type', `${DATASOURCE}model A {\n  id Int @id\n  b  Strin\n}\n`, /^prisma\/schema\.prisma:6:6: Type "Strin" is neither a built-in type/],
    ['a field without a type', `${DATASOURCE}model A {\n  id Int @id\n  oops\n}\n`, /^prisma\/schema\.prisma:6:3: Error validating model "A": This field declaration is invalid/],
    ['an unknown attribute, after a multi-byte character', `${DATASOURCE}/// ünïcode\nmodel A {\n  id Int @id @uniq\n}\n`, /^prisma\/schema\.prisma:6:\d+: /],
    ['two errors: the first, and how many more', `${DATASOURCE}model A {\n  id Int @id\n  b  Strin\n  c  Foo\n}\n`, /^prisma\/schema\.prisma:6:6: Type "Strin" .* \(and 1 more: run prisma validate\)$/],
  ])('%s', async (_, content, message) => {
    const error = await read(content).then(() => undefined, (e: Error) => e);
    expect(error?.message).toMatch(message);
  });

  it('in a multi-file schema, the file with the error', async () => {
    const other = path.resolve('/app/prisma/models.prisma');
    const files = [{ path: file, content: DATASOURCE }, { path: other, content: 'model A {\n  id Int @id\n    b Nope\n}\n' }];
    await expect(readPrismaSchema({ schemaPath: path.dirname(file), files }, '/app')).rejects.toThrow(/models\.prisma:3:7: Type "Nope"/);
  });

  it.each([
    ['abc\ndef', 5, { line: 2, column: 2 }],
    ['ü\nx', 3, { line: 2, column: 1 }],
    ['üx', 2, { line: 1, column: 2 }],
  ])('lineColumn(%j, %d)', (text, offset, expected) => {
    expect(lineColumn(text, offset)).toEqual(expected);
  });
});
