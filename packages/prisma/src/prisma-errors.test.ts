import * as path from 'node:path';
import { tempProjects } from '../../core/src/testing/temp-projects';
import { loadPrismaModel } from './load-prisma-model';

const projects = tempProjects('prisma-errors');

describe('describePrismaError', () => {
  it('names the schema file with spaces in its path whole, with the line (it was cut at the space)', async () => {
    const dir = projects('spaces', {
      'my app/prisma dir/schema.prisma': 'datasource db {\n  provider = "postgresql"\n}\n\nmodel User {\n  id   Int   @id\n  name Strin\n}\n',
    });
    await expect(loadPrismaModel({ schema: path.join('my app', 'prisma dir', 'schema.prisma'), cwd: dir })).rejects.toThrow(
      /^(\/.*\/)?my app\/prisma dir\/schema\.prisma:7:8: Type "Strin" is neither a built-in type/,
    );
  }, 60_000);
});
