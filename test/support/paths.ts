import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installed } from '../../packages/core/src/testing/temp-projects';

export { installed };

export const ROOT = path.resolve(__dirname, '../..');
export const OTO_BIN = path.join(ROOT, 'packages/cli/bin/oto.js');
export const OTO_PRISMA_BIN = path.join(ROOT, 'packages/prisma/bin/oto-prisma.js');
export const PRISMA_CLI = require.resolve('prisma/build/index.js', { paths: [ROOT] });


export const DRIZZLE_KIT_CLI = path.join(installed('drizzle-kit', path.join(ROOT, 'examples/drizzle')), 'bin.cjs');

/** The shared corpus of real schemas, beside the checkout; absent in a user's clone. */
export const CORPUS = path.resolve(ROOT, '../shared/corpus');
export const hasCorpus = fs.existsSync(CORPUS);

/**
 * Copies a corpus project (read-only: files 0444, folders 0555) to `to` with the owner's write bit
 * on everything, as a checkout has it: oto refuses to write a file its owner cannot write.
 */
export function copyWritable(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
  const walk = (p: string): void => {
    const stat = fs.lstatSync(p);
    if (stat.isSymbolicLink()) return;
    fs.chmodSync(p, stat.mode | 0o200);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) walk(path.join(p, entry));
  };
  walk(to);
}

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `oto-${prefix}-`));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The environment the Prisma CLI needs offline: any existing file as the schema engine, since this
 * machine cannot download Prisma's engine binaries.
 */
export function prismaEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, NO_COLOR: '1', CI: '1' };
}
