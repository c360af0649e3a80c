import type { Diagnostic } from '../diagnostics';
import type { IgnoreComment } from '../usage/query';

/**
 * `// oto-ignore-next-line <rule-id>: <reason>` silences the findings of that rule located on the
 * next line. A comment without a reason silences nothing; it and a comment that silenced nothing
 * come back as `unused`, to be reported.
 */
export function applyIgnoreComments(
  diagnostics: readonly Diagnostic[],
  ignores: readonly IgnoreComment[],
): { kept: Diagnostic[]; unused: IgnoreComment[] } {
  const used = new Set<IgnoreComment>();
  const kept = diagnostics.filter((d) => {
    const { file, line } = d.location;
    if (file === undefined || line === undefined || d.location.column === undefined) return true;
    const comment = ignores.find((c) => c.reason && c.ruleId === d.ruleId && c.location.file === file && c.location.line + 1 === line);
    if (!comment) return true;
    used.add(comment);
    return false;
  });
  return { kept, unused: ignores.filter((c) => !used.has(c)) };
}
