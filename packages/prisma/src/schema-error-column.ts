/**
 * The column of a schema validation error: Prisma's message names `file:line` (its caret is only
 * colour); the schema engine's `lint` (the language server's, from the same @prisma/prisma-schema-wasm
 * build that @prisma/get-dmmf runs) gives each error's byte span, whose start on that line is the column.
 */
import * as path from 'node:path';
import { lint } from '@prisma/prisma-schema-wasm';
import type { SchemaFile } from './schema-text';

interface LintDiagnostic {
  readonly file_name: string;
  readonly start: number;
  readonly text: string;
  readonly is_warning: boolean;
}

/** 1-based line and column (in characters) of a byte offset in `text`. */
export function lineColumn(text: string, byteOffset: number): { line: number; column: number } {
  const before = Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8');
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/** The column of the first error the engine finds at `file`:`line`, if it finds one there. */
export function schemaErrorColumn(files: readonly SchemaFile[], file: string, line: number): number | undefined {
  let diagnostics: LintDiagnostic[];
  try {
    diagnostics = JSON.parse(lint(JSON.stringify(files.map((f) => [f.path, f.content])))) as LintDiagnostic[];
  } catch {
    return undefined;
  }
  for (const d of diagnostics) {
    if (d.is_warning) continue;
    const source = files.find((f) => f.path === d.file_name);
    if (!source || path.resolve(source.path) !== path.resolve(file)) continue;
    const at = lineColumn(source.content, d.start);
    if (at.line === line) return at.column;
  }
  return undefined;
}
