/** The real `prisma generate` with the oto generator, in a temporary folder. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OTO_PRISMA_BIN, PRISMA_CLI, prismaEnv, tempDir } from '../support/paths';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const root = tempDir('generate');

function project(name: string, block: string, models: string) {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  const schema = `generator oto {
  provider = "node ${OTO_PRISMA_BIN.split(path.sep).join('/')}"
  output   = "./oto-out"
${block}
}

datasource db {
  provider = "postgresql"
}
${models}`;
  fs.writeFileSync(path.join(dir, 'schema.prisma'), schema);
  return dir;
}

function generate(dir: string) {
  const run = spawnSync(process.execPath, [PRISMA_CLI, 'generate', '--schema', 'schema.prisma'], {
    cwd: dir,
    env: prismaEnv(),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const MODELS = `
model User {
  id      Int      @id
  profile Profile?
  orders  Order[]
}
model Profile {
  userId Int  @id
  user   User @relation(fields: [userId], references: [id], onDelete: Cascade)
}
model Order {
  id     Int  @id
  userId Int  @unique
  user   User @relation(fields: [userId], references: [id])
}
`;

describe('prisma generate with the oto generator', () => {
  it('prints the report, writes oto-report.json and passes below failOn', () => {
    const dir = project('passes', '  failOn = "error"', MODELS);
    const { status, output } = generate(dir);
    expect(output).toContain('hidden-one-to-one');
    expect(output).toMatch(/oto: 0 errors, \d+ warnings/);
    expect(status).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'oto-out', 'oto-report.json'), 'utf8'));
    expect(report.version).toBe(1);
    expect(report.relations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'ProfileToUser',
          kind: 'one-to-one',
          dependent: expect.objectContaining({ table: 'Profile', columns: ['userId'] }),
          backing: { kind: 'primary-key', name: 'Profile_pkey', columns: ['userId'] },
        }),
      ]),
    );
    expect(report.diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain('hidden-one-to-one');
  });

  it('fails generate with the report when findings reach failOn', () => {
    const dir = project('fails', '  failOn = "warning"\n  rules = ["one-to-one-naming = off"]', MODELS);
    const { status, output } = generate(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('oto found one-to-one problems at or above "warning"');
    expect(output).toContain('User.orders is declared one-to-many'); // named by the list that makes it to-many
    expect(output).not.toContain('one-to-one-naming');
  });

  it('fails generate with one line for an unknown or ill-typed option', () => {
    const unknown = generate(project('unknown', '  colour = "red"', MODELS));
    expect(unknown.status).not.toBe(0);
    expect(unknown.output).toMatch(/generator oto: Unrecognized key: "colour"/);
    const illTyped = generate(project('ill-typed', '  failOn = "sometimes"', MODELS));
    expect(illTyped.status).not.toBe(0);
    expect(illTyped.output).toContain('generator oto: failOn: Invalid option: expected one of "error"|"warning"|"never"');
    const badRule = generate(project('bad-rule', '  rules = ["one-to-one-unique = loud"]', MODELS));
    expect(badRule.output).toContain('unknown severity "loud" for one-to-one-unique');
    expect(`${unknown.output}${illTyped.output}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('reads a multi-file schema folder, locating findings in their own files', () => {
    const dir = path.join(root, 'multi');
    const schema = path.join(dir, 'prisma', 'schema');
    fs.mkdirSync(schema, { recursive: true });
    fs.writeFileSync(
      path.join(schema, 'main.prisma'),
      `generator oto {\n  provider = "node ${OTO_PRISMA_BIN.split(path.sep).join('/')}"\n  output   = "../../oto-out"\n}\ndatasource db {\n  provider = "postgresql"\n}\n`,
    );
    fs.writeFileSync(path.join(schema, 'user.prisma'), 'model User {\n  id     Int     @id\n  orders Order[]\n}\n');
    fs.writeFileSync(path.join(schema, 'order.prisma'), 'model Order {\n  id     Int  @id\n  userId Int  @unique\n  user   User @relation(fields: [userId], references: [id])\n}\n');
    const run = spawnSync(process.execPath, [PRISMA_CLI, 'generate', '--schema', 'prisma/schema'], { cwd: dir, env: prismaEnv(), encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    // At User.orders, the list that makes the unique Order.userId to-many, in its own file.
    expect(run.stdout).toContain('hidden-one-to-one  prisma/schema/user.prisma:3');
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'oto-out', 'oto-report.json'), 'utf8'));
    expect(report.diagnostics[0].location).toMatchObject({ table: 'User', field: 'orders', file: 'prisma/schema/user.prisma', line: 3 });
  });

  it('fails on a schema with a syntax error, naming the line', () => {
    const { status, output } = generate(project('syntax', '', 'model A {\n  id Int @id\n  oops\n}\n'));
    expect(status).not.toBe(0);
    expect(output).toMatch(/schema\.prisma:12/);
  });
});
