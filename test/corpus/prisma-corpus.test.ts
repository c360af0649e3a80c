/**
 * The real Prisma schemas of ../shared/corpus, checked by the real `oto` binary. The expected
 * counts come from the corpus's manual review (its README and MANIFEST.tsv), not from oto.
 * Skipped when the corpus folder is absent (a user's clone of oto does not have it).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { CORPUS, OTO_BIN, hasCorpus } from '../support/paths';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

interface Expected {
  readonly schema: string;
  readonly oneToOne: number;
  readonly sharedPrimaryKey?: number;
}

const SCHEMAS: readonly Expected[] = [
  { schema: 'prisma/civitai__civitai/packages/civitai-db-schema/prisma/schema.full.prisma', oneToOne: 73, sharedPrimaryKey: 30 },
  { schema: 'prisma/openshiporg__openfront/schema.prisma', oneToOne: 14 },
  { schema: 'prisma/triggerdotdev__trigger.dev/internal-packages/database/prisma/schema.prisma', oneToOne: 7 },
  { schema: 'prisma/triggerdotdev__trigger.dev/internal-packages/run-ops-database/prisma/schema.prisma', oneToOne: 3 },
  { schema: 'prisma/langfuse__langfuse/packages/shared/prisma/schema.prisma', oneToOne: 1 },
  { schema: 'prisma/umami-software__umami/prisma/schema.prisma', oneToOne: 0 },
];

interface ReportRelation {
  name: string;
  kind: string;
  dependent: { table: string; columns: string[]; field?: string };
  principal: { table: string; columns: string[]; field?: string };
  backing: { kind: string; columns: string[] } | null;
}

const runs = new Map<string, ReturnType<typeof runCheck>>();

/** One run of the binary per schema, shared by the tests that read it. */
function checkJson(schema: string) {
  const cached = runs.get(schema) ?? runCheck(schema);
  runs.set(schema, cached);
  return cached;
}

function runCheck(schema: string) {
  const run = spawnSync(process.execPath, [OTO_BIN, 'check', '--prisma', path.join(CORPUS, schema), '--format', 'json'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, stderr: run.stderr, report: run.status === 0 || run.status === 1 ? JSON.parse(run.stdout) : undefined };
}

(hasCorpus ? describe : describe.skip)('the Prisma corpus', () => {
  describe.each(SCHEMAS)('$schema', ({ schema, oneToOne, sharedPrimaryKey }) => {
    const run = checkJson(schema);
    const relations: ReportRelation[] = run.report?.relations ?? [];
    const oneToOnes = relations.filter((r) => r.kind === 'one-to-one');

    it('succeeds with no error-level finding', () => {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    });

    it(`lists the ${oneToOne} one-to-one relations of the manual review, each backed`, () => {
      expect(oneToOnes).toHaveLength(oneToOne);
      expect(oneToOnes.filter((r) => r.backing === null)).toEqual([]);
      if (sharedPrimaryKey !== undefined) {
        expect(oneToOnes.filter((r) => r.backing?.kind === 'primary-key')).toHaveLength(sharedPrimaryKey);
      }
    });

    it('reports no one-to-one-unique finding', () => {
      expect(run.report.diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'one-to-one-unique')).toEqual([]);
    });
  });

  it('civitai: the one two-column foreign key (Thread → ComicChapter) is backed by its two-column unique', () => {
    const { report } = checkJson(SCHEMAS[0]!.schema);
    const composite = (report.relations as ReportRelation[]).filter((r) => r.kind === 'one-to-one' && r.dependent.columns.length === 2);
    expect(composite).toHaveLength(1);
    expect(composite[0]?.dependent.table).toBe('Thread');
    expect(composite[0]?.backing?.kind).toBe('unique');
    expect([...(composite[0]?.backing?.columns ?? [])].sort()).toEqual([...(composite[0]?.dependent.columns ?? [])].sort());
  });

  it('openfront: all 14 one-to-ones are optional on the principal side and named', () => {
    const { report } = checkJson(SCHEMAS[1]!.schema);
    const oneToOnes = (report.relations as ReportRelation[]).filter((r) => r.kind === 'one-to-one');
    expect(oneToOnes.every((r) => r.dependent.field !== undefined && r.principal.field !== undefined)).toBe(true);
    expect(new Set(oneToOnes.map((r) => r.name)).size).toBe(14);
  });
});
