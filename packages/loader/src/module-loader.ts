import fs from 'node:fs';
import path from 'node:path';
import type * as Swc from '@swc/core';
import { shownPath } from '@oto/core';
import picomatch from 'picomatch';
import { MissingModulesError } from './missing-modules';
import type { MissingModule } from './missing-modules';
import { isBare, isInNodeModules, packageOf, projectResolver } from './project-resolver';
import { createStub } from './stub';
import { chooseProjectTypescript } from './project-typescript';
import { typescriptProgramCompiler } from './typescript-program';

/**
 * Loads the user's schema modules the way their own toolchain would, without a build step:
 * TypeScript through swc (legacy decorators with their metadata, as TypeORM needs), the `paths` of
 * the nearest tsconfig, and inert stubs for modules that cannot load here. The hooks live only
 * while `withModuleLoader` runs, and the modules it compiled leave the require cache after it.
 */
export interface LoaderOptions {
  /** The project root: stub patterns on file paths and the names in messages are relative to it. */
  readonly cwd: string;
  /** Module patterns to replace with inert stubs: import specifiers or project paths, globs allowed. */
  readonly stubs?: readonly string[];
  /**
   * `project-typescript`: compile TypeScript with the project's own `typescript` when it has one,
   * as ts-node does for the TypeORM CLI (swc otherwise). swc's CommonJS exports are live bindings,
   * so entities that import each other in a cycle and carry decorator metadata read a class before
   * it is initialised and throw; TypeScript's emit reads `undefined` there, and TypeORM copes.
   */
  readonly compiler?: 'swc' | 'project-typescript';
}

/** A module replaced by a stub, and the file that imported it. */
export interface StubbedModule {
  readonly request: string;
  /**
   * The project file that imports it (of several, the first by name, so it is the same every run);
   * for a package's import (a driver TypeORM requires), the project file that imports the package.
   */
  readonly importer?: string;
  /** The package whose code imports it, when that is not a project file. */
  readonly via?: string;
}

/** Where a load failed: the module that could not be found or threw, and its importer. */
export interface LoadFailure {
  readonly request: string;
  readonly importer?: string;
  readonly notFound: boolean;
}

/** A project module compiled by the loader, with what it exports. */
export interface CompiledModule {
  readonly file: string;
  readonly exports: unknown;
}

export interface ModuleLoader {
  /** `require` of a file (relative to `cwd`), through the hooks. */
  load(file: string): unknown;
  /** The modules stubbed so far, each once, in the order they were first imported. */
  readonly stubbed: readonly StubbedModule[];
  /** The project modules compiled so far (TypeScript, and JavaScript in ES module syntax). */
  compiled(): readonly CompiledModule[];
  /** What the loader chose that the user should know (oto's own TypeScript instead of TypeScript 7). */
  readonly notes: readonly string[];
}

const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];
const FAILURE = Symbol.for('oto.loader.failure');

/** Node's CommonJS loader internals that every require hook (ts-node, tsx, pirates) builds on. */
interface ModuleInternals {
  _load(request: string, parent: NodeModule | null | undefined, isMain: boolean): unknown;
  _resolveFilename(request: string, parent: NodeModule | null | undefined, isMain: boolean, options?: unknown): string;
  _cache: Record<string, unknown>;
}
/**
 * Node's own `Module`. A host that runs this code in a module sandbox of its own hands out a
 * subclass of it instead (jest does, for `require('module')`), whose hooks would not reach Node's
 * loader: take its base class then, so schema modules load as they do under the CLI.
 */
function nodeModule(): typeof import('node:module') {
  const given = process.getBuiltinModule('module');
  const base: unknown = Object.getPrototypeOf(given);
  const isModuleClass = (m: unknown): m is typeof import('node:module') =>
    typeof m === 'function' && typeof (m as unknown as ModuleInternals)._load === 'function' && typeof (m as { createRequire?: unknown }).createRequire === 'function';
  return isModuleClass(base) ? base : given;
}
const Module = nodeModule();
const internals = Module as unknown as ModuleInternals;
const { addHook } = Module.createRequire(__filename)('pirates') as typeof import('pirates');

