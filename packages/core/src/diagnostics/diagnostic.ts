import type { Fix } from '../fix/fix';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** Where a finding is: database names first, ORM names alongside, file and line where known. */
export interface DiagnosticLocation {
  readonly table?: string;
  readonly schema?: string;
  /** Model, class or variable name of the table in the ORM. */
  readonly entity?: string;
  /** The relation's name (as in the report's `relations`). */
  readonly relation?: string;
  /** The relation field in the ORM. */
  readonly field?: string;
  readonly columns?: readonly string[];
  readonly file?: string;
  readonly line?: number;
  /** 1-based, for a finding in application code (the usage rules). */
  readonly column?: number;
}

export interface Diagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  /** Stable id of the message within the rule: tests and tools match on it, not on the text. */
  readonly messageId: string;
  readonly message: string;
  readonly location: DiagnosticLocation;
  readonly help?: string;
  /** What would fix it, when a change to the schema or the database does (`oto generate sql`, `oto fix`). */
  readonly fix?: Fix;
}

/** Whether any finding reaches the threshold (`never` never does). */
export function reaches(diagnostics: readonly Diagnostic[], threshold: Severity | 'never'): boolean {
  if (threshold === 'never') return false;
  return diagnostics.some((d) => SEVERITY_RANK[d.severity] >= SEVERITY_RANK[threshold]);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}
