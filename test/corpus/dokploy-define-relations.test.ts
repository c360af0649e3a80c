/**
 * Issue 19's must-show: the Dokploy schema of ../shared/corpus converted to drizzle-orm 1.0's
 * `defineRelations` gives what it gives under drizzle-orm 0.45: the same 6 one-to-ones lacking a
 * unique, the same relations and the same findings. Both runs are the real `oto` binary on a
 * scratch copy (as drizzle-corpus.test.ts sets Dokploy up: its npm packages linked, its path alias
 * in a tsconfig, its three server modules stubbed by oto's `stub` config); the v1 copy has its 43
 * relations() exports converted by test/support/relations-to-v2.ts into one relations.ts and
 * drizzle-orm (and drizzle-kit) 1.0.0-rc.5 of examples/drizzle-v1 in its node_modules.
 *
 * Every Dokploy table definition loads under drizzle-orm 1.0 as it is (drizzle-zod 0.5.1 builds
 * its schemas from the 1.0 tables too, so it needs no stub). Two relation fields are left out of
 * the conversion: user.projects and user.schedules are many()s with no one() pointing back, which
 * drizzle 0.45 cannot resolve either (oto warns and leaves them out there) and which v1's
 * defineRelations refuses to build. Skipped when the corpus folder is absent.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS, OTO_BIN, ROOT, copyWritable, hasCorpus, installed, tempDir } from '../support/paths';
import { relationsToV2 } from '../support/relations-to-v2';

// Converts 48 files with ts-morph and runs the CLI twice on a 67-table schema: sized for a loaded 2-core machine.
jest.setTimeout(240_000);

interface Location {
  table: string;
  columns?: string[];
  file?: string;
  line?: number;
}
interface Diagnostic {
  ruleId: string;
  severity: string;
  messageId: string;
  message: string;
  location: Location;
}
interface Relation {
  name: string;
  kind: string;
  dependent: unknown;
  principal: unknown;
  backing: { kind: string; name?: string; columns: string[] } | null;
}
interface Run {
  status: number | null;
  stderr: string;
  report?: { relations: Relation[]; diagnostics: Diagnostic[] };
}

const SCHEMA = 'packages/server/src/db/schema';
const STUBS = ['@dokploy/server/constants', '@dokploy/server/lib/encryption', '@dokploy/server/templates'];
const V1 = path.join(ROOT, 'examples/drizzle-v1');
const root = tempDir('corpus-dokploy-v1');

/** A scratch copy of Dokploy with its packages linked, drizzle-orm and drizzle-kit from `drizzleFrom`. */
function scratch(as: string, drizzleFrom: string, schema: readonly string[]): string {
  const dir = path.join(root, as);
  copyWritable(path.join(CORPUS, 'drizzle', 'Dokploy__dokploy'), dir);
  const link = (pkg: string, from: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, 'node_modules', pkg)), { recursive: true });
    fs.symlinkSync(installed(pkg, from), path.join(dir, 'node_modules', pkg), 'dir');
  };
  for (const pkg of ['drizzle-orm', 'drizzle-kit']) link(pkg, drizzleFrom);
  for (const pkg of ['drizzle-zod', 'zod', 'nanoid', '@faker-js/faker']) link(pkg, path.join(ROOT, 'test'));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@dokploy/server/*': ['packages/server/src/*'] } } }));
  fs.writeFileSync(
    path.join(dir, 'drizzle.config.ts'),
    `import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ schema: ${JSON.stringify(schema.map((s) => `./${SCHEMA}/${s}`))}, dialect: 'postgresql', out: './apps/dokploy/drizzle' });\n`,
  );
  fs.writeFileSync(path.join(dir, 'oto.config.json'), JSON.stringify({ stub: STUBS }));
  return dir;
}

function check(cwd: string): Run {
  const run = spawnSync(process.execPath, [OTO_BIN, 'check', '--format', 'json'], { cwd, encoding: 'utf8', timeout: 180_000 });
  const report = run.status === 0 || run.status === 1 ? (JSON.parse(run.stdout) as Run['report']) : undefined;
  return { status: run.status, stderr: run.stderr, report };
}

const missingUniques = (run: Run) =>
  (run.report?.diagnostics ?? [])
    .filter((d) => d.ruleId === 'one-to-one-unique')
    .map((d) => `${d.location.table}(${d.location.columns?.join(',')})`)
    .sort();
const leftOutBy = (run: Run) => [...run.stderr.matchAll(/relation (\S+) left out/g)].map((m) => m[1]);
const byName = <T extends { name: string }>(list: readonly T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));

(hasCorpus ? describe : describe.skip)('Dokploy converted to drizzle-orm 1.0 defineRelations', () => {
  let before: Run;
  let after: Run;
  let converted: ReturnType<typeof relationsToV2>;
  let v1Dir: string;

  beforeAll(() => {
    before = check(scratch('Dokploy-0.45', path.join(ROOT, 'test'), ['index.ts']));

    v1Dir = scratch('Dokploy-1.0', V1, ['index.ts', 'relations.ts']);
    const schemaDir = path.join(v1Dir, SCHEMA);
    const files = Object.fromEntries(
      fs
        .readdirSync(schemaDir)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => [`${SCHEMA}/${f}`, fs.readFileSync(path.join(schemaDir, f), 'utf8')]),
    );
    converted = relationsToV2(files, { relationsFile: `${SCHEMA}/relations.ts`, schemaModule: './index' });
    for (const [file, text] of Object.entries(converted.files)) fs.writeFileSync(path.join(v1Dir, file), text);
    after = check(v1Dir);
  });

  it('the v1 copy resolves drizzle-orm 1.0.0-rc.5 and keeps no relations() of 0.x', () => {
    const manifest = path.join(fs.realpathSync(path.join(v1Dir, 'node_modules/drizzle-orm')), 'package.json');
    expect((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version).toBe('1.0.0-rc.5');
    // 43 schema files declared relations(); each lost them, and relations.ts holds them all.
    expect(Object.keys(converted.files)).toHaveLength(44);
    const schemaDir = path.join(v1Dir, SCHEMA);
    const stillV0 = fs.readdirSync(schemaDir).filter((f) => f !== 'relations.ts' && /\brelations\(/.test(fs.readFileSync(path.join(schemaDir, f), 'utf8')));
    expect(stillV0).toEqual([]);
    expect(converted.files[`${SCHEMA}/relations.ts`]).toContain('export const relations = defineRelations(schema, (r) => ({\n');
  });

  it('leaves out exactly the relation fields oto leaves out under 0.45 (drizzle cannot resolve them there)', () => {
    expect(leftOutBy(before)).toEqual(['user.projects', 'user.schedules']);
    expect(converted.leftOut).toEqual(leftOutBy(before));
    // Under 1.0 nothing is left out and nothing else is said but the stubs.
    expect(after.stderr).toBe(`oto: warning: stubbed 3 modules, their exports inert stand-ins: ${STUBS.map((s) => `'${s}'`).join(', ').replace(/, ([^,]*)$/, ' and $1')} (--verbose names each one's importer)\n`);
  });

  it('reports the same 6 one-to-one relations lacking a unique as under drizzle-orm 0.45', () => {
    expect(before.status).toBe(1);
    expect(after.status).toBe(1);
    const six = ['account(user_id)', 'bitbucket(gitProviderId)', 'gitea(gitProviderId)', 'github(gitProviderId)', 'gitlab(gitProviderId)', 'rollback(deploymentId)'];
    expect(missingUniques(before)).toEqual(six);
    expect(missingUniques(after)).toEqual(six);
    // The same messages, located in the same table files (the column, one line up: the relations import went).
    const unique = (run: Run) => (run.report?.diagnostics ?? []).filter((d) => d.ruleId === 'one-to-one-unique').map((d) => [d.message, d.location.file]);
    expect(unique(after).sort()).toEqual(unique(before).sort());
  });

  it('reads the same relations: names, kinds, both ends and the backing key', () => {
    const relations = (run: Run) =>
      // drizzle-orm 1.0 leaves a column's .unique() unnamed (0.45 names it <table>_<column>_unique): the key's kind and columns compared.
      byName(run.report?.relations ?? []).map((r) => ({ ...r, backing: r.backing && { kind: r.backing.kind, columns: r.backing.columns } }));
    expect(relations(before)).toHaveLength(126);
    expect(relations(after)).toEqual(relations(before));
    expect(relations(after).filter((r) => r.kind === 'one-to-one')).toHaveLength(6);
  });

  it('gives the same findings: rule, severity, message id and location (file and line apart: the relations moved to relations.ts)', () => {
    const findings = (run: Run) =>
      (run.report?.diagnostics ?? [])
        .map(({ ruleId, severity, messageId, location: { file: _file, line: _line, ...location } }) => JSON.stringify({ ruleId, severity, messageId, location }))
        .sort();
    expect(findings(before)).toHaveLength(14);
    expect(findings(after)).toEqual(findings(before));
  });
});
