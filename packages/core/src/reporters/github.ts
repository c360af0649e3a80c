import type { Severity } from '../diagnostics';
import type { Report } from '../report';
import { summaryLine } from './text';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: one annotation per finding, then the summary line (so a clean run says so too). */
export function formatGithub(report: Report): string {
  const annotations = report.diagnostics
    .map((d) => {
      const props = [
        d.location.file ? `file=${escapeProperty(d.location.file)}` : undefined,
        d.location.line ? `line=${d.location.line}` : undefined,
        d.location.line && d.location.column ? `col=${d.location.column}` : undefined,
        `title=${escapeProperty(`oto ${d.ruleId}`)}`,
      ].filter((p): p is string => p !== undefined);
      const body = d.help ? `${d.message}\n${d.help}` : d.message;
      return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(body)}\n`;
    })
    .join('');
  return `${annotations}${summaryLine(report)}\n`;
}
