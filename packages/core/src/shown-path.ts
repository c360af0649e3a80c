import * as path from 'node:path';

/** How a file is named in messages: relative to `cwd` with `/`, or absolute when outside it. */
export function shownPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}
