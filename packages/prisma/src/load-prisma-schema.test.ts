import * as path from 'node:path';
import { tempProjects } from '../../core/src/testing/temp-projects';
import { findPrismaSchema } from './load-prisma-schema';

// Loads prisma.config.ts through @prisma/config (c12 and jiti): allow for a loaded machine.
jest.setTimeout(120_000);

const projects = tempProjects('load-prisma-schema');
const SCHEMA = 'datasource db {\n  provider = "postgresql"\n}\n';
const MODELS = 'model A {\n  id Int @id\n}\n';

/** The schema found from the project, as paths relative to it. */
async function found(files: Record<string, string>, schema?: string) {
  const dir = projects(`p${Object.keys(files).join('-').replace(/[^\w]+/g, '_')}-${schema ?? ''}`, files);
  const result = await findPrismaSchema(schema ? { schema, cwd: dir } : { cwd: dir });
  const rel = (file: string) => path.relative(dir, file).split(path.sep).join('/');
  return { schemaPath: rel(result.schemaPath), files: result.files.map((f) => rel(f.path)).sort() };
}

async function failure(files: Record<string, string>, schema?: string) {
  const dir = projects(`f${Object.keys(files).join('-').replace(/[^\w]+/g, '_')}-${schema ?? ''}`, files);
  const error = await findPrismaSchema(schema ? { schema, cwd: dir } : { cwd: dir }).then(() => undefined, (e: Error) => e);
  return error?.message.split(dir + path.sep).join('').split(dir).join('<cwd>');
}

describe('findPrismaSchema', () => {
  it.each<[string, Record<string, string>, string | undefined, { schemaPath: string; files: string[] }]>([
    ['--prisma a file: that file alone', { 'db/app.prisma': SCHEMA, 'db/other.prisma': MODELS }, 'db/app.prisma', { schemaPath: 'db/app.prisma', files: ['db/app.prisma'] }],
    ['--prisma a folder: every .prisma file under it', { 'db/app.prisma': SCHEMA, 'db/models/a.prisma': MODELS, 'db/notes.txt': 'x' }, 'db', { schemaPath: 'db', files: ['db/app.prisma', 'db/models/a.prisma'] }],
    ['prisma.config.ts schema: a file, relative to the config', { 'prisma.config.ts': 'export default { schema: "db/app.prisma" };\n', 'db/app.prisma': SCHEMA }, undefined, { schemaPath: 'db/app.prisma', files: ['db/app.prisma'] }],
    ['prisma.config.ts schema: a folder', { 'prisma.config.ts': 'export default { schema: "db" };\n', 'db/app.prisma': SCHEMA, 'db/a.prisma': MODELS }, undefined, { schemaPath: 'db', files: ['db/a.prisma', 'db/app.prisma'] }],
    ['package.json prisma.schema', { 'package.json': '{ "prisma": { "schema": "db/app.prisma" } }\n', 'db/app.prisma': SCHEMA }, undefined, { schemaPath: 'db/app.prisma', files: ['db/app.prisma'] }],
    ['prisma.config.ts over package.json', { 'prisma.config.ts': 'export default { schema: "a.prisma" };\n', 'package.json': '{ "prisma": { "schema": "b.prisma" } }\n', 'a.prisma': SCHEMA, 'b.prisma': SCHEMA }, undefined, { schemaPath: 'a.prisma', files: ['a.prisma'] }],
    ['the default schema.prisma', { 'schema.prisma': SCHEMA, 'prisma/schema.prisma': SCHEMA }, undefined, { schemaPath: 'schema.prisma', files: ['schema.prisma'] }],
    ['the default prisma/schema.prisma, alone (not its folder)', { 'prisma/schema.prisma': SCHEMA, 'prisma/other.prisma': MODELS }, undefined, { schemaPath: 'prisma/schema.prisma', files: ['prisma/schema.prisma'] }],
    ['a folder named schema.prisma is no default schema', { 'schema.prisma/a.prisma': MODELS, 'prisma/schema.prisma': SCHEMA }, undefined, { schemaPath: 'prisma/schema.prisma', files: ['prisma/schema.prisma'] }],
  ])('%s', async (_, files, schema, expected) => {
    expect(await found(files, schema)).toEqual(expected);
  });

  it.each<[string, Record<string, string>, string | undefined, RegExp]>([
    ['--prisma a missing path', { 'x.txt': '' }, 'nope.prisma', /^Could not load `--prisma` from provided path `nope\.prisma`: file or directory not found: check the path$/],
    ['a missing schema named by prisma.config.ts', { 'prisma.config.ts': 'export default { schema: "db/gone.prisma" };\n' }, undefined, /^prisma\.config\.ts names the schema db\/gone\.prisma: file or directory not found: fix the path there or pass --prisma <schema>$/],
    ['a missing schema named by package.json', { 'package.json': '{ "prisma": { "schema": "gone.prisma" } }\n' }, undefined, /^package\.json names the schema gone\.prisma: file or directory not found: fix the path there or pass --prisma <schema>$/],
    ['no schema anywhere', { 'x.txt': '' }, undefined, /^no Prisma schema found from <cwd> \(looked for prisma\.config\.ts, .*\): pass --prisma <schema file or folder>; a Drizzle or TypeORM app: --drizzle/],
    ['a prisma.config.ts that does not load', { 'prisma.config.ts': 'export default {;\n' }, undefined, /^prisma\.config\.ts: could not load the Prisma config \(.+\); pass --prisma <schema> to read the schema directly$/],
  ])('%s: one line', async (_, files, schema, expected) => {
    const message = await failure(files, schema);
    expect(message).toMatch(expected);
    expect(message).not.toMatch(/\n/);
  });
});
