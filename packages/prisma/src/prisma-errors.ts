import { stripVTControlCharacters } from 'node:util';
import { oneLine } from '@oto/core';
import { schemaErrorColumn } from './schema-error-column';
import type { SchemaFile } from './schema-text';

/** `file:line` as Prisma names it, with the column when the schema engine locates the error on that line. */
function withColumn(where: string | undefined, files: readonly SchemaFile[] | undefined): string | undefined {
  const at = where ? /^(.+):(\d+)$/.exec(where) : null;
  if (!at || !files) return where;
  const column = schemaErrorColumn(files, at[1] ?? '', Number(at[2]));
  return column === undefined ? where : `${where}:${column}`;
}

/**
 * One line from Prisma's multi-line schema validation error:
 * `schema.prisma:6:7: Type "B" is neither a built-in type, … (and 2 more errors: npx prisma validate)`.
 */
export function describePrismaError(error: unknown, files?: readonly SchemaFile[]): string {
  const text = stripVTControlCharacters(error instanceof Error ? error.message : String(error));
  const message = /^\s*error:\s*(.+)$/m.exec(text)?.[1]?.trim();
  if (!message) return oneLine(text);
  // The rest of the line: a path may hold spaces (`-->  my app/schema.prisma:6`).
  const where = withColumn(/-->[ \t]+(.+?)[ \t]*$/m.exec(text)?.[1], files);
  const count = Number(/Validation Error Count:\s*(\d+)/.exec(text)?.[1] ?? '1');
  const more = count > 1 ? ` (and ${count - 1} more: run prisma validate)` : '';
  return `${where ? `${where}: ` : ''}${message}${more}`;
}
