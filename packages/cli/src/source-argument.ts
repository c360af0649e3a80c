/**
 * Which schema source a command reads, as eslint or prisma-lint take it: a positional path
 * (`oto check prisma/schema.prisma`, `oto check src/data-source.ts`, a drizzle config), known by
 * what it is; else the ORM flags; else the oto config's `typeorm` key (the data source module).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfigFile, shownPath, UserError } from '@oto/core';

/** The ORM flags of the commands (`--prisma [schema]`, `--drizzle [config]`, `--typeorm <data source>`). */
export interface SourceFlags {
  readonly prisma?: string | true;
  readonly drizzle?: string | true;
  readonly typeorm?: string;
  readonly config?: string;
}

export type SourceKind = 'prisma' | 'drizzle' | 'typeorm';

const MODULE = /\.[cm]?[jt]s$/i;
const DRIZZLE_CONFIG = /(^|[\\/])drizzle\.config\.[cm]?[jt]s$/i;

/** Imports of a module's text: `from 'x'`, `require('x')`, `import('x')`. */
function imports(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

/** What the file or folder at `file` is a source of; undefined when it is none oto reads. */
export function detectSource(file: string): SourceKind | undefined {
  const stat = fs.statSync(file);
  if (stat.isDirectory()) return fs.readdirSync(file).some((f) => f.endsWith('.prisma')) ? 'prisma' : undefined;
  if (file.endsWith('.prisma')) return 'prisma';
  if (!MODULE.test(file)) return undefined;
  if (DRIZZLE_CONFIG.test(file)) return 'drizzle';
  const used = imports(fs.readFileSync(file, 'utf8'));
  if (used.includes('drizzle-kit')) return 'drizzle';
  if (used.some((i) => i === 'typeorm' || i.startsWith('typeorm/'))) return 'typeorm';
  if (used.some((i) => i === 'drizzle-orm' || i.startsWith('drizzle-orm/'))) return 'drizzle';
  return undefined;
}

/** The flags with the positional path in its ORM's flag (an ORM flag without a value takes it). */
export function withPositional<T extends SourceFlags>(given: string, flags: T, cwd: string): T {
  const file = path.resolve(cwd, given);
  if (!fs.existsSync(file)) throw new UserError(`${given}: no such file or folder: give a Prisma schema, a drizzle config or schema module, or a TypeORM data source`);
  const kind = detectSource(file);
  if (!kind) {
    throw new UserError(
      `${given}: not a Prisma schema (.prisma or a folder of them), a drizzle config or Drizzle schema module, or a module importing typeorm: name its ORM with --prisma, --drizzle or --typeorm`,
    );
  }
  const named = (['prisma', 'drizzle', 'typeorm'] as const).filter((orm) => flags[orm] !== undefined);
  if (named.some((orm) => orm !== kind || typeof flags[orm] === 'string')) {
    throw new UserError(`${given} and --${named.join(' --')} name two schema sources: give one, as a path or with its flag`);
  }
  return { ...flags, [kind]: given };
}

/** Without any source named, the data source of the oto config's `typeorm` key (relative to the config file). */
export async function withConfiguredTypeorm<T extends SourceFlags>(flags: T, cwd: string): Promise<T> {
  if (flags.prisma !== undefined || flags.drizzle !== undefined || flags.typeorm !== undefined) return flags;
  const { config, file } = await loadConfigFile(flags.config ? { cwd, file: flags.config } : { cwd });
  if (!config.typeorm) return flags;
  const dataSource = path.resolve(file ? path.dirname(file) : cwd, config.typeorm);
  return { ...flags, typeorm: shownPath(cwd, dataSource) };
}

/** The flags of a command given `[path]`: the positional path, else the flags, else the config's `typeorm`. */
export async function resolveSourceFlags<T extends SourceFlags>(positional: string | undefined, flags: T, cwd: string): Promise<T> {
  return positional === undefined ? withConfiguredTypeorm(flags, cwd) : withPositional(positional, flags, cwd);
}
