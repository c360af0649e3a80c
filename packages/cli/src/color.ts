/**
 * Whether the report is coloured, as eslint, prisma and drizzle-kit decide it: `--color` /
 * `--no-color` first, then FORCE_COLOR (0 or false: no), NO_COLOR (any value), TERM=dumb, and
 * else whether stdout is a terminal.
 */
import type { CliIo } from './io';

export function useColor(io: Pick<CliIo, 'env' | 'isTTY'>, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.TERM === 'dumb') return false;
  return io.isTTY;
}
