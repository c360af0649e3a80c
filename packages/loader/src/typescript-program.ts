/**
 * Compiles the project's TypeScript files the way `tsc` (and ts-node, which the TypeORM CLI runs)
 * does: through one program over the project, so decorator metadata names the real types. A
 * file compiled alone cannot know that `state: ExecutionState` is a string union imported from
 * another module, and TypeORM then takes the column for an `Object`. Nothing is written to disk.
 */
import path from 'node:path';
import type * as TypeScript from 'typescript';
import { syntaxError } from './syntax-error';

/** The project's tsconfig: its files, and its options with what loading at run time needs. */
function project(ts: typeof TypeScript, cwd: string): { files: string[]; options: TypeScript.CompilerOptions } {
  const file = ts.findConfigFile(cwd, (f) => ts.sys.fileExists(f));
  let options: TypeScript.CompilerOptions = {};
  let files: string[] = [];
  if (file) {
    const read = ts.readConfigFile(file, (f) => ts.sys.readFile(f));
    if (!read.error) ({ options, fileNames: files } = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file)));
  }
  return { files, options: {
    ...options,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target: ts.ScriptTarget.ES2022,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    esModuleInterop: true,
    allowJs: false,
    skipLibCheck: true,
    inlineSourceMap: true,
    inlineSources: false,
    sourceMap: false,
    declaration: false,
    declarationMap: false,
    emitDeclarationOnly: false,
    composite: false,
    incremental: false,
    noEmit: false,
    noEmitOnError: false,
    isolatedModules: false,
    verbatimModuleSyntax: false,
    outDir: undefined,
    outFile: undefined,
    rootDir: undefined,
    tsBuildInfoFile: undefined,
  } };
}

/** A TypeScript lib file (`lib.es2022.d.ts`) given as text, for a TypeScript that has no lib folder on disk. */
export interface LibFile {
  readonly fileName: string;
  readonly text: string;
}

/** Where the given lib files are served from: a folder that is not on disk. */
const LIB_FOLDER = path.join(path.parse(process.cwd()).root, '__oto_typescript_lib__');

/** The host reads lib files from `libFiles` (ts-morph's bundled TypeScript keeps them in memory). */
function serveLibFiles(ts: typeof TypeScript, host: TypeScript.CompilerHost, libFiles: readonly LibFile[]): void {
  const libs = new Map(libFiles.map((f) => [path.join(LIB_FOLDER, f.fileName), f.text] as const));
  const { fileExists, readFile, getSourceFile } = host;
  host.getDefaultLibLocation = () => LIB_FOLDER;
  host.getDefaultLibFileName = (options) => path.join(LIB_FOLDER, ts.getDefaultLibFileName(options));
  host.fileExists = (fileName) => libs.has(fileName) || fileExists.call(host, fileName);
  host.readFile = (fileName) => libs.get(fileName) ?? readFile.call(host, fileName);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = libs.get(fileName);
    return text !== undefined ? ts.createSourceFile(fileName, text, languageVersion) : getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate);
  };
}

/**
 * `compile(code, file)` for TypeScript files. The program holds the tsconfig's files, as `tsc`'s
 * does; a file outside them makes a new program with it added (a fresh one: a program built on the
 * old one loses the types of imports here), its files parsed once for all programs. `libFiles`:
 * the lib files of a TypeScript that does not have them on disk.
 */
export function typescriptProgramCompiler(ts: typeof TypeScript, cwd: string, libFiles?: readonly LibFile[]): (code: string, filename: string) => string {
  const { files, options } = project(ts, cwd);
  const host = ts.createCompilerHost(options);
  if (libFiles) serveLibFiles(ts, host, libFiles);
  // Source files parsed once, kept across the programs that grow as modules load.
  const parsed = new Map<string, TypeScript.SourceFile | undefined>();
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!parsed.has(fileName)) parsed.set(fileName, getSourceFile(fileName, languageVersion, onError, shouldCreate));
    return parsed.get(fileName);
  };
  const roots: string[] = [...files];
  let program: TypeScript.Program | undefined;
  return (code, filename) => {
    let source = program?.getSourceFile(filename);
    if (!source) {
      roots.push(filename);
      program = ts.createProgram(roots, options, host);
      source = program.getSourceFile(filename);
    }
    let output = '';
    if (source && program) {
      // TypeScript emits code for a file that does not parse (a missing brace, say): never run that.
      const broken = program.getSyntacticDiagnostics(source)[0];
      if (broken?.start !== undefined) {
        const { line, character } = source.getLineAndCharacterOfPosition(broken.start);
        throw syntaxError({ file: filename, line: line + 1, column: character + 1, message: ts.flattenDiagnosticMessageText(broken.messageText, ' ') });
      }
      program.emit(source, (name, text) => {
        if (/\.[cm]?js$/.test(name)) output = text;
      });
    }
    // A file the program cannot take (outside its options): compiled alone.
    return output || ts.transpileModule(code, { compilerOptions: options, fileName: filename }).outputText;
  };
}
