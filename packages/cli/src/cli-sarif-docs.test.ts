import { tempProjects } from '../../core/src/testing/temp-projects';
import { expectInputError, oto } from './testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const project = tempProjects('cli-sarif-docs');
const SCHEMA = 'datasource db {\n  provider = "postgresql"\n}\nmodel User {\n  id      Int      @id\n  profile Profile?\n}\nmodel Profile {\n  id     Int  @id\n  userId Int  @unique\n  user   User @relation(fields: [userId], references: [id])\n}\n';
type SarifRule = { id: string; helpUri?: string };
const rulesOf = (stdout: string): SarifRule[] => JSON.parse(stdout).runs[0].tool.driver.rules;

describe('oto check --format sarif and the config key docsUrl', () => {
  it('gives each SARIF rule a helpUri under docsUrl, and none without it', async () => {
    const linked = project('linked', { 'package.json': '{"oto":{"docsUrl":"https://example.org/oto/docs/rules/"}}', 'schema.prisma': SCHEMA });
    const withDocs = await oto(linked, 'check', '--format', 'sarif');
    expect(withDocs.stderr).toBe('');
    const rules = rulesOf(withDocs.stdout);
    expect(rules.find((r) => r.id === 'one-to-one-unique')?.helpUri).toBe('https://example.org/oto/docs/rules/one-to-one-unique.md');
    expect(rules.every((r) => r.helpUri === `https://example.org/oto/docs/rules/${r.id}.md`)).toBe(true);

    const plain = project('plain', { 'package.json': '{}', 'schema.prisma': SCHEMA });
    expect(rulesOf((await oto(plain, 'check', '--format', 'sarif')).stdout).some((r) => r.helpUri !== undefined)).toBe(false);
  }, 60_000);

  it('a docsUrl that is no URL is one line naming the key', async () => {
    const bad = project('bad', { 'package.json': '{"oto":{"docsUrl":"docs/rules"}}', 'schema.prisma': SCHEMA });
    await expectInputError(bad, ['check', '--format', 'sarif'], /package\.json#oto: docsUrl/);
  }, 60_000);
});
