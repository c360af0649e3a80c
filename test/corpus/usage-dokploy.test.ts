/**
 * The must-show of `oto check --usage` (issue 17): Dokploy's application code, set up in a scratch
 * folder as ../shared/corpus/README.md says ("Application code"), checked by the real `oto` binary
 * against its Drizzle schema. The expected call sites come from the corpus's manual review, not
 * from oto. Skipped when the corpus folder is absent.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS, OTO_BIN, ROOT, hasCorpus, installed, tempDir } from '../support/paths';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

interface Diagnostic {
  ruleId: string;
  messageId: string;
  location: { file?: string; line?: number; column?: number; relation?: string };
}
interface Report {
  diagnostics: Diagnostic[];
  usage: { files: number; queries: number; unresolved: { file: string; line: number; reason: string }[] };
}

const PACKAGES = ['drizzle-orm', 'postgres', 'zod', 'drizzle-zod', 'nanoid', '@faker-js/faker'];
const STUBS = ['@dokploy/server/constants', '@dokploy/server/lib/encryption', '@dokploy/server/templates'];

/** The scratch copy: the app code, its npm packages linked, the workspace package, a solution tsconfig over its two tsconfigs. */
function scratch(root: string): string {
  const dir = path.join(root, 'dokploy');
  fs.cpSync(path.join(CORPUS, 'usage/Dokploy__dokploy'), dir, { recursive: true });
  const link = (name: string, target: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, 'node_modules', name)), { recursive: true });
    fs.symlinkSync(target, path.join(dir, 'node_modules', name), 'dir');
  };
  for (const pkg of PACKAGES) link(pkg, installed(pkg, path.join(ROOT, 'test')));
  link('@dokploy/server', path.join(dir, 'packages/server'));
  const files: Record<string, unknown> = {
    // For loading the schema: the alias the schema's imports use.
    'tsconfig.json': { compilerOptions: { paths: { '@dokploy/server/*': ['./packages/server/src/*'] } } },
    'tsconfig.usage.json': { files: [], references: [{ path: './apps/dokploy' }, { path: './packages/server' }] },
    'oto.config.json': { stub: STUBS },
  };
  for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), JSON.stringify(content));
  return dir;
}

/** What the review lists: `usage-unbacked-one-to-one` at exactly these 9 call sites. */
const EXPECTED = [
  'apps/dokploy/reset-password.ts:12',
  'apps/dokploy/server/api/routers/deployment.ts:157',
  'apps/dokploy/server/api/routers/git-provider.ts:34',
  'apps/dokploy/server/api/routers/git-provider.ts:35',
  'apps/dokploy/server/api/routers/git-provider.ts:36',
  'apps/dokploy/server/api/routers/git-provider.ts:37',
  'apps/dokploy/server/api/routers/user.ts:234',
  'apps/dokploy/server/api/routers/user.ts:255',
  'packages/server/src/services/deployment.ts:674',
];

/** The many-to-one `with` keys of applications and compose (through the providers' primary keys): never reported. */
const NOT_REPORTED: Record<string, readonly [number, number]> = {
  'packages/server/src/services/compose.ts': [128, 131],
  'packages/server/src/services/application.ts': [105, 116],
  'apps/dokploy/pages/api/deploy/[refreshToken].ts': [53, 53],
  'apps/dokploy/pages/api/deploy/compose/[refreshToken].ts': [36, 36],
};

(hasCorpus ? describe : describe.skip)('oto check --usage on Dokploy', () => {
  let report: Report;
  let status: number | null;
  let stderr: string;
  const root = hasCorpus ? tempDir('usage-dokploy') : '';

  beforeAll(() => {
    const dir = scratch(root);
    const run = spawnSync(
      process.execPath,
      [OTO_BIN, 'check', '--drizzle', 'packages/server/src/db/schema/index.ts', '--usage', 'tsconfig.usage.json', '--verbose', '--format', 'json'],
      { cwd: dir, encoding: 'utf8', timeout: 600_000 },
    );
    status = run.status;
    stderr = run.stderr;
    report = JSON.parse(run.stdout) as Report;
  }, 660_000);

  it('reports usage-unbacked-one-to-one at exactly the 9 call sites of the review, each naming its relation', () => {
    expect(status).toBe(1);
    const found = report.diagnostics.filter((d) => d.ruleId === 'usage-unbacked-one-to-one');
    expect(found.map((d) => `${d.location.file}:${d.location.line}`).sort()).toEqual(EXPECTED);
    const byRelation = (file: string) => found.filter((d) => d.location.file?.endsWith(file)).map((d) => `${d.messageId} ${d.location.relation}`);
    expect(byRelation('routers/user.ts')).toEqual(['single-row account.user', 'write account.user']);
    expect(byRelation('reset-password.ts')).toEqual(['write account.user']);
    expect(byRelation('git-provider.ts')).toEqual(['read gitlab.gitProvider', 'read bitbucket.gitProvider', 'read github.gitProvider', 'read gitea.gitProvider']);
    expect(byRelation('deployment.ts')).toEqual(['read rollbacks.deployment', 'read rollbacks.deployment']);
  });

  it('reports nothing at the many-to-one with keys of applications and compose', () => {
    const inRange = report.diagnostics.filter((d) => {
      const range = d.location.file ? NOT_REPORTED[d.location.file] : undefined;
      return range && d.location.line! >= range[0] && d.location.line! <= range[1];
    });
    expect(inRange).toEqual([]);
  });

  it('resolves all but under 5% of the ORM calls it recognised, and lists the rest with --verbose', () => {
    expect(report.usage.queries).toBeGreaterThan(300);
    expect(report.usage.unresolved.length / report.usage.queries).toBeLessThan(0.05);
    expect(stderr).toContain(`oto: usage: ${report.usage.queries} queries in ${report.usage.files} files of tsconfig.usage.json, ${report.usage.unresolved.length} not resolved`);
    for (const u of report.usage.unresolved) expect(stderr).toContain(`  ${u.file}:${u.line}:`);
  });
});
