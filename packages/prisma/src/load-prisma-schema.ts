/**
 * Finds and reads the Prisma schema the way the Prisma CLI does: an explicit path (file or folder),
 * else `schema` in `prisma.config.ts`, else `prisma.schema` in package.json, else
 * `schema.prisma` / `prisma/schema.prisma`. Multi-file schemas come back as all their files.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UserError, oneLine } from '@oto/core';
import { loadConfigFromFile } from '@prisma/config';
import { getSchemaWithPath } from '@prisma/internals';
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
async function schemaFromPrismaConfig(cwd: string): Promise<string | undefined> {
  const configFile = await (async () => {
    for (const name of PRISMA_CONFIG_FILES) if (await exists(path.join(cwd, name))) return path.join(cwd, name);
    return undefined;
  })();
  if (!configFile) return undefined;
  const loaded = await loadConfigFromFile({ configFile, configRoot: cwd });
  if (loaded.error) {
    const reason = loaded.error._tag === 'ConfigLoadError' ? oneLine(loaded.error.error) : loaded.error._tag;
    throw new UserError(`${configFile}: could not load the Prisma config (${reason}); pass --prisma <schema> to read the schema directly`);
  }
  const schema = loaded.config.schema;
  return schema ? path.resolve(path.dirname(configFile), schema) : undefined;
}

async function schemaFromPackageJson(cwd: string): Promise<string | undefined> {
  const pkg = (await readJson(path.join(cwd, 'package.json'))) as { prisma?: { schema?: unknown } } | undefined;
  const schema = pkg?.prisma?.schema;
  return typeof schema === 'string' ? path.resolve(cwd, schema) : undefined;
}

export async function findPrismaSchema(options: FindSchemaOptions): Promise<FoundSchema> {
  const { cwd } = options;
  try {
    const configured = options.schema ? undefined : ((await schemaFromPrismaConfig(cwd)) ?? (await schemaFromPackageJson(cwd)));
    const schemaPath = options.schema
      ? { cliProvidedPath: path.resolve(cwd, options.schema) }
      : configured
        ? { configProvidedPath: configured }
        : { baseDir: cwd };
    const found = await getSchemaWithPath({ schemaPath, cwd, argumentName: '--prisma' });
    return {
      schemaPath: found.schemaPath,
      files: found.schemas.map(([file, content]) => ({ path: path.resolve(cwd, file), content })),
    };
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (!options.schema && /Could not find Prisma Schema/i.test(oneLine(error))) {
      throw new UserError(
        `no Prisma schema found from ${cwd} (looked for prisma.config.ts, package.json "prisma.schema", schema.prisma, prisma/schema.prisma): pass --prisma <schema file or folder>; a Drizzle or TypeORM app: --drizzle <config> or --typeorm <data source> (or "typeorm" in the oto config)`,
      );
    }
    const message = oneLine(error).replace('`--schema`', '`--prisma`');
    throw new UserError(`${message}: check the path`);
  }
}
