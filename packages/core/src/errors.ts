/**
 * An error the user can cause and fix (a bad schema, a missing file, a wrong option): the CLI
 * prints its one-line message and exits with code 2, the generator fails `prisma generate` with it.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/** One line from any error: the first line of its message, without a stack. */
export function oneLine(error: unknown): string {
  // Not `instanceof Error`: errors thrown by user modules may come from another realm.
  const message =
    typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
      ? (error as { message: string }).message
      : String(error);
  return message.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? 'unknown error';
}
