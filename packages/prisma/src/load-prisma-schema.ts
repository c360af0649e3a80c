/**
 * Finds and reads the Prisma schema the way the Prisma CLI does: an explicit path (file or folder),
 * else `schema` in `prisma.config.ts`, else `prisma.schema` in package.json, else
 * `schema.prisma` / `prisma/schema.prisma`. Multi-file schemas come back as all their files.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UserError, oneLine, shownPath } from '@oto/core';
import { loadSchemaFiles } from '@prisma/schema-files-loader';
import type { SchemaFile } from './schema-text';

export interface FoundSchema {
  /** The file or folder the schema was loaded from. */
  readonly schemaPath: string;
  readonly files: readonly SchemaFile[];
}

export interface FindSchemaOptions {
  /** `--prisma <file or folder>`. */
  readonly schema?: string;
  readonly cwd: string;
}

/** Where the schema is to be read from, and who named it (for the message when it is not there). */
type SchemaLookup =
  | { readonly given: 'option'; readonly path: string }
  | { readonly given: 'config'; readonly path: string; readonly by: string }
  | { readonly given: 'default' };

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`${file}: ${oneLine(error)}`);
  }
}

const PRISMA_CONFIG_FILES = ['prisma.config.ts', 'prisma.config.mts', 'prisma.config.cts', 'prisma.config.js', 'prisma.config.mjs', 'prisma.config.cjs', '.config/prisma.ts'];

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}

/** The `schema` of the project's prisma config file, resolved against it, if there is one. */
async function schemaFromPrismaConfig(cwd: string): Promise<SchemaLookup | undefined> {
  const configFile = await (async () => {
    for (const name of PRISMA_CONFIG_FILES) if (await exists(path.join(cwd, name))) return path.join(cwd, name);
    return undefined;
  })();
  if (!configFile) return undefined;
  // Loaded only here: @prisma/config (effect, c12) takes a second to load, and the generator and
  // `--prisma <path>` never need it.
  const { loadConfigFromFile } = await import('@prisma/config');
  const loaded = await loadConfigFromFile({ configFile, configRoot: cwd });
  if (loaded.error) {
    const reason = loaded.error._tag === 'ConfigLoadError' ? oneLine(loaded.error.error) : loaded.error._tag;
    throw new UserError(`${shownPath(cwd, configFile)}: could not load the Prisma config (${reason}); pass --prisma <schema> to read the schema directly`);
  }
  const schema = loaded.config.schema;
  return schema ? { given: 'config', path: path.resolve(path.dirname(configFile), schema), by: configFile } : undefined;
}

async function schemaFromPackageJson(cwd: string): Promise<SchemaLookup | undefined> {
  const file = path.join(cwd, 'package.json');
  const pkg = (await readJson(file)) as { prisma?: { schema?: unknown } } | undefined;
  const schema = pkg?.prisma?.schema;
  return typeof schema === 'string' ? { given: 'config', path: path.resolve(cwd, schema), by: file } : undefined;
}

type ReadResult = FoundSchema | 'not found' | 'neither a file nor a folder';

/** A file is the whole schema; a folder (unless `fileOnly`) is every `.prisma` file under it (multi-file schemas). */
async function readSchemaAt(schemaPath: string, fileOnly = false): Promise<ReadResult> {
  const stats = await fs.stat(schemaPath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  if (!stats) return 'not found';
  if (stats.isFile()) return { schemaPath, files: [{ path: schemaPath, content: await fs.readFile(schemaPath, 'utf8') }] };
  if (fileOnly || !stats.isDirectory()) return 'neither a file nor a folder';
  const files = await loadSchemaFiles(schemaPath);
  return { schemaPath, files: files.map(([file, content]) => ({ path: path.resolve(schemaPath, file), content })) };
}

const DEFAULT_SCHEMAS = ['schema.prisma', path.join('prisma', 'schema.prisma')];

async function lookUp(lookup: SchemaLookup, cwd: string): Promise<FoundSchema> {
  if (lookup.given === 'default') {
    for (const candidate of DEFAULT_SCHEMAS) {
      const read = await readSchemaAt(path.join(cwd, candidate), true);
      if (typeof read !== 'string') return read;
    }
    throw new UserError(
      `no Prisma schema found from ${cwd} (looked for prisma.config.ts, package.json "prisma.schema", schema.prisma, prisma/schema.prisma): pass --prisma <schema file or folder>; a Drizzle or TypeORM app: --drizzle <config> or --typeorm <data source> (or "typeorm" in the oto config)`,
    );
  }
  const read = await readSchemaAt(lookup.path);
  if (typeof read !== 'string') return read;
  const what = read === 'not found' ? 'file or directory not found' : 'expected a file or a directory';
  throw new UserError(
    lookup.given === 'option'
      ? `Could not load \`--prisma\` from provided path \`${shownPath(cwd, lookup.path)}\`: ${what}: check the path`
      : `${shownPath(cwd, lookup.by)} names the schema ${shownPath(cwd, lookup.path)}: ${what}: fix the path there or pass --prisma <schema>`,
  );
}

export async function findPrismaSchema(options: FindSchemaOptions): Promise<FoundSchema> {
  const { cwd } = options;
  try {
    const lookup: SchemaLookup = options.schema
      ? { given: 'option', path: path.resolve(cwd, options.schema) }
      : ((await schemaFromPrismaConfig(cwd)) ?? (await schemaFromPackageJson(cwd)) ?? { given: 'default' });
    return await lookUp(lookup, cwd);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`could not read the Prisma schema from ${options.schema ? shownPath(cwd, path.resolve(cwd, options.schema)) : cwd} (${oneLine(error)}): check the path`);
  }
}
