import { analyze } from '../analysis';
import type { AnalyzedModel } from '../analysis';
import type { SchemaModel } from '../model';
import type { Diagnostic } from '../diagnostics';
import type { ResolvedConfig } from '../config';
import { interpolate, locate } from '../rules';
import type { ReportTarget } from '../rules';

export interface CheckResult {
  readonly analyzed: AnalyzedModel;
  readonly diagnostics: readonly Diagnostic[];
}

/** The names a relation can be ignored by: its name, and `Model.field` / `table.field` of either end. */
function relationNames(target: ReportTarget): string[] {
  const { relation } = target.relation;
  const ends = [relation.dependent, relation.principal].flatMap((end) =>
    end.field ? [end.entity, end.table].filter((o): o is string => o !== undefined).map((o) => `${o}.${end.field}`) : [],
  );
  return [relation.name, ...ends];
}

function isIgnored(d: Diagnostic, target: ReportTarget, ignore: ResolvedConfig['ignore']): boolean {
  const { table, entity } = d.location;
  if ([table, entity].some((n) => n !== undefined && ignore.tables.has(n))) return true;
  return relationNames(target).some((n) => ignore.relations.has(n));
}

/** Analyzes the model and runs every configured rule over it. Rules never print: they report. */
export function check(model: SchemaModel, config: ResolvedConfig): CheckResult {
  const analyzed = analyze(model);
  const diagnostics: Diagnostic[] = [];
  for (const { rule, severity, options } of config.rules) {
    rule.check({
      model: analyzed,
      options,
      report({ messageId, data, target }) {
        const template = rule.messages[messageId];
        if (template === undefined) throw new Error(`rule ${rule.id} has no message ${messageId}`);
        const help = rule.help?.[messageId];
        const diagnostic: Diagnostic = {
          ruleId: rule.id,
          severity,
          messageId,
          message: interpolate(template, data),
          location: locate(target),
          ...(help ? { help: interpolate(help, data) } : {}),
        };
        if (!isIgnored(diagnostic, target, config.ignore)) diagnostics.push(diagnostic);
      },
    });
  }
  return { analyzed, diagnostics };
}
