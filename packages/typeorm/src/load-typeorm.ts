/**
 * Loads a TypeORM project the way the TypeORM CLI does: a module exporting a DataSource (default
 * or named export, or a promise of one), TypeScript compiled with decorator metadata by oto's
 * loader, then the entity metadata built by the project's own TypeORM, without connecting to any
 * database.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DatabaseFacts, Dialect, Origin, SchemaModel } from '@oto/core';
import { UserError, oneLine, shownPath } from '@oto/core';
import { describeLoadError, loadFailureOf, watchedLoad, withModuleLoader } from '@oto/loader';
import type { ModuleLoader, StubbedModule } from '@oto/loader';
import type { DataSource } from 'typeorm';
import { classDeclarations } from './class-text';
import { fromTypeorm } from './from-typeorm';
import { migrationsOption, replayTypeormMigrations } from './replay-typeorm';
import { withoutConnecting } from './without-connecting';
import type { TypeormMigrations } from './replay-typeorm';
import type { TypeormSchemaInput } from './from-typeorm';

export interface LoadTypeormOptions {
  readonly cwd: string;
  /** The module that exports the DataSource (what the TypeORM CLI takes as `-d`). */
  readonly dataSource: string;
  /** Modules to replace with inert stubs. */
  readonly stubs?: readonly string[];
  /** Replay the project's migration classes into a scratch database, with the project's TypeORM. */
  readonly migrations?: TypeormMigrations;
}

export interface LoadedTypeormModel {
  readonly model: SchemaModel;
  /** The data source file, relative to cwd. */
  readonly dataSourceFile: string;
  readonly stubbed: readonly StubbedModule[];
  /** What the loader chose that the user should know (oto's own TypeScript instead of TypeScript 7). */
  readonly notes: readonly string[];
  /** The database the migrations built, when asked to replay them. */
  readonly database?: DatabaseFacts;
}

const DIALECTS: Readonly<Record<string, Dialect>> = {
  postgres: 'postgresql',
  'aurora-postgres': 'postgresql',
  cockroachdb: 'cockroachdb',
  mysql: 'mysql',
  mariadb: 'mysql',
  'aurora-mysql': 'mysql',
  sqlite: 'sqlite',
  'better-sqlite3': 'sqlite',
  sqljs: 'sqlite',
  capacitor: 'sqlite',
  cordova: 'sqlite',
  expo: 'sqlite',
  nativescript: 'sqlite',
  'react-native': 'sqlite',
  mssql: 'sqlserver',
};

