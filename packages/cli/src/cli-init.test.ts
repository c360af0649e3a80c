/** `oto init` on fixture projects: what it detects, writes and prints; nothing existing overwritten. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempProjects } from '../../core/src/testing/temp-projects';
import { detectProject } from './detect-project';
import { expectInputError, oto } from './testing/run-oto';

jest.setTimeout(120_000);

const projects = tempProjects('cli-init');
const PRISMA = 'datasource db {\n  provider = "postgresql"\n}\nmodel User {\n  id Int @id\n}\n';
const DRIZZLE_CONFIG = "export default { dialect: 'postgresql', schema: './src/db/schema.ts' };\n";
const DATA_SOURCE = "import { DataSource } from 'typeorm';\nexport const AppDataSource = new DataSource({ type: 'postgres', entities: [] });\n";
const pkg = (deps: Record<string, string>) => JSON.stringify({ name: 'app', dependencies: deps });

describe('oto init', () => {
  it.each<[string, Record<string, string>, object, object | undefined, string]>([
    ['Prisma', { 'package.json': pkg({ '@prisma/client': '7' }), 'prisma/schema.prisma': PRISMA }, { prisma: 'prisma/schema.prisma' }, { failOn: 'error' }, 'next: npx oto check\n'],
    ['Prisma, a schema folder', { 'package.json': pkg({ prisma: '7' }), 'prisma/schema/main.prisma': PRISMA }, { prisma: 'prisma/schema' }, { failOn: 'error' }, 'next: npx oto check\n'],
    ['Drizzle', { 'package.json': pkg({ 'drizzle-orm': '0.45' }), 'drizzle.config.ts': DRIZZLE_CONFIG }, { drizzle: 'drizzle.config.ts' }, { failOn: 'error' }, 'next: npx oto check\n'],
    ['TypeORM: the data source goes in the config', { 'package.json': pkg({ typeorm: '1' }), 'src/data-source.ts': DATA_SOURCE, 'src/app.ts': 'export {};\n' }, { typeorm: 'src/data-source.ts' }, { typeorm: 'src/data-source.ts', failOn: 'error' }, 'next: npx oto check\n'],
    ['TypeORM in a nested folder', { 'package.json': pkg({ typeorm: '1' }), 'src/config/db.ts': DATA_SOURCE }, { typeorm: 'src/config/db.ts' }, { typeorm: 'src/config/db.ts', failOn: 'error' }, 'next: npx oto check\n'],
    [
      'Prisma and TypeORM: one command each',
      { 'package.json': pkg({ typeorm: '1', prisma: '7' }), 'schema.prisma': PRISMA, 'src/data-source.ts': DATA_SOURCE },
      { prisma: 'schema.prisma', typeorm: 'src/data-source.ts' },
      { typeorm: 'src/data-source.ts', failOn: 'error' },
      'next: npx oto check schema.prisma\nnext: npx oto check src/data-source.ts\n',
    ],
    ['a dependency without its schema', { 'package.json': pkg({ 'drizzle-orm': '0.45' }) }, {}, { failOn: 'error' }, 'next: npx oto check\n'],
  ])('%s', async (name, files, sources, config, next) => {
    const dir = projects(name.replace(/\W+/g, '-'), files);
    expect(detectProject(dir).sources).toEqual(sources);
    const { code, stdout, stderr } = await oto(dir, 'init');
    expect(stdout).toBe(next);
    expect(stderr).toMatch(/^oto: wrote oto\.config\.json \(found: /);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'oto.config.json'), 'utf8'))).toEqual(config);
    expect(code).toBe(0);
  });

  it('the config it writes is one oto check reads: a TypeORM app needs no flag after it', async () => {
    const dir = projects('typeorm-reads', { 'package.json': pkg({ typeorm: '1' }), 'src/data-source.ts': DATA_SOURCE });
    await oto(dir, 'init');
    // The config names the data source: oto goes to TypeORM (not installed here), not to Prisma.
    const { stderr } = await oto(dir, 'check');
    expect(stderr).not.toMatch(/Prisma schema/);
    expect(stderr).toMatch(/src\/data-source\.ts|typeorm/);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['an oto.config.json', { 'oto.config.json': '{ "naming": "infix" }\n' }, /^oto: oto\.config\.json has an oto config already: left as it is\n/],
    ['package.json#oto', { 'package.json': JSON.stringify({ dependencies: { prisma: '7' }, oto: { naming: 'off' } }) }, /^oto: package\.json has an oto config already: left as it is\n/],
  ])('never overwrites an existing config (%s): one line says so', async (name, files, line) => {
    const dir = projects(`existing-${name.replace(/\W+/g, '-')}`, { 'package.json': pkg({ prisma: '7' }), 'prisma/schema.prisma': PRISMA, ...files });
    const before = Object.fromEntries(Object.keys(files).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
    const { code, stderr } = await oto(dir, 'init');
    expect(stderr).toMatch(line);
    for (const [f, text] of Object.entries(before)) expect(fs.readFileSync(path.join(dir, f), 'utf8')).toBe(text);
    expect(fs.existsSync(path.join(dir, 'oto.config.json'))).toBe(Object.keys(files).includes('oto.config.json'));
    expect(code).toBe(0);
  });

  it('--generator appends the block to the schema once; --ci writes the workflow once', async () => {
    const dir = projects('flags', { 'package.json': pkg({ prisma: '7' }), 'prisma/schema.prisma': PRISMA });
    const first = await oto(dir, 'init', '--generator', '--ci');
    expect(first.stderr).toContain('oto: added the generator oto block to prisma/schema.prisma');
    expect(first.stderr).toContain('oto: wrote .github/workflows/oto.yml (runs oto check --format github)');
    const schema = fs.readFileSync(path.join(dir, 'prisma/schema.prisma'), 'utf8');
    expect(schema.startsWith(PRISMA)).toBe(true);
    expect(schema).toMatch(/generator oto \{\n {2}provider = "oto-prisma"\n/);
    expect(fs.readFileSync(path.join(dir, '.github/workflows/oto.yml'), 'utf8')).toContain('- run: npx oto check --format github');
    const second = await oto(dir, 'init', '--generator', '--ci');
    expect(second.stderr).toContain('oto: prisma/schema.prisma has a generator oto block already: left as it is');
    expect(second.stderr).toContain('oto: .github/workflows/oto.yml exists: left as it is');
    expect(second.stderr).toContain('oto: oto.config.json has an oto config already: left as it is');
    expect(fs.readFileSync(path.join(dir, 'prisma/schema.prisma'), 'utf8')).toBe(schema);
    // The schema with the block still checks, and the block is read.
    expect((await oto(dir, 'check')).code).toBe(0);
  });

  it('--with-oto shows the wrapper for the drizzle config, which it does not edit', async () => {
    const dir = projects('with-oto', { 'package.json': pkg({ 'drizzle-orm': '0.45' }), 'drizzle.config.ts': DRIZZLE_CONFIG });
    const { stderr } = await oto(dir, 'init', '--with-oto');
    expect(stderr).toContain("oto: in drizzle.config.ts, wrap the config: import { withOto } from '@oto/drizzle'");
    expect(fs.readFileSync(path.join(dir, 'drizzle.config.ts'), 'utf8')).toBe(DRIZZLE_CONFIG);
  });

  it('no ORM here: one line, exit 2, nothing written', async () => {
    const dir = projects('none', { 'package.json': pkg({ express: '5' }) });
    await expectInputError(dir, ['init'], /^oto: no Prisma, Drizzle or TypeORM found in .*: run oto init in the project's folder\n$/);
    expect(fs.existsSync(path.join(dir, 'oto.config.json'))).toBe(false);
  });
});
