/**
 * How the user's project writes relative imports, read from the tsconfig that governs a file:
 * Node's ESM resolution (`module`/`moduleResolution` node16 or nodenext) wants `./x.js`;
 * bundler and classic CommonJS resolution take `./x`.
 */
import * as path from 'node:path';
import { getTsconfig } from 'get-tsconfig';

export function importsNeedExtension(file: string): boolean {
  const found = getTsconfig(path.dirname(file));
  const options = found?.config.compilerOptions;
  const resolution = String(options?.moduleResolution ?? options?.module ?? '').toLowerCase();
  return resolution === 'node16' || resolution === 'nodenext';
}
