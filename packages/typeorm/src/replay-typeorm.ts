/**
 * TypeORM migration classes replayed through the project's own TypeORM: a second DataSource like
 * the project's, pointed at a scratch database, runs every migration in its own transaction, and
 * oto reads the database at the end of each migration's `up`, on that migration's connection.
 */
import type { DatabaseFacts, Dialect } from '@oto/core';
import { loadFailureOf } from '@oto/loader';
import { UserError, oneLine, redactSecrets, watchedLoad } from '@oto/core';
import type { DataSource, DataSourceOptions, MigrationInterface, QueryRunner } from 'typeorm';

export type MigrationQuery = (sql: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>;

/** A scratch database to replay into, as the caller (the CLI, with @oto/database) provides it. */
export interface ReplaySession {
  /** A URL TypeORM connects to (PGlite's socket server, or the given scratch database). */
  readonly url: string;
  afterEach(name: string, query: MigrationQuery): Promise<void>;
  /** Reads the database after the last migration and releases it. */
  finish(): Promise<DatabaseFacts>;
  /** Releases the database after a failure. */
  abort(): Promise<void>;
  /** What to add to a failing migration's message (the prelude to add, say); '' for nothing. */
  advice?(message: string): string;
}

export interface TypeormMigrations {
  /** A folder of migration classes; absent: the DataSource's own `migrations` option. */
  readonly dir?: string;
  open(dialect: Dialect): Promise<ReplaySession>;
}

/** The migrations option to replay: the folder's files, or the DataSource's own. */
export function migrationsOption(dataSource: DataSource, dir: string | undefined, label: string): DataSourceOptions['migrations'] {
  // Each migration file of the folder; not an index that gathers them into an array (TypeORM would
  // load each of them a second time, and the array may hold migrations of other folders).
  if (dir) return [`${dir.replace(/\\/g, '/')}/!(index).{ts,js,cjs,mjs}`];
  const own = dataSource.options.migrations;
  if (!own || (Array.isArray(own) && own.length === 0)) {
    throw new UserError(`${label}: the DataSource lists no migrations: give them in its migrations option, or pass --migrations <folder>`);
  }
  return own;
}

function connectionOptions(options: DataSourceOptions, url: string): Record<string, unknown> {
  if (['sqlite', 'better-sqlite3', 'sqljs'].includes(String(options.type))) return { database: url.replace(/^sqlite:(\/\/)?/, '') };
  // One connection: PGlite serves one at a time, and the replay needs no more. On PostgreSQL it is
  // kept while idle (pg's pool closes an idle client after 10 s, and TypeORM's initialize() idles
  // that long while a large project's entities and migrations compile, then connects again).
  const postgres = ['postgres', 'cockroachdb'].includes(String(options.type));
  const extra = { max: 1, connectionLimit: 1, ...(postgres ? { idleTimeoutMillis: 0 } : {}) };
  return { url, host: undefined, port: undefined, username: undefined, password: undefined, database: undefined, ssl: false, extra, replication: undefined };
}

/** The package of a driver library that oto's loader stubbed (`--stub better-sqlite3`), if any. */
function stubbedDriver(driver: object): string | undefined {
  for (const value of Object.values(driver)) {
    const tag = /^\[object \[oto stub of (.+)\]\]$/.exec(Object.prototype.toString.call(value));
    if (tag) return tag[1];
  }
  return undefined;
}

/** Replays the migrations with the project's TypeORM; `own` is the project's DataSource (not connected). */
export async function replayTypeormMigrations(
  own: DataSource,
  migrations: DataSourceOptions['migrations'],
  session: ReplaySession,
  label: string,
): Promise<void> {
  const DataSourceClass = own.constructor as new (options: DataSourceOptions) => DataSource;
  const options = {
    ...own.options,
    ...connectionOptions(own.options, session.url),
    migrations,
    subscribers: [],
    synchronize: false,
    migrationsRun: false,
    dropSchema: false,
    logging: false,
    migrationsTransactionMode: 'each',
  } as unknown as DataSourceOptions;
  const replay = new DataSourceClass(options);
  try {
    await replay.initialize();
  } catch (error) {
    // TypeORM imports the migration files here: a module that cannot load is named by the caller.
    if (loadFailureOf(error)) throw error;
    throw new UserError(`${label}: TypeORM cannot connect to the scratch database: ${redactSecrets(oneLine(error))}`);
  }
  try {
    const stubbed = stubbedDriver(replay.driver);
    if (stubbed) {
      throw new UserError(`${label}: the replay runs the migrations on a real database, through TypeORM's driver '${stubbed}', which is stubbed: install it and remove it from the stubs (a stub runs nothing: the check would pass without checking)`);
    }
    if (replay.migrations.length === 0) throw new UserError(`${label}: no migration classes found in ${JSON.stringify(migrations)}`);
    let running: string | undefined;
    for (const migration of replay.migrations as MigrationInterface[]) {
      const up = migration.up.bind(migration);
      const name = migration.name ?? migration.constructor.name;
      migration.up = async (runner: QueryRunner) => {
        running = name;
        // The migration's own code: bounded in time like a load (the bin's OTO_LOAD_TIMEOUT).
        await watchedLoad(`migration ${name}`, () => up(runner), 'migration');
        await session.afterEach(name, (sql, params) => runner.query(sql, params ? [...params] : undefined));
      };
    }
    try {
      await replay.runMigrations({ transaction: 'each' });
    } catch (error) {
      if (error instanceof UserError) throw error;
      const message = redactSecrets(oneLine(error));
      throw new UserError(`${label}: ${running ? `migration ${running}` : 'a migration'} fails on the scratch database: ${message}${session.advice?.(message) ?? ''}`);
    }
  } finally {
    await replay.destroy().catch(() => undefined);
  }
}
