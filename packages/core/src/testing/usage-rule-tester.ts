/** Table tests for one usage rule: queries over a model; `invalid` cases list each finding with its code position. */
import { check } from '../engine';
import type { DatabaseFacts, SchemaModel } from '../model';
import type { Rule } from '../rules';
import type { CodeLocation, Query, UsageFacts } from '../usage';

export interface UsageCase {
  readonly name: string;
  readonly model: SchemaModel;
  readonly queries: readonly Query[];
  readonly database?: DatabaseFacts;
}

export interface ExpectedUsageFinding {
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  /** The relation the finding names, when it names one. */
  readonly relation?: string;
}

export const at = (line: number, column = 1, file = 'src/app.ts'): CodeLocation => ({ file, line, column });

/** A query with the defaults of a plain `select … from table` read as many rows, at line 1. */
export function query(table: string, parts: Partial<Query> = {}): Query {
  return { orm: 'drizzle', kind: 'select', table, reads: [], joins: [], ordered: false, consumption: 'many', location: at(1), ...parts };
}

function run(rule: Rule, c: UsageCase) {
  const usage: UsageFacts = { tsconfig: 'tsconfig.json', files: 1, queries: c.queries, unresolved: [], ignores: [], syntaxErrors: [] };
  const options = rule.options.parse(rule.defaultOptions);
  return check(c.model, { rules: [{ rule, severity: rule.defaultSeverity, options }], ignore: { tables: new Set(), relations: new Set() }, failOn: 'error' }, c.database, usage).diagnostics;
}

export function testUsageRule(rule: Rule, cases: { valid: readonly UsageCase[]; invalid: readonly (UsageCase & { readonly errors: readonly ExpectedUsageFinding[] })[] }): void {
  describe(rule.id, () => {
    describe('valid', () => {
      it.each(cases.valid.map((c) => [c.name, c] as const))('%s', (_, c) => {
        expect(run(rule, c)).toEqual([]);
      });
    });
    describe('invalid', () => {
      it.each(cases.invalid.map((c) => [c.name, c] as const))('%s', (_, c) => {
        const diagnostics = run(rule, c);
        const withRelation = c.errors.some((e) => e.relation !== undefined);
        expect(
          diagnostics.map((d) => ({ messageId: d.messageId, line: d.location.line, column: d.location.column, ...(withRelation ? { relation: d.location.relation } : {}) })),
        ).toEqual(c.errors);
        for (const d of diagnostics) {
          expect(d.ruleId).toBe(rule.id);
          expect(d.message).not.toMatch(/\{\{/);
          expect(d.location.file).toBe('src/app.ts');
        }
      });
    });
  });
}
