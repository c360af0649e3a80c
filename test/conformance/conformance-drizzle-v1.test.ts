/**
 * Conformance under drizzle-orm 1.0: the logical schema of fixtures/ written with `defineRelations`
 * (fixtures/drizzle-v1) gives the same relations and diagnostics as the Prisma schema and the
 * Drizzle 0.45 one. It runs in a scratch project whose `drizzle-orm` is drizzle-orm 1.0 (the RC,
 * installed for tests as drizzle-orm-v1), as a v1 project has it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempProjects } from '../../packages/core/src/testing/temp-projects';
import { installed, OTO_BIN, ROOT } from '../support/paths';

jest.setTimeout(180_000);

const FIXTURES = path.join(__dirname, 'fixtures');
const project = tempProjects('conformance-v1');

interface End {
  table: string;
  columns: string[];
}
interface Diagnostic {
  ruleId: string;
  messageId: string;
  severity: string;
  location: { table: string; columns?: string[] };
  related?: Diagnostic[];
}
interface JsonReport {
  source: string;
  relations: { kind: string; dependent: End; principal: End; backing: { kind: string; columns: string[] } | null }[];
  diagnostics: Diagnostic[];
}

function report(cwd: string, ...args: string[]): JsonReport {
  const run = spawnSync(process.execPath, [OTO_BIN, 'check', '--format', 'json', ...args], { cwd, encoding: 'utf8', timeout: 150_000 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`oto ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonReport;
}

/** What every ORM must agree on, as conformance.test.ts compares it. */
function neutral(r: JsonReport) {
  const end = (e: End) => `${e.table}(${e.columns.join(',')})`;
  return {
    relations: r.relations
      .map((x) => ({ kind: x.kind, dependent: end(x.dependent), principal: end(x.principal), backing: x.backing && `${x.backing.kind}(${x.backing.columns.join(',')})` }))
      .sort((a, b) => a.dependent.localeCompare(b.dependent)),
    diagnostics: r.diagnostics
      .flatMap((d) => d.related ?? [d])
      .map((d) => `${d.severity} ${d.ruleId}/${d.messageId} ${d.location.table}(${(d.location.columns ?? []).join(',')})`)
      .sort(),
  };
}

describe('conformance: the logical schema in Drizzle 1.0 (defineRelations)', () => {
  const v1 = installed('drizzle-orm-v1', path.join(ROOT, 'packages/drizzle'));
  const dir = project('v1', { 'schema.ts': fs.readFileSync(path.join(FIXTURES, 'drizzle-v1/schema.ts'), 'utf8') }, { 'drizzle-orm': v1 });
  const prisma = report(FIXTURES, '--prisma', 'schema.prisma');
  const drizzle045 = report(FIXTURES, '--drizzle', 'drizzle/schema.ts');
  const drizzle1 = report(dir, '--drizzle', 'schema.ts');

  it('is drizzle-orm 1.0 that the scratch project loads', () => {
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'node_modules/drizzle-orm/package.json'), 'utf8')).version).toMatch(/^1\./);
    expect(drizzle1.source).toBe('drizzle');
  });

  it('gives the same relations as Prisma and Drizzle 0.45', () => {
    expect(neutral(drizzle1).relations).toEqual(neutral(prisma).relations);
    expect(neutral(drizzle1).relations).toEqual(neutral(drizzle045).relations);
    expect(neutral(drizzle1).relations).toHaveLength(8);
  });

  it('gives the same diagnostics as Prisma and Drizzle 0.45', () => {
    expect(neutral(drizzle1).diagnostics).toEqual(neutral(prisma).diagnostics);
    expect(neutral(drizzle1).diagnostics).toEqual(neutral(drizzle045).diagnostics);
    expect(neutral(drizzle1).diagnostics.length).toBeGreaterThan(0);
  });
});
