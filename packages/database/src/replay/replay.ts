/**
 * Replays migrations one at a time and reads the database after each: the final database is what
 * the schema is compared with, and the steps say which migration dropped a key.
 */
import { UserError, oneLine, redactSecrets } from '@oto/core';
import type { DatabaseFacts, MigrationStep } from '@oto/core';
import type { Row, SqlClient } from '../clients/sql-client';
import { introspect } from '../introspect/introspect';
import type { MigrationFolder } from './migration-folder';
import type { ReplayTarget } from './replay-target';
import { preludeAdvice } from './preludes';
import type { Prelude } from './preludes';

export type Query = (sql: string, params?: readonly unknown[]) => Promise<Row[]>;

/** Collects the database as each migration leaves it. */
export class MigrationRecorder {
  private readonly steps: MigrationStep[] = [];
  private defaultSchema: string | undefined;

  constructor(
    private readonly dialect: SqlClient['dialect'],
    private readonly label: string,
  ) {}

  /** Reads the database through `query` (inside the migration's transaction, when it has one). */
  async afterEach(name: string, query: Query): Promise<void> {
    const client: SqlClient = {
      dialect: this.dialect,
      label: this.label,
      query: (sql, params) => query(sql, params) as never,
      exec: async (script) => void (await query(script)),
      close: async () => undefined,
    };
    const { model, defaultSchema } = await introspect(client);
    this.defaultSchema = defaultSchema;
    this.steps.push({ name, tables: model.tables });
  }

  /** The database after the last migration: as read after it, or through `client` when none ran. */
  async facts(client: SqlClient, warnings: readonly string[] = []): Promise<DatabaseFacts> {
    const last = this.steps.at(-1);
    const { model, defaultSchema } = last
      ? { model: { source: 'database' as const, dialect: this.dialect, tables: last.tables, relations: [] }, defaultSchema: this.defaultSchema }
      : await introspect(client);
    return { kind: 'migrations', label: this.label, model, ...(defaultSchema ? { defaultSchema } : {}), steps: this.steps, ...(warnings.length ? { warnings } : {}) };
  }
}

export interface ReplayOptions {
  /** Scripts run before the first migration (a shim's settings, the preludes); `label` names each in errors. */
  readonly setup?: readonly Prelude[];
  readonly warnings?: readonly string[];
}

/** What to do about a failure the database explains: an extension it lacks, a platform's object. */
function advice(message: string, target: string, setup: readonly Prelude[]): string {
  const extension = /extension "([^"]+)" is not available/.exec(message)?.[1];
  if (extension) return `: ${target} does not ship extension ${extension}; give --database-url an empty database that has it`;
  return preludeAdvice(message, setup);
}

/** Runs each SQL migration of the folder on the target, in order; a failing one is a one-line error. */
export async function replaySqlMigrations(folder: MigrationFolder, target: ReplayTarget, label: string, options: ReplayOptions = {}): Promise<DatabaseFacts> {
  const recorder = new MigrationRecorder(target.client.dialect, label);
  const query: Query = (sql, params) => target.client.query(sql, params);
  for (const setup of options.setup ?? []) {
    try {
      await target.client.exec(setup.sql);
    } catch (error) {
      throw new UserError(`${label}: ${setup.label} fails on ${target.client.label}: ${redactSecrets(oneLine(error))}`);
    }
  }
  for (const migration of folder.migrations) {
    for (const [i, statement] of migration.statements.entries()) {
      try {
        await target.client.exec(statement);
      } catch (error) {
        const which = migration.statements.length > 1 ? ` (statement ${i + 1} of ${migration.statements.length})` : '';
        const message = redactSecrets(oneLine(error));
        throw new UserError(`${label}: migration ${migration.name}${which} fails on ${target.client.label}: ${message}${advice(message, target.client.label, options.setup ?? [])}`);
      }
    }
    await recorder.afterEach(migration.name, query);
  }
  return recorder.facts(target.client, options.warnings);
}
