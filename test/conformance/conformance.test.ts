/**
 * Conformance: one logical schema written for each ORM (fixtures/) gives the same relations and
 * the same diagnostics, compared on the JSON reports of the real `oto` binary once the fields
 * only one ORM has (entity and field names, messages, constraint names it derives) are dropped.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { OTO_BIN } from '../support/paths';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, 'fixtures');

interface End {
  table: string;
  columns: string[];
}
interface JsonReport {
  source: string;
  dialect: string;
  relations: { kind: string; dependent: End; principal: End; backing: { kind: string; columns: string[] } | null }[];
  diagnostics: (Diagnostic & { related?: Diagnostic[] })[];
}
interface Diagnostic {
  ruleId: string;
  messageId: string;
  severity: string;
  location: { table: string; columns?: string[] };
}

function report(...args: string[]): JsonReport {
  const run = spawnSync(process.execPath, [OTO_BIN, 'check', '--format', 'json', ...args], { cwd: FIXTURES, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`oto ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonReport;
}

/** What every ORM must agree on, in a stable order. */
function neutral(r: JsonReport) {
  const end = (e: End) => `${e.table}(${e.columns.join(',')})`;
  return {
    dialect: r.dialect,
    relations: r.relations
      .map((x) => ({ kind: x.kind, dependent: end(x.dependent), principal: end(x.principal), backing: x.backing && `${x.backing.kind}(${x.backing.columns.join(',')})` }))
      .sort((a, b) => a.dependent.localeCompare(b.dependent)),
    // A summary (the naming convention's) stands for its related findings: compare those.
    diagnostics: r.diagnostics
      .flatMap((d) => d.related ?? [d])
      .map((d) => `${d.severity} ${d.ruleId}/${d.messageId} ${d.location.table}(${(d.location.columns ?? []).join(',')})`)
      .sort(),
  };
}

describe('conformance: one logical schema, every ORM', () => {
  const prisma = report('--prisma', 'schema.prisma');
  const drizzle = report('--drizzle', 'drizzle/schema.ts');
  const typeorm = report('--typeorm', 'typeorm/entities.ts');

  it('reads each ORM as its own source', () => {
    expect([prisma.source, drizzle.source, typeorm.source]).toEqual(['prisma', 'drizzle', 'typeorm']);
  });

  it('Prisma, Drizzle and TypeORM give the same relations', () => {
    expect(neutral(drizzle).relations).toEqual(neutral(prisma).relations);
    expect(neutral(typeorm).relations).toEqual(neutral(prisma).relations);
    // The fixture is not trivially empty: every situation is there.
    expect(neutral(prisma).relations.map((r) => r.kind).sort()).toEqual([
      'one-to-many',
      'one-to-many',
      'one-to-one',
      'one-to-one',
      'one-to-one',
      'one-to-one',
      'one-to-one',
      'one-to-one',
    ]);
  });

  it('Prisma, Drizzle and TypeORM give the same diagnostics', () => {
    expect(neutral(drizzle).diagnostics).toEqual(neutral(prisma).diagnostics);
    expect(neutral(typeorm).diagnostics).toEqual(neutral(prisma).diagnostics);
    expect(neutral(prisma).diagnostics).toEqual([
      'warning false-one-to-one/timeSliced oto_ceo_assignment(valid_from,valid_to)',
      'warning hidden-one-to-one/hidden order(id)',
      'warning one-to-one-naming/tableName account(user_id)',
      'warning one-to-one-naming/uniqueName account(user_id)',
      'warning one-to-one-on-delete/setNullOnRequired oto_license(user_id)',
    ]);
  });
});
