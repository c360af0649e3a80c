/**
 * The naming convention as one finding per check. Every correct one-to-one of a project that
 * does not use the `oto_` names gets a table and a unique finding; reported one by one they
 * teach users to ignore warnings. The report carries one summary instead, with the findings it
 * stands for in `related` (JSON, SARIF, and the text report with `--verbose`). The check result
 * keeps them one by one: `oto fix --renames` and `oto generate sql --renames` read their fixes.
 */
import type { Diagnostic, Severity } from '../diagnostics';
import { SEVERITY_RANK } from '../diagnostics';
import { interpolate } from '../rules/rule';
import { oneToOneNaming } from '../rules/one-to-one-naming';

/** A diagnostic of the report: a summary lists the findings it stands for. */
export interface ReportDiagnostic extends Diagnostic {
  /** The findings a summary stands for (report version 1 adds this field). */
  readonly related?: readonly Diagnostic[];
}

/** The naming rule's per-relation findings (not the summary itself). */
function isNamingFinding(d: Diagnostic): boolean {
  return d.ruleId === oneToOneNaming.id && d.messageId !== 'summary';
}

function highest(list: readonly Diagnostic[]): Severity {
  return list.reduce<Severity>((top, d) => (SEVERITY_RANK[d.severity] > SEVERITY_RANK[top] ? d.severity : top), 'info');
}

/** Replaces the naming findings by one summary where the first of them was; the others stay as they are. */
export function summarizeNaming(diagnostics: readonly Diagnostic[]): ReportDiagnostic[] {
  const naming = diagnostics.filter(isNamingFinding);
  if (naming.length === 0) return [...diagnostics];
  const relations = new Set(naming.map((d) => d.location.relation ?? d.message)).size;
  const data = { count: relations, oneToOnes: relations === 1 ? 'one-to-one is' : 'one-to-ones are' };
  const summary: ReportDiagnostic = {
    ruleId: oneToOneNaming.id,
    severity: highest(naming),
    messageId: 'summary',
    message: interpolate(oneToOneNaming.messages['summary'] ?? '', data),
    location: {},
    help: interpolate(oneToOneNaming.help?.['summary'] ?? '', data),
    related: naming,
  };
  const first = diagnostics.indexOf(naming[0] as Diagnostic);
  return diagnostics.flatMap((d, i) => (i === first ? [summary] : isNamingFinding(d) ? [] : [d]));
}
