import { tempProjects } from '../../core/src/testing/temp-projects';
import { expectInputError, oto } from './testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const project = tempProjects('cli');

const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n}\n';
const USER = 'model User {\n  id      Int      @id\n  profile Profile?\n  orders  Order[]\n}\n';
const PROFILE = 'model Profile {\n  userId Int  @id\n  user   User @relation(fields: [userId], references: [id])\n  @@map("oto_profile")\n}\n';
/** Order.userId is @unique but User declares a list: a hidden one-to-one (a warning). */
const ORDER = 'model Order {\n  id     Int  @id\n  userId Int  @unique\n  user   User @relation(fields: [userId], references: [id])\n}\n';
const SCHEMA = `${DATASOURCE}${USER}${PROFILE}${ORDER}`;

describe('oto check --prisma', () => {
  const dir = project('basic', { 'package.json': '{}', 'db/schema.prisma': SCHEMA });

  it('prints the text report and exits 0 when nothing reaches error', async () => {
    const { code, stdout, stderr } = await oto(dir, 'check', '--prisma', 'db/schema.prisma');
    expect(stderr).toBe('');
    expect(stdout).toContain('hidden-one-to-one  db/schema.prisma:7'); // at User.orders, the list to make one-to-one
    expect(stdout).toContain('0 errors, 1 warning, 0 info in 1 one-to-one relation (of 2 relations)');
    expect(code).toBe(0);
  });

  it('exits 1 when a finding reaches error, or the --fail-on threshold', async () => {
    expect((await oto(dir, 'check', '--prisma', 'db/schema.prisma', '--fail-on', 'warning')).code).toBe(1);
    const strict = project('strict', { 'package.json': '{"oto":{"rules":{"hidden-one-to-one":"error"}}}', 'schema.prisma': SCHEMA });
    expect((await oto(strict, 'check')).code).toBe(1);
  });

  it('prints json (version 1), sarif and github formats', async () => {
    const json = JSON.parse((await oto(dir, 'check', '--prisma', 'db/schema.prisma', '--format', 'json')).stdout);
    expect(json.version).toBe(1);
    expect(json.relations.map((r: { name: string; kind: string }) => [r.name, r.kind])).toEqual([
      ['ProfileToUser', 'one-to-one'],
      ['OrderToUser', 'one-to-many'],
    ]);
    expect(json.diagnostics[0]).toMatchObject({
      ruleId: 'hidden-one-to-one',
      severity: 'warning',
      location: { table: 'User', field: 'orders', relation: 'OrderToUser', columns: ['id'], file: 'db/schema.prisma', line: 7 },
    });
    const sarif = JSON.parse((await oto(dir, 'check', '--prisma', 'db/schema.prisma', '--format', 'sarif')).stdout);
    expect(sarif.runs[0].results).toHaveLength(1);
    expect((await oto(dir, 'check', '--prisma', 'db/schema.prisma', '--format', 'github')).stdout).toMatch(
      /^::warning file=db\/schema\.prisma,line=7,title=oto hidden-one-to-one::/,
    );
  });

  it('reads a multi-file schema folder, locating each finding in its own file', async () => {
    const multi = project('multi', {
      'package.json': '{}',
      'prisma/schema/main.prisma': DATASOURCE,
      'prisma/schema/user.prisma': `${USER}${PROFILE}`,
      'prisma/schema/order.prisma': ORDER,
    });
    const json = JSON.parse((await oto(multi, 'check', '--prisma', 'prisma/schema', '--format', 'json')).stdout);
    expect(json.relations).toHaveLength(2);
    expect(json.diagnostics[0].location).toMatchObject({ file: 'prisma/schema/user.prisma', line: 4 }); // User.orders
  });

  it('applies ignores and naming from oto.config.json, and --config', async () => {
    const cfg = project('config', {
      'package.json': '{}',
      'schema.prisma': SCHEMA,
      'oto.config.json': '{"ignore":{"relations":["Order.user"]}}',
      'other.json': '{"naming":"infix"}',
    });
    expect((await oto(cfg, 'check')).stdout).toContain('no findings in 1 one-to-one relation');
    const infix = await oto(cfg, 'check', '--config', 'other.json');
    // The naming convention is one summary line; --verbose lists the one-to-ones under it.
    expect(infix.stdout).toContain('1 one-to-one is not named by the oto_ convention: `oto fix --renames`, or set naming');
    expect(infix.stdout).not.toContain('expected a name like');
    expect((await oto(cfg, 'check', '--config', 'other.json', '--verbose')).stdout).toContain('expected a name like User_oto_profile');
  });
});

