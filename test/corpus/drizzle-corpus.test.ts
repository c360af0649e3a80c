/**
 * The real Drizzle schemas of ../shared/corpus, checked by the real `oto` binary, each set up in a
 * scratch folder the way its corpus README says: the public npm packages the schema imports
 * (linked from this checkout), the project's path alias in a tsconfig, and its internal modules
 * that need servers replaced through oto's own stub option. The expected findings come from the
 * corpus's manual review, not from oto. Skipped when the corpus folder is absent.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadDrizzleModel } from '@oto/drizzle';
import { CORPUS, DRIZZLE_KIT_CLI, OTO_BIN, ROOT, copyWritable, hasCorpus, installed, tempDir } from '../support/paths';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

interface Diagnostic {
  ruleId: string;
  location: { table: string; columns?: string[]; file?: string };
}
interface Relation {
  kind: string;
  dependent: { table: string; columns: string[] };
}

const root = tempDir('corpus-drizzle');

/** Copies a corpus project to a scratch folder (named `as`) with its npm packages linked and extra files written. */
function scratch(project: string, packages: readonly string[], files: Record<string, string> = {}, as = project): string {
  const dir = path.join(root, as);
  copyWritable(path.join(CORPUS, 'drizzle', project), dir);
  for (const pkg of packages) {
    fs.mkdirSync(path.dirname(path.join(dir, 'node_modules', pkg)), { recursive: true });
    fs.symlinkSync(installed(pkg, path.join(ROOT, 'test')), path.join(dir, 'node_modules', pkg), 'dir');
  }
  for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), content);
  return dir;
}

