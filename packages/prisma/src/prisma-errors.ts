import { stripVTControlCharacters } from 'node:util';
import { oneLine } from '@oto/core';

/**
 * One line from Prisma's multi-line schema validation error:
 * `schema.prisma:6: Type "B" is neither a built-in type, … (and 2 more errors: npx prisma validate)`.
 */
export function describePrismaError(error: unknown): string {
  const text = stripVTControlCharacters(error instanceof Error ? error.message : String(error));
  const message = /^\s*error:\s*(.+)$/m.exec(text)?.[1]?.trim();
  if (!message) return oneLine(text);
  // The rest of the line: a path may hold spaces (`-->  my app/schema.prisma:6`).
  const where = /-->[ \t]+(.+?)[ \t]*$/m.exec(text)?.[1];
  const count = Number(/Validation Error Count:\s*(\d+)/.exec(text)?.[1] ?? '1');
  const more = count > 1 ? ` (and ${count - 1} more: run prisma validate)` : '';
  return `${where ? `${where}: ` : ''}${message}${more}`;
}