describe('finding the schema the way Prisma does', () => {
  it.each([
    ['prisma/schema.prisma', { 'prisma/schema.prisma': SCHEMA }],
    ['schema.prisma', { 'schema.prisma': SCHEMA }],
    ['package.json prisma.schema', { 'package.json': '{"prisma":{"schema":"db/app.prisma"}}', 'db/app.prisma': SCHEMA }],
    ['prisma.config.ts schema', { 'prisma.config.ts': 'export default { schema: "db/app.prisma" };\n', 'db/app.prisma': SCHEMA }],
  ])('from %s', async (name, files) => {
    const dir = project(`find-${name.replace(/\W+/g, '-')}`, { 'package.json': '{}', ...files });
    const { code, stdout, stderr } = await oto(dir, 'check');
    expect(stderr).toBe('');
    expect(stdout).toContain('in 1 one-to-one relation (of 2 relations)');
    expect(code).toBe(0);
  });
});

describe('bad input: one line on stderr, exit 2', () => {
  const dir = project('bad', {
    'package.json': '{}',
    'broken.prisma': `${DATASOURCE}model A {\n  id Int @id\n  b Missing\n}\n`,
    'syntax.prisma': `${DATASOURCE}model A {\n  id Int @id\n  oops\n}\n`,
    'bad-config.json': '{"failOn":"always"}',
    'schema.prisma': SCHEMA,
  });

  it.each([
    ['a missing schema file', ['check', '--prisma', 'nope.prisma'], /^oto: Could not load `--prisma` from provided path `nope\.prisma`: file or directory not found: check the path\n$/],
    ['a schema with an error', ['check', '--prisma', 'broken.prisma'], /^oto: .*broken\.prisma:6:5: Type "Missing" is neither a built-in type/],
    ['a schema with a syntax error', ['check', '--prisma', 'syntax.prisma'], /^oto: .*syntax\.prisma:6:3: Error validating model "A": This field declaration is invalid/],
    ['a bad config value', ['check', '--config', 'bad-config.json'], /^oto: bad-config\.json: failOn: Invalid option/],
    ['a missing config file', ['check', '--config', 'nope.json'], /^oto: .*nope\.json: config file not found/],
    ['a missing config file whose name breaks the line', ['check', '--config', 'no\npe\u2028.json'], /^oto: .*no\\npe\\u2028\.json: config file not found/],
    ['an unknown format', ['check', '--format', 'xml'], /^oto: option '--format <format>' argument 'xml' is invalid/],
    ['an unknown option', ['check', '--colour'], /^oto: unknown option '--colour' \(Did you mean --color\?\)\n$/],
    ['an unknown command', ['lint'], /^oto: unknown command 'lint' \(Did you mean init\?\)\n$/],
  ])('%s', (_, args, message) => expectInputError(dir, args, message));

  it('says where it looked when there is no schema', async () => {
    const empty = project('empty', { 'package.json': '{}' });
    const { code, stderr } = await oto(empty, 'check');
    expect(stderr).toMatch(/^oto: no Prisma schema found from .*: pass --prisma <schema file or folder>; a Drizzle or TypeORM app: --drizzle <config> or --typeorm <data source> \(or "typeorm" in the oto config\)\n$/);
    expect(code).toBe(2);
  });
});
