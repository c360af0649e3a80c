/**
 * One check of a project, the same for the CLI, the Prisma generator and the drizzle-kit hook:
 * the project's config file, the schema source, the rules, the report and whether it fails.
 */
import * as path from 'node:path';
import { loadConfigFile, mergeConfigs, resolveConfig } from '../config';
import type { OtoConfig, ResolvedConfig } from '../config';
import { reaches } from '../diagnostics';
import type { DatabaseFacts, SchemaModel } from '../model';
import { buildReport } from '../report';
import type { Report } from '../report';
import { check } from './check';
import type { CheckResult } from './check';
import type { IgnoreComment, UsageFacts } from '../usage/query';
import { relativeFile } from '../report/report';

/** What a schema source gives: the model, config it carries itself, and warnings to show. */
export interface LoadedSource {
  readonly model: SchemaModel;
  /** Config the source carries (the options of `withOto` in a drizzle config, a generator block). */
  readonly overrides?: OtoConfig;
  readonly warnings?: readonly string[];
  /** Lines that detail the warnings (each stubbed module with its importer): shown with `--verbose`. */
  readonly details?: readonly string[];
  /** The database the source built itself (TypeORM runs its migration classes while loaded). */
  readonly database?: DatabaseFacts;
}

export interface ProjectCheckOptions {
  readonly cwd: string;
  /** Folder the config file is searched from; `cwd` by default. */
  readonly configSearchFrom?: string;
  /** An oto config file given explicitly. */
  readonly configFile?: string;
  /** Names the overrides in errors when there is no config file (`generator oto`). */
  readonly source?: string;
  /** What the command line says; it wins over the config file and the source. */
  readonly overrides?: OtoConfig;
  /** Reads the schema, with the config file and command line merged (their stubs, say). */
  load(config: OtoConfig): Promise<LoadedSource> | LoadedSource;
  /** Reads the database (or replays the migrations) to compare the loaded schema with. */
  database?(declared: SchemaModel): Promise<DatabaseFacts>;
  /** Reads the application code's queries (`--usage`), with the config's `usage` section. */
  usage?(declared: SchemaModel, config: OtoConfig): Promise<UsageFacts>;
}

export interface ProjectCheck {
  readonly report: Report;
  /** The analyzed schema, the database compared with, and the findings with their fixes. */
  readonly result: CheckResult;
  readonly config: ResolvedConfig;
  readonly warnings: readonly string[];
  /** The source's details of its warnings, for `--verbose`. */
  readonly details: readonly string[];
  /** The findings reach the config's `failOn`. */
  readonly failed: boolean;
}

export async function runProjectCheck(options: ProjectCheckOptions): Promise<ProjectCheck> {
  const from = options.configSearchFrom ?? options.cwd;
  const file = await loadConfigFile(options.configFile ? { cwd: from, file: options.configFile } : { cwd: from });
  const given = mergeConfigs(file.config, options.overrides ?? {});
  const source = await options.load(given);
  const merged = mergeConfigs(file.config, source.overrides ?? {}, options.overrides ?? {});
  const label = file.file ? path.relative(options.cwd, file.file) || file.file : (options.source ?? 'config');
  const config = resolveConfig(merged, label);
  const database = source.database ?? (options.database ? await options.database(source.model) : undefined);
  const usage = options.usage ? await options.usage(source.model, merged) : undefined;
  const result = check(source.model, config, database, usage);
  const report = buildReport(result, { cwd: options.cwd });
  const warnings = [...(source.warnings ?? []), ...(database?.warnings ?? []), ...usageWarnings(result, options.cwd)];
  return { report, result, config, warnings, details: source.details ?? [], failed: reaches(report.diagnostics, config.failOn) };
}

function ignoreProblem(c: IgnoreComment, cwd: string): string {
  const at = `${relativeFile(c.location.file, cwd)}:${c.location.line}`;
  return c.reason
    ? `${at}: "oto-ignore-next-line ${c.ruleId}" silences nothing on the next line: remove it`
    : `${at}: "oto-ignore-next-line ${c.ruleId}" needs a reason ("// oto-ignore-next-line ${c.ruleId}: <why>"): it silences nothing without one`;
}

/** Files that do not parse, and ignore comments that silence nothing: named, the rest still checked. */
function usageWarnings(result: CheckResult, cwd: string): string[] {
  const syntax = (result.usage?.syntaxErrors ?? []).map(
    (e) => `${relativeFile(e.location.file, cwd)}:${e.location.line}:${e.location.column}: ${e.message}: its queries are not checked`,
  );
  return [...syntax, ...(result.unusedIgnores ?? []).map((c) => ignoreProblem(c, cwd))];
}
