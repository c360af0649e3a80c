import { analyze, compareDatabase } from '../analysis';
import type { AnalyzedModel } from '../analysis';
import type { DatabaseFacts, SchemaModel } from '../model';
import { SEVERITY_RANK } from '../diagnostics';
import type { Diagnostic, Severity } from '../diagnostics';
import type { ResolvedConfig } from '../config';
import { interpolate, locate } from '../rules';
import type { ReportTarget } from '../rules';
import type { IgnoreComment, UsageFacts } from '../usage/query';
import { applyIgnoreComments } from './ignore-comments';

export interface CheckResult {
  readonly analyzed: AnalyzedModel;
  /** What the check compared the schema with, when it had a database or migrations. */
  readonly database?: DatabaseFacts;
  readonly diagnostics: readonly Diagnostic[];
  /** What the usage analysis found, when the check read the application code (`--usage`). */
  readonly usage?: UsageFacts;
  /** `oto-ignore-next-line` comments that silence nothing (or give no reason): to be reported. */
  readonly unusedIgnores?: readonly IgnoreComment[];
}

/** The names a relation can be ignored by: its name, and `Model.field` / `table.field` of either end. */
function relationNames(target: ReportTarget): string[] {
  if (!target.relation) return [];
  const { relation } = target.relation;
  const ends = [relation.dependent, relation.principal].flatMap((end) =>
    end.field ? [end.entity, end.table].filter((o): o is string => o !== undefined).map((o) => `${o}.${end.field}`) : [],
  );
  return [relation.name, ...ends];
}

function isIgnored(d: Diagnostic, target: ReportTarget, ignore: ResolvedConfig['ignore']): boolean {
  const { table, entity } = d.location;
  // The table it is located at, and the dependent a relation's finding is about (a hidden
  // one-to-one is located at the principal's list, but it is about the dependent's key).
  const dependent = target.relation?.relation.dependent;
  if ([table, entity, dependent?.table, dependent?.entity].some((n) => n !== undefined && ignore.tables.has(n))) return true;
  return relationNames(target).some((n) => ignore.relations.has(n));
}

function lower(configured: Severity, cap: Severity | undefined): Severity {
  return cap && SEVERITY_RANK[cap] < SEVERITY_RANK[configured] ? cap : configured;
}

/**
 * Analyzes the model and runs every configured rule over it, with the database (live or replayed
 * migrations) when there is one. Rules never print: they report.
 */
export function check(model: SchemaModel, config: ResolvedConfig, database?: DatabaseFacts, usage?: UsageFacts): CheckResult {
  const analyzed = analyze(model);
  const compared = database ? compareDatabase(analyzed, database) : undefined;
  const diagnostics: Diagnostic[] = [];
  for (const { rule, severity, options } of config.rules) {
    rule.check({
      model: analyzed,
      options,
      ...(compared ? { database: compared } : {}),
      queries: usage?.queries ?? [],
      report({ messageId, data, target, severity: cap, fix }) {
        const template = rule.messages[messageId];
        if (template === undefined) throw new Error(`rule ${rule.id} has no message ${messageId}`);
        const help = rule.help?.[messageId];
        const diagnostic: Diagnostic = {
          ruleId: rule.id,
          severity: lower(severity, cap),
          messageId,
          message: interpolate(template, data),
          location: locate(target),
          ...(help ? { help: interpolate(help, data) } : {}),
          ...(fix ? { fix } : {}),
        };
        if (!isIgnored(diagnostic, target, config.ignore)) diagnostics.push(diagnostic);
      },
    });
  }
  if (!usage) return { analyzed, diagnostics, ...(database ? { database } : {}) };
  const ignored = applyIgnoreComments(diagnostics, usage.ignores);
  return { analyzed, diagnostics: ignored.kept, ...(database ? { database } : {}), usage, unusedIgnores: ignored.unused };
}
