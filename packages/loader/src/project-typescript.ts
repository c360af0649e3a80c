/**
 * The TypeScript that compiles a project's files the way its `tsc` does. The project's own
 * `typescript` when it has the JavaScript compiler API; TypeScript 7 (the native port) has none
 * (its main export is no compiler), so then oto's own: the TypeScript 6 that ts-morph 28 bundles,
 * with its lib files served from memory, which emits the same decorator metadata as tsc 5.9 for
 * the types TypeORM reads (table-tested in project-typescript.test.ts). Said in one line.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TypeScript from 'typescript';
import type { LibFile } from './typescript-program';

export interface ChosenTypescript {
  readonly ts: typeof TypeScript;
  /** Lib files for a TypeScript that does not keep them on disk. */
  readonly libFiles?: readonly LibFile[];
  /** Why the project's own TypeScript is not the one used, when it is not. */
  readonly note?: string;
}

/** Whether a module is a TypeScript with the compiler API the loader uses. */
export function hasCompilerApi(value: unknown): value is typeof TypeScript {
  const ts = value as Partial<typeof TypeScript> | null | undefined;
  return (
    (typeof ts === 'object' || typeof ts === 'function') &&
    ts !== null &&
    typeof ts.createProgram === 'function' &&
    typeof ts.createCompilerHost === 'function' &&
    typeof ts.transpileModule === 'function'
  );
}

/** The version of the `typescript` package found from `cwd`: its package.json, or what its main export says. */
function versionOf(projectRequire: NodeJS.Require, exported: unknown): string {
  if (typeof exported === 'string') return exported;
  const version = (exported as { version?: unknown } | null)?.version;
  if (typeof version === 'string') return version;
  try {
    for (let dir = path.dirname(projectRequire.resolve('typescript')); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const pkg = projectRequire(path.join(dir, 'package.json')) as { name?: string; version?: string };
      if (pkg.name === 'typescript' && pkg.version) return pkg.version;
    }
  } catch {
    // no version to name
  }
  return 'of unknown version';
}

type MakeRequire = (from: string) => NodeJS.Require;

/** oto's own TypeScript: ts-morph's bundled one, with the lib files it keeps in memory. */
function otoTypescript(makeRequire: MakeRequire): { ts: typeof TypeScript; libFiles: readonly LibFile[] } {
  // ts-morph's own @ts-morph/common holds the compiler and the lib files.
  const common = makeRequire(makeRequire(__filename).resolve('ts-morph'))('@ts-morph/common') as {
    ts: typeof TypeScript;
    getLibFiles(): LibFile[];
  };
  return { ts: common.ts, libFiles: common.getLibFiles() };
}

/**
 * The TypeScript for the project at `cwd`; undefined when it has none (swc then). `makeRequire`:
 * Node's own `createRequire` (a test host hands out one of its own).
 */
export function chooseProjectTypescript(cwd: string, makeRequire: MakeRequire = createRequire): ChosenTypescript | undefined {
  const projectRequire = makeRequire(path.join(cwd, 'package.json'));
  let exported: unknown;
  try {
    exported = projectRequire('typescript');
  } catch {
    return undefined;
  }
  if (hasCompilerApi(exported)) return { ts: exported };
  const own = otoTypescript(makeRequire);
  return {
    ...own,
    note: `the project's typescript ${versionOf(projectRequire, exported)} has no JavaScript compiler API (TypeScript 7): its TypeScript files are compiled with oto's own TypeScript ${own.ts.version} instead, one program over the tsconfig as tsc does`,
  };
}