/** The failure recorded on an error thrown while loading through the hooks, if any. */
export function loadFailureOf(error: unknown): LoadFailure | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  return (error as { [FAILURE]?: LoadFailure })[FAILURE];
}

type Compile = (code: string, filename: string) => string;

/** swc's native binding, loaded when a first module is compiled (not by a run that loads none). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const swc = (): typeof Swc => require('@swc/core') as typeof Swc;

function swcCompile(code: string, filename: string): string {
  const ext = path.extname(filename);
  const typescript = TS_EXTENSIONS.includes(ext);
  return swc().transformSync(code, {
    filename,
    swcrc: false,
    configFile: false,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: typescript
        ? { syntax: 'typescript', tsx: ext === '.tsx', decorators: true }
        : { syntax: 'ecmascript', jsx: false, decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: typescript },
    },
  }).code;
}

/**
 * TypeScript as the project installed it (oto's own when it is TypeScript 7, said in `notes`), for
 * its TypeScript files; swc for the rest or without it.
 */
function projectTypescriptCompile(cwd: string, notes: string[]): Compile {
  const chosen = chooseProjectTypescript(cwd, (from) => Module.createRequire(from));
  if (!chosen) return swcCompile;
  if (chosen.note) notes.push(chosen.note);
  const compile = typescriptProgramCompiler(chosen.ts, cwd, chosen.libFiles);
  return (code, filename) => (TS_EXTENSIONS.includes(path.extname(filename)) ? compile(code, filename) : swcCompile(code, filename));
}

/**
 * Runs `use` with the hooks installed, and removes them (and the modules compiled) after; when `use`
 * returns a promise, once it settles.
 */
