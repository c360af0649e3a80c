/**
 * How the loader resolves an import from a project file, as TypeScript (and tsx, ts-node) does:
 * the `paths` of the nearest tsconfig first, then Node's own resolution; and an import written with
 * the extension of the emitted file (`./user.js`, `@/models/user.js` through `paths`, the usual ESM
 * TypeScript style) finds its source (`user.ts`; `.mjs` → `.mts`, `.cjs` → `.cts`).
 */
import path from 'node:path';
import { createPathsMatcher, getTsconfig } from 'get-tsconfig';

type Resolve = (request: string, parent: NodeModule | null | undefined, isMain: boolean, options?: unknown) => string;

export interface ProjectResolver {
  readonly resolve: Resolve;
  /** The files tsconfig `paths` mapped a request to, when none of them was there (for the error). */
  mappedTo(request: string, parent: NodeModule | null | undefined): readonly string[] | undefined;
}

export function isBare(request: string): boolean {
  return !request.startsWith('.') && !path.isAbsolute(request) && !request.startsWith('node:');
}

export function isInNodeModules(file: string): boolean {
  return file.split(path.sep).includes('node_modules');
}

/** `typeorm` for …/node_modules/typeorm/driver/x.js, `@scope/pkg` for a scoped package. */
export function packageOf(file: string): string | undefined {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  const name = parts[at + 1];
  if (at < 0 || !name) return undefined;
  return name.startsWith('@') && parts[at + 2] ? `${name}/${parts[at + 2]}` : name;
}

/** The TypeScript source a request for emitted JavaScript stands for, if it names one. */
export function sourceOfEmitted(request: string): string | undefined {
  const js = /\.(c|m)?js$/.exec(request);
  if (!js) return undefined;
  return request.slice(0, -js[0].length) + (js[1] === 'm' ? '.mts' : js[1] === 'c' ? '.cts' : '.ts');
}

/** Whether a tsconfig `paths` key (`@/*`, `@app/env`) matches a specifier. */
function matchesPattern(pattern: string, request: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === request;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return request.length >= prefix.length + suffix.length && request.startsWith(prefix) && request.endsWith(suffix);
}

/** A resolver over Node's `resolveFilename`, for `cwd`'s project. */
export function projectResolver(original: Resolve, cwd: string): ProjectResolver {
  const tsconfigCache = new Map<string, { match: ((specifier: string) => string[]) | null; patterns: readonly string[] }>();
  const tsconfigOf = (fromDir: string) => {
    let found = tsconfigCache.get(fromDir);
    if (!found) {
      const tsconfig = getTsconfig(fromDir);
      found = { match: tsconfig ? createPathsMatcher(tsconfig) : null, patterns: Object.keys(tsconfig?.config.compilerOptions?.paths ?? {}) };
      tsconfigCache.set(fromDir, found);
    }
    return found;
  };
  const pathsOf = (fromDir: string) => tsconfigOf(fromDir).match;
  const candidatesOf = (request: string, parent: NodeModule | null | undefined): string[] => {
    if (!isBare(request) || !parent?.filename || isInNodeModules(parent.filename)) return [];
    return pathsOf(path.dirname(parent.filename))?.(request) ?? [];
  };
  /** Node's resolution of `request`, then of the source it stands for; undefined when neither is there. */
  const attempt = (request: string, parent: NodeModule | null | undefined, isMain: boolean, options?: unknown): string | undefined => {
    for (const candidate of [request, sourceOfEmitted(request)]) {
      if (candidate === undefined) continue;
      try {
        return original(candidate, parent, isMain, options);
      } catch {
        // the next candidate
      }
    }
    return undefined;
  };
  const resolve: Resolve = (request, parent, isMain, options) => {
    for (const candidate of candidatesOf(request, parent)) {
      const found = attempt(candidate, parent, isMain, options);
      if (found !== undefined) return found;
    }
    try {
      return original(request, parent, isMain, options);
    } catch (error) {
      // A package's own `./x.js` stays Node's business; a bare request is not a source file.
      const source = isBare(request) ? undefined : sourceOfEmitted(request);
      if (source !== undefined) {
        try {
          return original(source, parent, isMain, options);
        } catch {
          // fall through to the original error
        }
      }
      throw error;
    }
  };
  const mappedTo = (request: string, parent: NodeModule | null | undefined) => {
    // A `paths` pattern, not `baseUrl` alone (which offers every bare specifier a candidate).
    const patterns = parent?.filename ? tsconfigOf(path.dirname(parent.filename)).patterns : [];
    if (!patterns.some((pattern) => matchesPattern(pattern, request))) return undefined;
    const candidates = candidatesOf(request, parent);
    return candidates.length > 0 ? candidates.map((c) => path.relative(cwd, c).split(path.sep).join('/')) : undefined;
  };
  return { resolve, mappedTo };
}