/** TypeORM's DataSource loads its database driver package; oto never uses it: say it can be stubbed. */
function driverMissing(error: unknown, label: string): UserError | undefined {
  if ((error as { name?: unknown } | null)?.name !== 'DriverPackageNotInstalledError') return undefined;
  const driver = /npm install ([^\s"']+)/.exec(String((error as Error).message))?.[1];
  if (!driver) return undefined;
  return new UserError(
    `${label}: TypeORM needs the database driver '${driver}' to create the DataSource; oto never connects: install it, or stub it: "stub": ["${driver}"] in the oto config, or --stub '${driver}'`,
  );
}

/** A DataSource of any installed copy of TypeORM (the check TypeORM's own InstanceChecker makes). */
function isDataSource(value: unknown): value is DataSource {
  if (typeof value !== 'object' || value === null) return false;
  const mark = (value as { '@instanceof'?: unknown })['@instanceof'];
  return mark === Symbol.for('DataSource') || (typeof (value as { buildMetadatas?: unknown }).buildMetadatas === 'function' && 'options' in value);
}

/** The one DataSource the module exports, as the TypeORM CLI finds it. */
async function findDataSource(exports: unknown, label: string): Promise<DataSource> {
  if (isDataSource(exports)) return exports;
  const found: DataSource[] = [];
  if (exports && typeof exports === 'object') {
    for (const value of Object.values(exports)) {
      // A data source may be exported as a promise of one (an async factory).
      const awaited: unknown = await value;
      if (isDataSource(awaited) && !found.includes(awaited)) found.push(awaited);
    }
  }
  if (found.length === 0) {
    throw new UserError(`${label}: exports no TypeORM DataSource: export one, e.g. export default new DataSource({ type, entities })`);
  }
  if (found.length > 1) {
    throw new UserError(`${label}: exports ${found.length} DataSources: point --typeorm at a module that exports one`);
  }
  return found[0] as DataSource;
}

/**
 * TypeORM's decorators need `Reflect.getMetadata`. TypeORM 1.x loads reflect-metadata itself; for
 * 0.3 the TypeORM CLI does it before the data source: so does oto, from the project's own copy.
 */
function preloadReflectMetadata(file: string, loader: ModuleLoader): void {
  let resolved: string;
  try {
    const typeorm = createRequire(file).resolve('typeorm');
    resolved = createRequire(typeorm).resolve('reflect-metadata');
  } catch {
    return; // Not installed next to TypeORM: the data source imports it, or TypeORM says what is missing.
  }
  // Through the loader, so it patches the `Reflect` that the entities see (a test host has its own).
  loader.load(resolved);
}

/** Builds the entity metadata of a DataSource without connecting: entities only, no migrations or subscribers. */
async function buildEntityMetadata(dataSource: DataSource): Promise<DataSource['entityMetadatas']> {
  dataSource.setOptions({ migrations: [], subscribers: [] });
  await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  return dataSource.entityMetadatas;
}

function collectOrigins(loader: ModuleLoader, cwd: string) {
  const files = new Map<string, string>();
  const origins = new Map<unknown, Origin>();
  for (const { file, exports } of loader.compiled()) {
    const label = shownPath(cwd, file);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    files.set(label, text);
    const classes = classDeclarations(text);
    const values = exports && (typeof exports === 'object' || typeof exports === 'function') ? [exports, ...Object.values(exports)] : [];
    for (const value of values) {
      if (typeof value !== 'function' || origins.has(value)) continue;
      const line = classes.get((value as { name: string }).name);
      if (line !== undefined) origins.set(value, { file: label, line });
    }
  }
  return { origins, files };
}

/**
 * The model of a loaded DataSource: its entity metadata built without a connection, then read.
 * `label` names the data source in errors.
 */
export async function modelOfDataSource(
  dataSource: DataSource,
  label: string,
  /** Where the entity classes are declared, asked once the metadata is built (entity globs load then). */
  where: () => Pick<TypeormSchemaInput, 'origins' | 'files'> = () => ({}),
  /** The project root, for file names in errors. */
  cwd?: string,
): Promise<SchemaModel> {
  const type = String(dataSource.options.type);
  const dialect = DIALECTS[type];
  if (!dialect) {
    throw new UserError(`${label}: database type "${type}" is not supported by oto: use postgres, mysql, mariadb, sqlite (better-sqlite3, sqljs), cockroachdb or mssql`);
  }
  let entities: DataSource['entityMetadatas'];
  try {
    entities = await buildEntityMetadata(dataSource);
  } catch (error) {
    // An entity file that fails to import names its module; TypeORM's own errors name the entity.
    if (loadFailureOf(error)) throw describeLoadError(error, label, cwd);
    throw new UserError(`${label}: TypeORM cannot build the entity metadata: ${oneLine(error)}`);
  }
  if (entities.length === 0) {
    throw new UserError(`${label}: the DataSource lists no entity: give it entities (classes or globs), as the app does`);
  }
  const driver = dataSource.driver as { normalizeType?: (column: unknown) => string };
  return fromTypeorm({
    dialect,
    entities,
    naming: dataSource.namingStrategy,
    ...where(),
    columnType: (column) => {
      try {
        return driver.normalizeType?.(column);
      } catch {
        return undefined;
      }
    },
  });
}

/** The data source module loaded, its DataSource, the migrations to replay and the model of its entities. */
async function readDataSource(file: string, label: string, loader: ModuleLoader, replay: { readonly dir?: string } | undefined, cwd: string) {
  let exports: unknown;
  try {
    exports = loader.load(file);
  } catch (error) {
    throw driverMissing(error, label) ?? describeLoadError(error, label, cwd);
  }
  const dataSource = await findDataSource(exports, label);
  // Read before the metadata is built: that leaves migrations out of the DataSource's options.
  const migrations = replay ? migrationsOption(dataSource, replay.dir, label) : undefined;
  const model = await modelOfDataSource(dataSource, label, () => collectOrigins(loader, cwd), cwd);
  return { dataSource, migrations, model };
}

export async function loadTypeormModel(options: LoadTypeormOptions): Promise<LoadedTypeormModel> {
  const cwd = path.resolve(options.cwd);
  const file = path.resolve(cwd, options.dataSource);
  const label = shownPath(cwd, file);
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    throw new UserError(`${label}: data source file not found: pass --typeorm <file exporting a DataSource>`);
  }
  return withModuleLoader({ cwd, stubs: options.stubs ?? [], compiler: 'project-typescript' }, async (loader) => {
    // The user's code runs here: the module, the promise it may export, the entity files TypeORM imports.
    // initialize()/connect() called at import is answered without connecting (oto never connects).
    const { dataSource, migrations, model } = await watchedLoad(label, () => {
      preloadReflectMetadata(file, loader);
      return withoutConnecting(file, loader, () => readDataSource(file, label, loader, options.migrations, cwd));
    });
    if (!options.migrations || !migrations) return { model, dataSourceFile: label, stubbed: loader.stubbed, notes: loader.notes };
    const session = await options.migrations.open(model.dialect);
    try {
      await replayTypeormMigrations(dataSource, migrations, session, label);
    } catch (error) {
      await session.abort();
      if (loadFailureOf(error)) throw describeLoadError(error, label, cwd);
      throw error;
    }
    return { model, dataSourceFile: label, stubbed: loader.stubbed, notes: loader.notes, database: await session.finish() };
  });
}
