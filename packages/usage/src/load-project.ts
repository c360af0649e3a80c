/**
 * The application code as TypeScript sees it: the tsconfig (a solution tsconfig's `references`
 * followed), one ts-morph Project per tsconfig, with ts-morph's own TypeScript (never the
 * project's: a project on TypeScript 7 has no JS compiler API). Errors a user can cause are one line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { Project, ts } from 'ts-morph';
import { UserError } from '@oto/core';

export interface UsageProjectOptions {
  /** The tsconfig, absolute or relative to `cwd`. */
  readonly tsconfig: string;
  readonly cwd: string;
  /** Globs of files to keep (relative to `cwd`); all the tsconfig's files by default. */
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

/** One tsconfig: its compiler options and the files of it to analyse. */
export interface UsageConfig {
  readonly tsconfig: string;
  readonly options: ts.CompilerOptions;
  readonly files: readonly string[];
}

/** One program and the files analysed in it (each file in one program only). */
export interface UsageProgram {
  readonly tsconfig: string;
  readonly project: Project;
  readonly files: readonly string[];
}

const shown = (file: string, cwd: string) => path.relative(cwd, file).split(path.sep).join('/') || file;

function resolveConfigPath(given: string, cwd: string): string {
  const file = path.resolve(cwd, given);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) return path.join(file, 'tsconfig.json');
  return file;
}

function readConfig(file: string, cwd: string): ts.ParsedCommandLine {
  if (!fs.existsSync(file)) throw new UserError(`${shown(file, cwd)}: no such tsconfig: give --usage the application's tsconfig.json (or set usage.tsconfig in the oto config)`);
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) {
    throw new UserError(`${shown(file, cwd)}: not a valid tsconfig: ${ts.flattenDiagnosticMessageText(read.error.messageText, ' ')}`);
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file), undefined, file);
  // A fatal problem (an `extends` that is missing) stops the check; option problems are tsc's to report.
  const fatal = parsed.errors.find((e) => e.code === 5083 || e.code === 6053);
  if (fatal) throw new UserError(`${shown(file, cwd)}: ${ts.flattenDiagnosticMessageText(fatal.messageText, ' ')}`);
  return parsed;
}

/** The tsconfig and those its `references` name, depth first, each once. */
function configsOf(file: string, cwd: string, seen = new Set<string>()): { file: string; parsed: ts.ParsedCommandLine }[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const parsed = readConfig(file, cwd);
  const referenced = (parsed.projectReferences ?? []).flatMap((r) => configsOf(resolveConfigPath(r.path, path.dirname(file)), cwd, seen));
  return [{ file, parsed }, ...referenced];
}

const isSource = (f: string) => /\.(c|m)?tsx?$/.test(f) && !/\.d\.(c|m)?ts$/.test(f) && !f.split(/[\\/]/).includes('node_modules');

/** The tsconfigs to read and their files; bad input (no tsconfig, no files) is one line. */
export function readUsageConfigs(options: UsageProjectOptions): UsageConfig[] {
  const root = resolveConfigPath(options.tsconfig, options.cwd);
  const keep = options.include?.length ? picomatch([...options.include]) : () => true;
  const drop = options.exclude?.length ? picomatch([...options.exclude]) : () => false;
  const taken = new Set<string>();
  const configs: UsageConfig[] = [];
  for (const { file, parsed } of configsOf(root, options.cwd)) {
    const files = parsed.fileNames
      .map((f) => path.resolve(f))
      .filter((f) => isSource(f) && !taken.has(f))
      .filter((f) => {
        const rel = shown(f, options.cwd);
        return keep(rel) && !drop(rel);
      });
    if (files.length === 0) continue;
    for (const f of files) taken.add(f);
    configs.push({ tsconfig: file, options: { ...parsed.options, noEmit: true }, files });
  }
  if (configs.length === 0) {
    throw new UserError(`${shown(root, options.cwd)}: matches no TypeScript files to check: see its "include"/"files"${options.include?.length || options.exclude?.length ? ' and usage.include/exclude in the oto config' : ''}`);
  }
  return configs;
}

/**
 * The programs, one at a time (each can be collected once analysed). A file of a later tsconfig
 * that an earlier program already loads through its imports (a solution's app importing its
 * server package) is analysed there, as tsc checks it there: no second program type-checks it again.
 */
export function* openPrograms(configs: readonly UsageConfig[]): Generator<UsageProgram> {
  const done = new Set<string>();
  for (let i = 0; i < configs.length; i++) {
    const config = configs[i]!;
    const pending = config.files.filter((f) => !done.has(f));
    if (pending.length === 0) continue;
    const project = new Project({ compilerOptions: config.options, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
    for (const f of pending) project.addSourceFileAtPath(f);
    const loaded = new Set(project.getProgram().compilerObject.getSourceFiles().map((sf) => path.resolve(sf.fileName)));
    const own = new Set(pending);
    const later = [...new Set(configs.slice(i + 1).flatMap((c) => c.files))].filter((f) => !done.has(f) && !own.has(f) && loaded.has(f));
    for (const f of later) project.addSourceFileAtPath(f);
    const files = [...pending, ...later];
    for (const f of files) done.add(f);
    yield { tsconfig: config.tsconfig, project, files };
  }
}
