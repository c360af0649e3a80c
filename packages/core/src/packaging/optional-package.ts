/**
 * Optional packages: each ORM adapter and each database driver is installed only by the users who
 * need it (an optional peer), and loaded at the point of use. When it is missing, one line says
 * which package to install (a UserError: exit code 2, no stack).
 */
import { UserError } from '../errors';

/** The error Node throws when `pkg` itself (not one of its own dependencies) cannot be found. */
export function isMissingPackage(error: unknown, pkg: string): boolean {
  const e = error as NodeJS.ErrnoException | undefined;
  if (e?.code !== 'MODULE_NOT_FOUND' && e?.code !== 'ERR_MODULE_NOT_FOUND') return false;
  const message = String(e.message ?? '');
  return message.includes(`'${pkg}'`) || message.includes(`'${pkg}/`);
}

/**
 * `load()` (a `require` written by the caller, so that it resolves from the caller's package), or
 * one line naming the package to install for `purpose` when `pkg` is not installed.
 */
export function requireOptional<T>(pkg: string, purpose: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (isMissingPackage(error, pkg)) throw new UserError(`${purpose} needs the package ${pkg}, which is not installed: npm install --save-dev ${pkg}`);
    throw error;
  }
}
