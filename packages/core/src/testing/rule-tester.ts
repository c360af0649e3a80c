/** Table tests for one rule: `valid` models give no finding, `invalid` ones give exactly the listed ones. */
import { check } from '../engine';
import type { DatabaseFacts, SchemaModel } from '../model';
import type { Rule } from '../rules';

export interface ValidCase {
  readonly name: string;
  readonly model: SchemaModel;
  readonly options?: Record<string, unknown>;
  /** The database the schema is compared with. */
  readonly database?: DatabaseFacts;
}

export interface ExpectedFinding {
  readonly messageId: string;
  readonly table?: string;
  readonly columns?: readonly string[];
  /** The relation field the finding is located at. */
  readonly field?: string;
  /** The line it is located at (fixtures give origins). */
  readonly line?: number;
  /** When a rule lowers the severity of a message. */
  readonly severity?: string;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedFinding[];
}

function run(rule: Rule, c: ValidCase) {
  const options = rule.options.parse({ ...(rule.defaultOptions as object), ...c.options });
  const { diagnostics } = check(c.model, {
    rules: [{ rule, severity: rule.defaultSeverity, options }],
    ignore: { tables: new Set(), relations: new Set() },
    failOn: 'error',
  }, c.database);
  return diagnostics;
}

export function testRule(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.id, () => {
    describe('valid', () => {
      it.each(cases.valid.map((c) => [c.name, c] as const))('%s', (_, c) => {
        expect(run(rule, c)).toEqual([]);
      });
    });
    describe('invalid', () => {
      it.each(cases.invalid.map((c) => [c.name, c] as const))('%s', (_, c) => {
        const diagnostics = run(rule, c);
        const found = diagnostics.map((d) => ({
          messageId: d.messageId,
          ...(c.errors.some((e) => e.table !== undefined) ? { table: d.location.table } : {}),
          ...(c.errors.some((e) => e.columns !== undefined) ? { columns: d.location.columns } : {}),
          ...(c.errors.some((e) => e.field !== undefined) ? { field: d.location.field } : {}),
          ...(c.errors.some((e) => e.line !== undefined) ? { line: d.location.line } : {}),
          ...(c.errors.some((e) => e.severity !== undefined) ? { severity: d.severity } : {}),
        }));
        expect(found).toEqual(c.errors);
        for (const d of diagnostics) {
          expect(d.ruleId).toBe(rule.id);
          expect(d.message).not.toMatch(/\{\{/);
        }
      });
    });
  });
}
