/**
 * Loads a Drizzle schema the way drizzle-kit does: from `drizzle.config.*` (its `schema` paths,
 * folders or globs, `dialect`, `casing`) or from schema files given directly, each module loaded
 * through oto's loader (TypeScript without a build step, tsconfig `paths`, stubs).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Dialect, Origin, OtoConfig, SchemaModel } from '@oto/core';
import { UserError, shownPath } from '@oto/core';
import { describeLoadError, watchedLoad, withModuleLoader } from '@oto/loader';
import type { ModuleLoader, StubbedModule } from '@oto/loader';
import { globSync } from 'tinyglobby';
import { z } from 'zod';
import type { DrizzleExport, UnresolvedRelation } from './from-drizzle';
import { fromDrizzle } from './from-drizzle';
import { findDrizzleConfig } from './drizzle-config-files';
import { exportedDeclarations } from './source-text';
import { OTO_OPTIONS, parseWithOtoOptions } from './with-oto-marks';

const SCHEMA_EXTENSIONS = ['ts', 'mts', 'cts', 'tsx', 'js', 'mjs', 'cjs'];

const DIALECTS: Readonly<Record<string, Dialect>> = {
  postgresql: 'postgresql',
  mysql: 'mysql',
  sqlite: 'sqlite',
  turso: 'sqlite',
};

const drizzleConfigSchema = z
  .object({
    schema: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    dialect: z.string().optional(),
    casing: z.enum(['snake_case', 'camelCase']).optional(),
    out: z.string().optional(),
  })
  .loose();

export type DrizzleConfig = z.infer<typeof drizzleConfigSchema>;

export interface LoadDrizzleOptions {
  readonly cwd: string;
  /** A drizzle config file; found in `cwd` when neither it nor `schemaFiles` is given. */
  readonly config?: string;
  /** Schema files (or globs) to read without a drizzle config. */
  readonly schemaFiles?: readonly string[];
  /** Modules to replace with inert stubs. */
  readonly stubs?: readonly string[];
}

export interface LoadedDrizzleModel {
  readonly model: SchemaModel;
  /** The drizzle config read, relative to cwd; undefined when schema files were given. */
  readonly configFile?: string;
  readonly config?: DrizzleConfig;
  /** The schema files loaded, relative to cwd. */
  readonly schemaFiles: readonly string[];
  readonly stubbed: readonly StubbedModule[];
  /** Relation fields drizzle cannot resolve, left out of the model. */
  readonly unresolved: readonly UnresolvedRelation[];
  /** Options given to `withOto` in the drizzle config, validated, if it uses it. */
  readonly withOtoOptions?: OtoConfig;
}

function readDrizzleConfig(file: string, cwd: string, loader: ModuleLoader): { config: DrizzleConfig; withOto?: OtoConfig } {
  const label = shownPath(cwd, file);
  let value: unknown;
  if (file.endsWith('.json')) {
    try {
      value = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UserError(`${label}: not valid JSON: ${(error as Error).message}`);
    }
  } else {
    try {
      const loaded = watchedLoad(label, () => loader.load(file)) as { default?: unknown };
      value = loaded && typeof loaded === 'object' && 'default' in loaded ? loaded.default : loaded;
    } catch (error) {
      throw describeLoadError(error, label, cwd);
    }
  }
  const parsed = drizzleConfigSchema.safeParse(value);
  if (!parsed.success) {
    throw new UserError(`${label}: exports no drizzle config with a "schema": export default defineConfig({ schema, dialect })`);
  }
  const marked = value && typeof value === 'object' ? (value as Record<symbol, unknown>)[OTO_OPTIONS] : undefined;
  return { config: parsed.data, ...(marked !== undefined ? { withOto: parseWithOtoOptions(marked, label) } : {}) };
}

/** Expands schema paths like drizzle-kit: files, folders (every module inside) and globs. */
export function expandSchemaPaths(patterns: readonly string[], base: string): string[] {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const absolute = path.resolve(base, pattern);
    let globs = [pattern];
    if (fs.existsSync(absolute) && fs.statSync(absolute).isDirectory()) {
      globs = [`${pattern.replace(/\/$/, '')}/**/*.{${SCHEMA_EXTENSIONS.join(',')}}`];
    }
    for (const file of globSync(globs, { cwd: base, absolute: true, ignore: ['**/node_modules/**', '**/*.d.ts'] })) {
      files.add(path.normalize(file));
    }
  }
  return [...files].sort();
}

