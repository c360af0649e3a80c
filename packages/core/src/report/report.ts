import * as path from 'node:path';
import type { AnalyzedRelation, BackingKey } from '../analysis';
import type { DiagnosticLocation } from '../diagnostics';
import type { CheckResult } from '../engine';
import type { DatabaseKind, Dialect, RelationEnd, RelationKind, SchemaSource } from '../model';
import { redactSecrets } from '../redact';
import type { ReportDiagnostic } from './naming-summary';
import { summarizeNaming } from './naming-summary';

/** One end of a relation in the report. */
export interface ReportEnd {
  readonly table: string;
  readonly schema?: string;
  readonly entity?: string;
  readonly field?: string;
  readonly columns: readonly string[];
}

export interface ReportRelation {
  readonly name: string;
  readonly kind: RelationKind;
  readonly dependent: ReportEnd;
  readonly principal: ReportEnd;
  readonly backing: BackingKey | null;
  /** Partial uniques over the foreign key, when there are any (a conditional one-to-one). */
  readonly conditional?: readonly { readonly name?: string; readonly columns: readonly string[]; readonly where: string }[];
}

/**
 * The JSON report, version 1: `relations` and `diagnostics` as the README documents them.
 * Later versions may add fields; they never remove or change one.
 */
export interface Report {
  readonly version: 1;
  readonly source: SchemaSource;
  readonly dialect: Dialect;
  /** What the schema was compared with: a live database or replayed migrations. */
  readonly database?: { readonly kind: DatabaseKind; readonly label: string };
  readonly relations: readonly ReportRelation[];
  /** What `--usage` read of the application code: queries recognised, and those not resolved (never guessed). */
  readonly usage?: ReportUsage;
  /** The naming convention's findings are one summary, with them in its `related`. */
  readonly diagnostics: readonly ReportDiagnostic[];
}

export interface ReportUsage {
  readonly tsconfig: string;
  readonly files: number;
  /** Every query of the ORM oto recognised, resolved or not. */
  readonly queries: number;
  readonly unresolved: readonly { readonly file: string; readonly line: number; readonly column: number; readonly reason: string }[];
}

export interface ReportOptions {
  /** File paths in locations are made relative to this folder (with `/`), so reports are portable. */
  readonly cwd?: string;
}

function reportEnd(end: RelationEnd, columns: readonly string[]): ReportEnd {
  return {
    table: end.table,
    ...(end.schema ? { schema: end.schema } : {}),
    ...(end.entity ? { entity: end.entity } : {}),
    ...(end.field ? { field: end.field } : {}),
    columns,
  };
}

function withoutOrigin({ origin: _origin, ...key }: BackingKey): BackingKey {
  return key;
}

function reportRelation(r: AnalyzedRelation): ReportRelation {
  const { relation } = r;
  return {
    name: relation.name,
    kind: r.kind,
    dependent: reportEnd(relation.dependent, relation.foreignKey?.columns ?? []),
    principal: reportEnd(relation.principal, relation.foreignKey?.referencedColumns ?? []),
    // Where the key is declared locates findings; the report's relations stay as version 1 has them.
    backing: r.backing && withoutOrigin(r.backing),
    ...(r.conditional.length > 0
      ? {
          conditional: r.conditional.map((u) => ({
            ...(u.name ? { name: u.name } : {}),
            columns: u.columns,
            where: u.where ?? '',
          })),
        }
      : {}),
  };
}

export function relativeFile(file: string, cwd: string | undefined): string {
  if (!cwd || !path.isAbsolute(file)) return file.split(path.sep).join('/');
  return path.relative(cwd, file).split(path.sep).join('/');
}

function relocate(location: DiagnosticLocation, cwd: string | undefined): DiagnosticLocation {
  return location.file === undefined ? location : { ...location, file: relativeFile(location.file, cwd) };
}

export function buildReport(result: CheckResult, options: ReportOptions = {}): Report {
  const { model, relations } = result.analyzed;
  return {
    version: 1,
    source: model.source,
    dialect: model.dialect,
    // The label may come from a URL: shown redacted in every format, whoever built it.
    ...(result.database ? { database: { kind: result.database.kind, label: redactSecrets(result.database.label) } } : {}),
    relations: relations.map(reportRelation),
    ...(result.usage
      ? {
          usage: {
            tsconfig: relativeFile(result.usage.tsconfig, options.cwd),
            files: result.usage.files,
            queries: result.usage.queries.length + result.usage.unresolved.length,
            unresolved: result.usage.unresolved.map((u) => ({ ...u.location, file: relativeFile(u.location.file, options.cwd), reason: u.reason })),
          },
        }
      : {}),
    diagnostics: summarizeNaming(result.diagnostics.map((d) => ({ ...d, location: relocate(d.location, options.cwd) }))),
  };
}
