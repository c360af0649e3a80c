import { createColors } from 'picocolors';
import type { Diagnostic, Severity } from '../diagnostics';
import { countBySeverity } from '../diagnostics';
import type { Report, ReportDiagnostic } from '../report';

export interface TextOptions {
  /** Colour the output (the CLI turns it on for a TTY only). */
  readonly color?: boolean;
  /** List the findings a summary stands for (the naming convention's), one line each. */
  readonly verbose?: boolean;
}

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function groupKey(d: ReportDiagnostic): string {
  const { table, schema } = d.location;
  if (!table) return '';
  return schema ? `${schema}.${table}` : table;
}

/** A finding in application code (`--usage`): located by file, line and column. */
const inCode = (d: Diagnostic) => d.location.column !== undefined && d.location.file !== undefined;
const codeAt = (d: Diagnostic) => `${d.location.file}:${d.location.line}:${d.location.column}`;

/** The call sites that depend on a schema finding's relation: the usage findings naming it. */
function callSites(d: Diagnostic, usage: readonly Diagnostic[]): Diagnostic[] {
  if (inCode(d) || d.location.relation === undefined) return [];
  return usage.filter((u) => u.ruleId === 'usage-unbacked-one-to-one' && u.location.relation === d.location.relation);
}

/** `read at 2 places: a, b; written at 1 place: c`: the reads and the writes (update/delete) apart. */
function callSitesLine(sites: readonly Diagnostic[]): string {
  const count = (n: number) => (n === 1 ? '1 place' : `${n} places`);
  const writes = sites.filter((s) => s.messageId === 'write');
  const reads = sites.filter((s) => s.messageId !== 'write');
  return [reads.length > 0 ? `read at ${count(reads.length)}: ${reads.map(codeAt).join(', ')}` : '', writes.length > 0 ? `written at ${count(writes.length)}: ${writes.map(codeAt).join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
}

/** Findings grouped by table, then the usage findings grouped by file, then a summary line. */
export function formatText(report: Report, options: TextOptions = {}): string {
  const c = createColors(options.color ?? false);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.cyan };
  const groups = new Map<string, ReportDiagnostic[]>();
  const usage = report.diagnostics.filter(inCode);
  for (const d of report.diagnostics.filter((x) => !inCode(x))) {
    const key = groupKey(d);
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const lines: string[] = [];
  // Findings of no table (the naming convention's summary) come last, before the count.
  for (const key of [...groups.keys()].sort((a, b) => Number(a === '') - Number(b === '') || (a < b ? -1 : a > b ? 1 : 0))) {
    const list = groups.get(key) ?? [];
    const entity = list.find((d) => d.location.entity)?.location.entity;
    lines.push(c.bold(key || '(schema)') + (entity && entity !== key ? c.dim(` (${entity})`) : ''));
    for (const d of list) {
      const where = d.location.file ? `${d.location.file}${d.location.line ? `:${d.location.line}` : ''}` : '';
      lines.push(`  ${paint[d.severity](LABEL[d.severity].padEnd(7))} ${c.dim(d.ruleId)}${where ? `  ${c.dim(where)}` : ''}`);
      lines.push(`    ${d.message}`);
      if (d.help) lines.push(`    ${c.dim(`help: ${d.help}`)}`);
      if (options.verbose) {
        for (const r of d.related ?? []) {
          const at = r.location.file ? `${r.location.file}${r.location.line ? `:${r.location.line}` : ''}  ` : '';
          lines.push(`    - ${c.dim(at)}${r.message}`);
        }
      }
      const sites = callSites(d, usage);
      if (sites.length > 0) lines.push(`    ${callSitesLine(sites)}`);
    }
    lines.push('');
  }
  const byFile = new Map<string, ReportDiagnostic[]>();
  for (const d of usage) byFile.set(d.location.file!, [...(byFile.get(d.location.file!) ?? []), d]);
  for (const file of [...byFile.keys()].sort()) {
    lines.push(c.bold(file));
    for (const d of byFile.get(file) ?? []) {
      lines.push(`  ${paint[d.severity](LABEL[d.severity].padEnd(7))} ${c.dim(d.ruleId)}  ${c.dim(`${d.location.line}:${d.location.column}`)}`);
      lines.push(`    ${d.message}`);
      if (d.help) lines.push(`    ${c.dim(`help: ${d.help}`)}`);
    }
    lines.push('');
  }
  const counts = countBySeverity(report.diagnostics);
  const mark = report.diagnostics.length === 0 ? c.green('✔') : counts.error > 0 ? c.red('✖') : counts.warning > 0 ? c.yellow('⚠') : c.cyan('ℹ');
  lines.push(`${mark} ${summaryLine(report)}`);
  return `${lines.join('\n')}\n`;
}

/** The last line of every report that ran: what was checked, against what, and the findings' count. */
export function summaryLine(report: Report): string {
  const counts = countBySeverity(report.diagnostics);
  const oneToOne = report.relations.filter((r) => r.kind === 'one-to-one').length;
  const against = report.database
    ? `, against ${report.database.kind === 'migrations' ? 'the database replayed from ' : ''}${report.database.label}`
    : '';
  const scope = `${plural(oneToOne, 'one-to-one relation')} (of ${plural(report.relations.length, 'relation')})${against}`;
  if (report.diagnostics.length === 0) return `oto: no findings in ${scope}`;
  return `oto: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info in ${scope}`;
}