/** Every export of the schema files, with the file and line where each value is declared. */
function collectExports(schemaFiles: readonly string[], loaded: ReadonlyMap<string, unknown>, loader: ModuleLoader, cwd: string) {
  const texts = new Map<string, string>();
  const origins = new Map<unknown, Origin>();
  for (const { file, exports } of loader.compiled()) {
    if (!exports || typeof exports !== 'object') continue;
    const label = shownPath(cwd, file);
    const text = fs.readFileSync(file, 'utf8');
    texts.set(label, text);
    const lines = exportedDeclarations(text);
    for (const [name, value] of Object.entries(exports)) {
      const line = lines.get(name);
      if (line !== undefined && !origins.has(value)) origins.set(value, { file: label, line });
    }
  }
  const result: DrizzleExport[] = [];
  for (const file of schemaFiles) {
    const exports = loaded.get(file);
    if (!exports || typeof exports !== 'object') continue;
    for (const [name, value] of Object.entries(exports)) {
      const origin = origins.get(value);
      result.push({ name, value, ...(origin ? { origin } : {}) });
    }
  }
  return { exports: result, texts };
}

export function loadDrizzleModel(options: LoadDrizzleOptions): LoadedDrizzleModel {
  const cwd = path.resolve(options.cwd);
  const configFile =
    options.config !== undefined
      ? path.resolve(cwd, options.config)
      : options.schemaFiles?.length
        ? undefined
        : findDrizzleConfig(cwd);
  if (options.config !== undefined && configFile && !fs.existsSync(configFile)) {
    throw new UserError(`${shownPath(cwd, configFile)}: drizzle config not found: check the --drizzle path`);
  }
  if (!configFile && !options.schemaFiles?.length) {
    throw new UserError(`no drizzle.config.* in ${cwd}: pass --drizzle <config file> or the schema files`);
  }

  let config: DrizzleConfig | undefined;
  let withOtoOptions: OtoConfig | undefined;
  // Modules the config imports (an env module, say) are stubbed too, and named with the schema's.
  let configStubbed: readonly StubbedModule[] = [];
  if (configFile) {
    ({ config, withOto: withOtoOptions, stubbed: configStubbed } = withModuleLoader({ cwd, stubs: options.stubs ?? [] }, (loader) => ({
      ...readDrizzleConfig(configFile, cwd, loader),
      stubbed: loader.stubbed,
    })));
  }
  const stubs = [...(options.stubs ?? []), ...(withOtoOptions?.stub ?? [])];
  const patterns = config ? (Array.isArray(config.schema) ? config.schema : [config.schema]) : (options.schemaFiles ?? []);
  // drizzle-kit resolves schema paths from the working directory; a config elsewhere may mean its own folder.
  let schemaFiles = expandSchemaPaths(patterns, cwd);
  if (schemaFiles.length === 0 && configFile && path.dirname(configFile) !== cwd) {
    schemaFiles = expandSchemaPaths(patterns, path.dirname(configFile));
  }
  const where = configFile ? `${shownPath(cwd, configFile)}: schema` : 'schema';
  if (schemaFiles.length === 0) {
    throw new UserError(`${where} ${JSON.stringify(patterns.length === 1 ? patterns[0] : patterns)} matches no file: fix the schema paths`);
  }

  const dialectName = config?.dialect;
  const dialect = dialectName === undefined ? undefined : DIALECTS[dialectName];
  if (dialectName !== undefined && !dialect) {
    throw new UserError(`${shownPath(cwd, configFile ?? cwd)}: dialect "${dialectName}" is not supported by oto: use postgresql, mysql or sqlite`);
  }

  return withModuleLoader({ cwd, stubs }, (loader) => {
    const loaded = new Map<string, unknown>();
    for (const file of schemaFiles) {
      try {
        loaded.set(file, watchedLoad(shownPath(cwd, file), () => loader.load(file)));
      } catch (error) {
        throw describeLoadError(error, shownPath(cwd, file), cwd);
      }
    }
    const { exports, texts } = collectExports(schemaFiles, loaded, loader, cwd);
    const { model, unresolved } = fromDrizzle({
      exports,
      files: texts,
      ...(dialect ? { dialect } : {}),
      ...(config?.casing ? { casing: config.casing } : {}),
    });
    if (model.tables.length === 0) {
      throw new UserError(`${schemaFiles.map((f) => shownPath(cwd, f)).join(', ')}: export no Drizzle table: export the tables from the schema files`);
    }
    return {
      model,
      ...(configFile ? { configFile: shownPath(cwd, configFile) } : {}),
      ...(config ? { config } : {}),
      schemaFiles: schemaFiles.map((f) => shownPath(cwd, f)),
      stubbed: [...configStubbed, ...loader.stubbed.filter((s) => !configStubbed.some((c) => c.request === s.request))],
      unresolved,
      ...(withOtoOptions !== undefined ? { withOtoOptions } : {}),
    };
  });
}
