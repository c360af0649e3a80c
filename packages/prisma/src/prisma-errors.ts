import { stripVTControlCharacters } from 'node:util';
import { oneLine } from '@oto/core';
import { schemaErrorColumn } from './schema-error-column';
import type { SchemaFile } from './schema-text';

/**
 * `file:line` as Prisma names it (the path it was given), shown by `shown`, with the column when the
 * schema engine locates the error on that line.
 */
function withColumn(where: string | undefined, files: readonly SchemaFile[] | undefined, shown: (file: string) => string): string | undefined {
  const at = where ? /^(.+):(\d+)$/.exec(where) : null;
  if (!at) return where;
  const file = at[1] ?? '';
  const column = files ? schemaErrorColumn(files, file, Number(at[2])) : undefined;
  return `${shown(file)}:${at[2]}${column === undefined ? '' : `:${column}`}`;
}

/**
 * One line from Prisma's multi-line schema validation error:
 * `schema.prisma:6:7: Type "B" is neither a built-in type, … (and 2 more errors: npx prisma validate)`.
 */
export function describePrismaError(error: unknown, files?: readonly SchemaFile[], shown: (file: string) => string = (file) => file): string {
  const text = stripVTControlCharacters(error instanceof Error ? error.message : String(error));
  const message = /^\s*error:\s*(.+)$/m.exec(text)?.[1]?.trim();
  if (!message) return oneLine(text);
  // The rest of the line: a path may hold spaces (`-->  my app/schema.prisma:6`).
  const where = withColumn(/-->[ \t]+(.+?)[ \t]*$/m.exec(text)?.[1], files, shown);
  const count = Number(/Validation Error Count:\s*(\d+)/.exec(text)?.[1] ?? '1');
  const more = count > 1 ? ` (and ${count - 1} more: run prisma validate)` : '';
  return `${where ? `${where}: ` : ''}${message}${more}`;
}
