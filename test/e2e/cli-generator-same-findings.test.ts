/**
 * One set of settings (issue 18): `prisma generate` with the oto generator and `oto check` on the
 * same schema give the same findings; the generator block's rules, naming and failOn apply to both,
 * over the project's config file.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../packages/cli/src/cli';
import { OTO_PRISMA_BIN, PRISMA_CLI, prismaEnv, tempDir } from '../support/paths';

jest.setTimeout(180_000);

const root = tempDir('same-findings');

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

function project(name: string, block: string, config: object) {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'prisma'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, oto: config }));
  const provider = `node ${OTO_PRISMA_BIN.split(path.sep).join('/')}`;
  fs.writeFileSync(
    path.join(dir, 'prisma', 'schema.prisma'),
    `generator oto {\n  provider = "${provider}"\n  output   = "../oto-out"\n${block}}\n\ndatasource db {\n  provider = "postgresql"\n}\n${MODELS}`,
  );
  return dir;
}

async function cliReport(dir: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['check', '--format', 'json'], { cwd: dir, env: {}, isTTY: false, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stderr, report: JSON.parse(stdout) };
}

function generatorReport(dir: string) {
  const run = spawnSync(process.execPath, [PRISMA_CLI, 'generate', '--schema', 'prisma/schema.prisma'], { cwd: dir, env: prismaEnv(), encoding: 'utf8', timeout: 150_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}`, report: JSON.parse(fs.readFileSync(path.join(dir, 'oto-out', 'oto-report.json'), 'utf8')) };
}

const findings = (report: { diagnostics: { ruleId: string; severity: string; location: object; message: string }[] }) =>
  report.diagnostics.map((d) => ({ ruleId: d.ruleId, severity: d.severity, location: d.location, message: d.message }));

describe('oto check and prisma generate: the same findings for one schema with a generator block', () => {
  it.each<[string, string, object, string[], boolean]>([
    // The block turns the naming rule off and raises hidden-one-to-one over the config file's "info".
    ['the block over the config file', '  naming = "off"\n  rules  = ["hidden-one-to-one = error"]\n  failOn = "never"\n', { rules: { 'hidden-one-to-one': 'info' }, naming: 'prefix' }, ['hidden-one-to-one:error'], false],
    ['the config file alone', '', { rules: { 'hidden-one-to-one': 'info', 'one-to-one-naming': 'off' } }, ['hidden-one-to-one:info'], false],
    ['failOn warn in the block fails both', '  failOn = "warn"\n  naming = "off"\n', {}, ['hidden-one-to-one:warning'], true],
  ])('%s', async (name, block, config, expected, fails) => {
    const dir = project(name.replace(/\W+/g, '-'), block, config);
    const generated = generatorReport(dir);
    const checked = await cliReport(dir);
    expect(findings(generated.report).map((d) => `${d.ruleId}:${d.severity}`)).toEqual(expected);
    expect(findings(checked.report)).toEqual(findings(generated.report));
    expect(checked.report.relations).toEqual(generated.report.relations);
    expect(generated.status !== 0).toBe(fails);
    expect(checked.code).toBe(fails ? 1 : 0);
  });
});