export function withModuleLoader<T>(options: LoaderOptions, use: (loader: ModuleLoader) => T): T {
  const cwd = path.resolve(options.cwd);
  const stubPatterns = options.stubs ?? [];
  const stubMatch = stubPatterns.length > 0 ? picomatch(stubPatterns as string[], { dot: true }) : () => false;
  const stubbed = new Map<string, StubbedModule>();
  const compiled = new Set<string>();
  // Project imports that did not resolve: each becomes a stand-in, and the load fails naming them all.
  const missing = new Map<string, MissingModule>();
  let entry: string | undefined;
  const relative = (file: string) => path.relative(cwd, file).split(path.sep).join('/');
  const notes: string[] = [];
  const compile = options.compiler === 'project-typescript' ? projectTypescriptCompile(cwd, notes) : swcCompile;

  // `load` requires entries from a file that does not exist, so they have no importer.
  const entryParent = path.join(cwd, '__oto_loader__.js');
  const originalLoad = internals._load;
  const originalResolve = internals._resolveFilename;

  const resolver = projectResolver((request, parent, isMain, extra) => originalResolve.call(Module, request, parent, isMain, extra), cwd);
  const { resolve } = resolver;

  /** The project file behind an import, and the package it went through when a package's code made it. */
  const stubbedBy = (parent: NodeModule | null | undefined): { importer?: string; via?: string } => {
    let from: NodeModule | null | undefined = parent;
    let via: string | undefined;
    while (from?.filename && isInNodeModules(from.filename)) {
      via ??= packageOf(from.filename);
      from = from.parent;
    }
    const importer = from?.filename && from.filename !== entryParent ? relative(from.filename) : undefined;
    return { ...(importer !== undefined ? { importer } : {}), ...(via !== undefined ? { via } : {}) };
  };
  const stubFor = (request: string, parent: NodeModule | null | undefined, isMain: boolean): unknown => {
    let matched = stubMatch(request);
    if (!matched && !isBare(request) && !request.startsWith('node:')) {
      let file: string;
      try {
        file = resolve(request, parent, isMain);
      } catch {
        // A file that is not there (not checked out, generated by a build step) is matched by its path too.
        file = path.resolve(parent?.filename ? path.dirname(parent.filename) : cwd, request);
      }
      matched = stubMatch(relative(file));
    }
    if (!matched) return undefined;
    const seen = stubbedBy(parent);
    const known = stubbed.get(request);
    // Of several importers, the project file first by name: the line is the same whatever the load order.
    if (!known || (seen.importer !== undefined && (known.importer === undefined || seen.importer < known.importer))) {
      stubbed.set(request, { request, ...seen });
    }
    return createStub(request);
  };

  internals._resolveFilename = resolve;
  internals._load = function load(request, parent, isMain) {
    const stub = stubFor(request, parent, isMain);
    if (stub !== undefined) return stub;
    try {
      return originalLoad.call(Module, request, parent, isMain);
    } catch (error) {
      if (typeof error === 'object' && error !== null && !(FAILURE in error)) {
        const notFound = (error as { code?: string }).code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes(`'${request}'`);
        const importer = parent?.filename && parent.filename !== entryParent ? { importer: relative(parent.filename) } : {};
        if (notFound && parent?.filename && parent.filename !== entryParent && !isInNodeModules(parent.filename)) {
          // A project file's import: go on, to name every such module at once (see missing-modules).
          const stub = isBare(request) ? request : relative(path.resolve(path.dirname(parent.filename), request));
          const mappedTo = resolver.mappedTo(request, parent);
          if (!missing.has(stub)) {
            missing.set(stub, { request, importer: relative(parent.filename), stub, ...(mappedTo ? { mappedTo } : {}), ...(entry ? { entry } : {}) });
          }
          return createStub(request);
        }
        const failure: LoadFailure = { request, notFound, ...importer };
        Object.defineProperty(error, FAILURE, { value: failure, enumerable: false });
      }
      throw error;
    }
  };
  const revertTs = addHook(
    (code, filename) => {
      compiled.add(filename);
      return compile(code, filename);
    },
    { exts: TS_EXTENSIONS, ignoreNodeModules: false },
  );
  // Project JavaScript may use ES module syntax in a CommonJS package (drizzle.config.js does).
  const revertJs = addHook(
    (code, filename) => {
      compiled.add(filename);
      return compile(code, filename);
    },
    { exts: ['.js'], ignoreNodeModules: true, matcher: (file) => /^\s*(import|export)\s/m.test(readSafe(file)) },
  );
  const uninstall = () => {
    revertJs();
    revertTs();
    internals._load = originalLoad;
    internals._resolveFilename = originalResolve;
    for (const file of compiled) delete internals._cache[file];
  };
  const requireFrom = Module.createRequire(entryParent);
  // What a stand-in for a missing module made fail says nothing: the missing modules are the error.
  const failWithMissing = (error?: unknown): never => {
    throw missing.size > 0 ? new MissingModulesError([...missing.values()]) : error;
  };
  let result: T;
  try {
    result = use({
      load: (file) => {
        entry = shownPath(cwd, path.resolve(cwd, file));
        return requireFrom(path.resolve(cwd, file));
      },
      get stubbed() {
        return [...stubbed.values()];
      },
      notes,
      compiled: () =>
        [...compiled].flatMap((file) => {
          const cached = internals._cache[file] as { exports?: unknown } | undefined;
          return cached ? [{ file, exports: cached.exports }] : [];
        }),
    });
  } catch (error) {
    uninstall();
    return failWithMissing(error);
  }
  // An async `use` (TypeORM imports entity globs while it builds metadata) keeps the hooks until it settles.
  if (isPromise(result)) {
    return result.finally(uninstall).then(
      (value) => (missing.size > 0 ? failWithMissing() : value),
      (error: unknown) => failWithMissing(error),
    ) as T;
  }
  uninstall();
  if (missing.size > 0) failWithMissing();
  return result;
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function' && typeof (value as { finally?: unknown }).finally === 'function';
}

function readSafe(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
