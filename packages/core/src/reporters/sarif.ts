import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Diagnostic, Severity } from '../diagnostics';
import type { Report, ReportDiagnostic } from '../report';
import type { Rule } from '../rules';
import { RULES } from '../rules';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  readonly toolVersion?: string;
  /** The rules to describe; all registered rules by default. */
  readonly rules?: readonly Rule[];
  /** Where the rule docs are published (the config's `docsUrl`): each rule gets a `helpUri` there. */
  readonly docsUrl?: string;
}

/** Where the rule is documented, relative to the repository root. */
export function ruleDocPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

/** The published page of a rule: `docsUrl` with `{ruleId}` replaced, else `<docsUrl>/<rule id>.md`. */
export function ruleDocUrl(docsUrl: string, ruleId: string): string {
  return docsUrl.includes('{ruleId}') ? docsUrl.split('{ruleId}').join(ruleId) : `${docsUrl.replace(/\/+$/, '')}/${ruleId}.md`;
}

function descriptor(rule: Rule, docsUrl: string | undefined): ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.description },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    help: { text: `${rule.description} See ${docsUrl ? ruleDocUrl(docsUrl, rule.id) : ruleDocPath(rule.id)}.` },
    ...(docsUrl ? { helpUri: ruleDocUrl(docsUrl, rule.id) } : {}),
    properties: { docs: ruleDocPath(rule.id) },
  };
}

function logicalName(d: Diagnostic): string {
  const { schema, table, columns } = d.location;
  const qualified = [schema, table].filter(Boolean).join('.');
  return columns && columns.length > 0 ? `${qualified}(${columns.join(', ')})` : qualified;
}

/** Where a finding is, as a SARIF location (none when it has neither a file nor a table). */
function where(d: Diagnostic) {
  const { file, line, table } = d.location;
  if (!file && !table) return undefined;
  return {
    ...(file ? { physicalLocation: { artifactLocation: { uri: file }, ...(line ? { region: { startLine: line } } : {}) } } : {}),
    ...(table ? { logicalLocations: [{ name: table, fullyQualifiedName: logicalName(d), kind: 'table' }] } : {}),
  };
}

function result(d: ReportDiagnostic, ruleIndex: number): Result {
  // A summary's findings, each where it is, with its own message.
  const related = (d.related ?? []).map((r, id) => ({ id, message: { text: r.message }, ...where(r) }));
  const { file, line, column, table, relation } = d.location;
  const logical = table
    ? [{ name: table, fullyQualifiedName: logicalName(d), kind: 'table' }]
    : [];
  return {
    ruleId: d.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[d.severity],
    message: { text: d.help ? `${d.message}. ${d.help}` : d.message },
    locations: file || logical.length > 0
      ? [
          {
            ...(file
              ? { physicalLocation: { artifactLocation: { uri: file }, ...(line ? { region: { startLine: line, ...(column ? { startColumn: column } : {}) } } : {}) } }
              : {}),
            ...(logical.length > 0 ? { logicalLocations: logical } : {}),
          },
        ]
      : [],
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    partialFingerprints: { otoFinding: [d.ruleId, d.messageId, logicalName(d), relation ?? '', ...(column ? [file ?? '', line ?? ''] : [])].join('|') },
  };
}

/** SARIF 2.1.0 for code scanning: each rule listed once, each finding a result. */
export function formatSarif(report: Report, options: SarifOptions = {}): string {
  const rules = options.rules ?? RULES;
  const index = new Map(rules.map((r, i) => [r.id, i] as const));
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'oto', ...(options.toolVersion ? { version: options.toolVersion } : {}), rules: rules.map((r) => descriptor(r, options.docsUrl)) } },
        results: report.diagnostics.map((d) => result(d, index.get(d.ruleId) ?? -1)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
