/**
 * A module that does not parse, named where the user would edit it: `file:line:column: syntax
 * error: …`. swc reports it while compiling (its message draws the source around it); the
 * project's TypeScript emits code anyway, and Node's parser then points into the emitted code, so
 * the source itself is parsed again with swc to find the place in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as Swc from '@swc/core';

export interface SyntaxErrorAt {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

const TS = /\.[cm]?tsx?$/;

/** swc's drawn error: `  x Expression expected\n   ,-[file:5:1]\n 5 |   code\n   :        ^`. */
function fromSwc(message: string): SyntaxErrorAt | undefined {
  const head = /^\s*x (.+)\n\s*,-\[(.+):(\d+):(\d+)\]\n/.exec(message);
  if (!head) return undefined;
  const [, reason, file, line] = head as unknown as [string, string, string, string];
  // The caret under the code line: its offset past the gutter (` 5 | `) is the column.
  const drawn = new RegExp(`\\n(\\s*${line} \\| )(.*)\\n(\\s*: )(\\s*)\\^`).exec(message);
  const column = drawn ? (drawn[4] as string).length + 1 : undefined;
  return { file, line: Number(line), ...(column !== undefined ? { column } : {}), message: reason.trim() };
}

/** The first syntax error of a source file, by swc's parser; undefined when it parses. */
function parseSource(file: string): SyntaxErrorAt | undefined {
  let code: string;
  try {
    code = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // swc's native binding, loaded when a file failed to load (not at start-up).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseSync } = require('@swc/core') as typeof Swc;
  try {
    const typescript = TS.test(file);
    parseSync(code, typescript ? { syntax: 'typescript', tsx: file.endsWith('x'), decorators: true } : { syntax: 'ecmascript', decorators: true });
    return undefined;
  } catch (error) {
    // Without a file name swc's header is `,-[5:1]`: name the file in it.
    const found = fromSwc(String((error as Error)?.message ?? error).replace(/,-\[(?:[^\]\n]*:)?(\d+):(\d+)\]/, `,-[${file}:$1:$2]`));
    return found ? { ...found, file } : undefined;
  }
}

const AT = Symbol.for('oto.loader.syntax-error');

/** The error a compiler of the loader throws for a source that does not parse (TypeScript would emit it anyway). */
export function syntaxError(at: SyntaxErrorAt): SyntaxError {
  const error = new SyntaxError(`${at.file}:${at.line ?? 0}:${at.column ?? 0}: ${at.message}`);
  Object.defineProperty(error, AT, { value: at, enumerable: false });
  return error;
}

/** Where and why a module failed to parse, when `error` is a syntax error; undefined otherwise. */
export function syntaxErrorOf(error: unknown): SyntaxErrorAt | undefined {
  const known = typeof error === 'object' && error !== null ? (error as { [AT]?: SyntaxErrorAt })[AT] : undefined;
  if (known) return known;
  const message = String((error as { message?: unknown } | null)?.message ?? '');
  const swc = fromSwc(message);
  if (swc) return swc;
  if ((error as { name?: unknown } | null)?.name !== 'SyntaxError') return undefined;
  // Node's own: the stack starts with `file:line` of the code it parsed (emitted code, for TypeScript).
  const at = /^(\/[^\n]*?|[A-Za-z]:\\[^\n]*?):(\d+)\n/.exec(String((error as Error).stack ?? ''));
  if (!at) return undefined;
  const file = at[1] as string;
  return parseSource(file) ?? { file, ...(TS.test(file) ? {} : { line: Number(at[2]) }), message };
}

/** `file:line:column: syntax error: reason`, the file relative to `cwd` when inside it. */
export function syntaxErrorLine(at: SyntaxErrorAt, cwd?: string): string {
  const relative = cwd ? path.relative(cwd, at.file) : '';
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : at.file;
  const where = `${shown}${at.line !== undefined ? `:${at.line}${at.column !== undefined ? `:${at.column}` : ''}` : ''}`;
  return `${where}: syntax error: ${at.message}`;
}