function check(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [OTO_BIN, 'check', '--format', 'json', ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  const report = run.status === 0 || run.status === 1 ? (JSON.parse(run.stdout) as { relations: Relation[]; diagnostics: Diagnostic[] }) : undefined;
  return { status: run.status, stderr: run.stderr, report };
}

const missingUniques = (diagnostics: readonly Diagnostic[]) =>
  diagnostics
    .filter((d) => d.ruleId === 'one-to-one-unique')
    .map((d) => `${d.location.table}(${d.location.columns?.join(',')})`)
    .sort();

(hasCorpus ? describe : describe.skip)('the Drizzle corpus', () => {
  describe('Dokploy', () => {
    const STUBS = ['@dokploy/server/constants', '@dokploy/server/lib/encryption', '@dokploy/server/templates'];
    const dir = hasCorpus
      ? scratch('Dokploy__dokploy', ['drizzle-orm', 'drizzle-kit', 'drizzle-zod', 'zod', 'nanoid', '@faker-js/faker'], {
          'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@dokploy/server/*': ['packages/server/src/*'] } } }),
          'drizzle.config.ts': `import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ schema: './packages/server/src/db/schema/index.ts', dialect: 'postgresql', out: './apps/dokploy/drizzle' });\n`,
        })
      : '';

    it('without the stubs, names every module that cannot load in one line, with the exact stub list (exit 2)', () => {
      const run = check(dir);
      const mapped = (module: string, importer: string) =>
        `'@dokploy/server/${module}' imported by packages/server/src/db/schema/${importer} (tsconfig "paths" maps it to packages/server/src/${module}, which is not there)`;
      expect(run.stderr).toBe(
        `oto: packages/server/src/db/schema/index.ts: cannot find 3 modules: ${mapped('constants', 'user.ts')}, ${mapped('lib/encryption', 'utils.ts')}, ${mapped('templates', 'utils.ts')}: ` +
          `fix the imports or the tsconfig "paths" entry; if they cannot load here (they need secrets, env vars, servers or a build step), stub them: ` +
          `"stub": ${JSON.stringify(STUBS).replace(/","/g, '", "')} in the oto config, or ${STUBS.map((s) => `--stub '${s}'`).join(' ')}\n`,
      );
      expect(run.status).toBe(2);
    });

    it('with the three stubs, reports exactly the 6 one-to-one relations lacking a unique', () => {
      fs.writeFileSync(path.join(dir, 'oto.config.json'), JSON.stringify({ stub: STUBS }));
      const run = check(dir);
      expect(run.status).toBe(1);
      expect(missingUniques(run.report?.diagnostics ?? [])).toEqual([
        'account(user_id)',
        'bitbucket(gitProviderId)',
        'gitea(gitProviderId)',
        'github(gitProviderId)',
        'gitlab(gitProviderId)',
        'rollback(deploymentId)',
      ]);
      // One finding per relation, though each of the 6 is declared by one() on both sides.
      expect(run.report?.relations.filter((r) => r.kind === 'one-to-one')).toHaveLength(6);
      // The stubbed modules are named in one line on stderr.
      expect(run.stderr).toContain(`oto: warning: stubbed 3 modules, their exports inert stand-ins: ${STUBS.map((s) => `'${s}'`).join(', ').replace(/, ([^,]*)$/, ' and $1')} (--verbose names each one's importer)\n`);
    });

    it('loads the 67 tables of the schema index', () => {
      const { model, stubbed } = loadDrizzleModel({ cwd: dir, stubs: STUBS });
      expect(model.tables).toHaveLength(67);
      expect(stubbed.map((s) => s.request).sort()).toEqual(STUBS);
    });
  });

  describe('Dokploy: oto fix', () => {
    const SCHEMA = 'packages/server/src/db/schema';
    // drizzle-kit cannot use oto's stubs: the three server modules as inert files at the aliased paths.
    const dir = hasCorpus
      ? scratch('Dokploy__dokploy', ['drizzle-orm', 'drizzle-kit', 'drizzle-zod', 'zod', 'nanoid', '@faker-js/faker'], {
          'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@dokploy/server/*': ['packages/server/src/*'] } } }),
          'drizzle.config.ts': `import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ schema: './${SCHEMA}/index.ts', dialect: 'postgresql', out: './oto-out' });\n`,
          'packages/server/src/constants.ts': "export const paths = () => ({ MAIN_TRAEFIK_PATH: '/etc/dokploy/traefik' });\n",
          'packages/server/src/templates.ts': "export const generatePassword = (n: number) => 'x'.repeat(n);\n",
        }, 'Dokploy-fix')
      : '';
    if (hasCorpus) {
      fs.mkdirSync(path.join(dir, 'packages/server/src/lib'));
      fs.writeFileSync(path.join(dir, 'packages/server/src/lib/encryption.ts'), 'export const encryptValue = (v: string) => v;\nexport const decryptValue = (v: string) => v;\n');
    }
    const fix = () => spawnSync(process.execPath, [OTO_BIN, 'fix'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    const drizzleKit = () => spawnSync(process.execPath, [DRIZZLE_KIT_CLI, 'generate'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    const schemaFiles = () => Object.fromEntries(fs.readdirSync(path.join(dir, SCHEMA)).map((f) => [f, fs.readFileSync(path.join(dir, SCHEMA, f), 'utf8')]));

    it('adds the unique to exactly the 6 columns; a second run changes nothing; drizzle-kit then emits the 6 constraints', () => {
      expect(drizzleKit().status).toBe(0); // the schema as it was: drizzle-kit's snapshot to diff against
      const before = schemaFiles();

      const first = fix();
      expect(first.status).toBe(0);
      expect(first.stderr).toMatch(/oto: made 6 changes for 6 findings\n$/);
      const after = schemaFiles();
      const changed = Object.keys(after).filter((f) => after[f] !== before[f]).sort();
      expect(changed).toEqual(['account.ts', 'bitbucket.ts', 'gitea.ts', 'github.ts', 'gitlab.ts', 'rollbacks.ts']);
      // Each file gains one line, the column's `.unique("oto_…")`, and nothing else changes.
      for (const file of changed) {
        const added = /\n\t+\.unique\("oto_\w+_key"\)/.exec(after[file]!);
        expect(added).not.toBeNull();
        expect(after[file]!.replace(added![0], '')).toBe(before[file]);
      }

      const second = fix();
      expect(second.status).toBe(0);
      expect(second.stderr).toMatch(/oto: nothing to fix in the schema\n$/);
      expect(schemaFiles()).toEqual(after);

      const generated = drizzleKit();
      expect(generated.status).toBe(0);
      const migrations = fs.readdirSync(path.join(dir, 'oto-out')).filter((f) => f.endsWith('.sql')).sort();
      expect(migrations).toHaveLength(2);
      const statements = fs.readFileSync(path.join(dir, 'oto-out', migrations[1]!), 'utf8').split('--> statement-breakpoint').map((s) => s.trim());
      expect(statements.sort()).toEqual([
        'ALTER TABLE "account" ADD CONSTRAINT "oto_account_user_id_key" UNIQUE("user_id");',
        'ALTER TABLE "bitbucket" ADD CONSTRAINT "oto_bitbucket_gitProviderId_key" UNIQUE("gitProviderId");',
        'ALTER TABLE "gitea" ADD CONSTRAINT "oto_gitea_gitProviderId_key" UNIQUE("gitProviderId");',
        'ALTER TABLE "github" ADD CONSTRAINT "oto_github_gitProviderId_key" UNIQUE("gitProviderId");',
        'ALTER TABLE "gitlab" ADD CONSTRAINT "oto_gitlab_gitProviderId_key" UNIQUE("gitProviderId");',
        'ALTER TABLE "rollback" ADD CONSTRAINT "oto_rollback_deploymentId_key" UNIQUE("deploymentId");',
      ]);
    }, 300_000);
  });

  it('codu: BannedUsers.userId is backed by its uniqueIndex', () => {
    const dir = scratch('codu-code__codu', ['drizzle-orm']);
    const run = check(dir, '--drizzle', 'server/db/schema.ts');
    expect(run.stderr).toBe('');
    const oneToOne = run.report?.relations.filter((r) => r.kind === 'one-to-one') ?? [];
    expect(oneToOne.map((r) => `${r.dependent.table}(${r.dependent.columns.join(',')})`)).toEqual(['BannedUsers(userId)']);
    expect(missingUniques(run.report?.diagnostics ?? [])).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('dittofeed: no one-to-one at all (relations in a separate file)', () => {
    const dir = scratch('dittofeed__dittofeed', ['drizzle-orm']);
    const run = check(dir, '--drizzle', 'packages/backend-lib/src/db/*.ts');
    expect(run.report?.relations.filter((r) => r.kind === 'one-to-one')).toEqual([]);
    expect(run.report?.relations.length).toBeGreaterThan(30);
    expect(missingUniques(run.report?.diagnostics ?? [])).toEqual([]);
    expect(run.status).toBe(0);
  });
});
