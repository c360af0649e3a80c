/**
 * The ORM adapters and @oto/database, each an optional peer of @oto/cli: a Drizzle app installs
 * @oto/drizzle and never gets Prisma's or TypeORM's packages. Each is loaded here, where it is
 * first used; a missing one is one line naming the package to install (exit 2).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireOptional, UserError } from '@oto/core';

type PrismaAdapter = typeof import('@oto/prisma');
type DrizzleAdapter = typeof import('@oto/drizzle');
type TypeormAdapter = typeof import('@oto/typeorm');
type DatabaseModule = typeof import('@oto/database');
/** `@oto/drizzle/config-files`: the config finder alone (node's fs and path), the same function the index exports. */
type DrizzleConfigFiles = Pick<DrizzleAdapter, 'findDrizzleConfig'>;

/* eslint-disable @typescript-eslint/no-require-imports */
export const prismaAdapter = (): PrismaAdapter => requireOptional('@oto/prisma', 'Reading a Prisma schema', () => require('@oto/prisma') as PrismaAdapter);
export const drizzleAdapter = (): DrizzleAdapter => requireOptional('@oto/drizzle', 'Reading a Drizzle schema', () => require('@oto/drizzle') as DrizzleAdapter);
export const typeormAdapter = (): TypeormAdapter => requireOptional('@oto/typeorm', 'Reading a TypeORM data source', () => require('@oto/typeorm') as TypeormAdapter);
export const databaseModule = (): DatabaseModule =>
  requireOptional('@oto/database', 'Reading a database or replaying migrations', () => require('@oto/database') as DatabaseModule);
const drizzleConfigFiles = (): DrizzleConfigFiles =>
  requireOptional('@oto/drizzle', 'Reading a Drizzle schema', () => require('@oto/drizzle/config-files') as DrizzleConfigFiles);
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The drizzle.config.* of `cwd`, as @oto/drizzle finds it (its `config-files` subpath: detecting
 * the project loads none of drizzle-orm, ts-morph or the loader); without @oto/drizzle installed,
 * any `drizzle.config.*` file there (so that a Drizzle project is told to install @oto/drizzle,
 * not @oto/prisma).
 */
export function findDrizzleConfigHere(cwd: string): string | undefined {
  try {
    return drizzleConfigFiles().findDrizzleConfig(cwd);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const file = fs.existsSync(cwd) ? fs.readdirSync(cwd).find((f) => f.startsWith('drizzle.config.')) : undefined;
    return file === undefined ? undefined : path.join(cwd, file);
  }
}
