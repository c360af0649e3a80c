/**
 * What `oto check` compares the schema with: the live database `--database-url` names, or the
 * database that replaying `--migrations` builds (into embedded PGlite or in-memory SQLite, or into
 * the empty scratch database `--database-url` names).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError, loadConfigFile, oneLine, shownPath } from '@oto/core';
import type { DatabaseFacts, Dialect, SchemaModel } from '@oto/core';
import { databaseModule } from './adapters';
import type { Prelude } from '@oto/database';
import type { TypeormMigrations } from '@oto/typeorm';

export interface DatabaseOptions {
  readonly databaseUrl?: string;
  /** `--migrations [folder]`: true without a folder (TypeORM: the DataSource's own migrations). */
  readonly migrations?: string | true;
  /** `--config <file>`: where the replay's preludes are listed (else the config oto finds). */
  readonly config?: string;
}

/** The config's `replay.prelude`, read: SQL the replay runs before the first migration. */
async function replayPreludes(cwd: string, configFile: string | undefined): Promise<Prelude[]> {
  const { config, file } = await loadConfigFile(configFile ? { cwd, file: configFile } : { cwd });
  const entries = config.replay?.prelude ?? [];
  if (entries.length === 0) return [];
  const shown = file ? shownPath(cwd, file) : 'config';
  const configLabel = file && path.basename(file) === 'package.json' ? `${shown}#oto` : shown;
  return databaseModule().readPreludes(entries, { baseDir: file ? path.dirname(file) : cwd, cwd, configLabel });
}

export type DatabasePlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'source'; readonly typeorm: TypeormMigrations }
  | { readonly kind: 'compare'; read(declared: SchemaModel): Promise<DatabaseFacts> };

/**
 * The extensions a PGlite needs for a TypeORM replay: those a folder of migration classes and the
 * preludes create, read from their source text (the SQL is in string literals there), and those
 * TypeORM may create itself (see extensionsForTypeorm), loaded before TypeORM runs.
 */
function typeormExtensions(dir: string | undefined, preludes: readonly { sql: string }[]): string[] {
  const files = dir ? fs.readdirSync(dir).filter((f) => /\.[cm]?[jt]s$/.test(f) && !f.endsWith('.d.ts')) : [];
  return databaseModule().extensionsForTypeorm([...files.map((f) => fs.readFileSync(path.join(dir!, f), 'utf8')), ...preludes.map((p) => p.sql)]);
}

/** TypeORM migration classes replayed by the TypeORM source, into a fresh scratch database. */
function typeormReplay(dir: string | undefined, label: string, options: DatabaseOptions, cwd: string): TypeormMigrations {
  const { databaseUrl } = options;
  return {
    ...(dir ? { dir } : {}),
    async open(dialect: Dialect) {
      const preludes = await replayPreludes(cwd, options.config);
      // The extensions matter to PGlite (embedded or a pglite: URL); a server runs the migrations as they are.
      const extensions = typeormExtensions(dir, preludes);
      const target = await databaseModule().openReplayTarget({ dialect, cwd, extensions, ...(databaseUrl ? { databaseUrl } : {}) });
      const recorder = new (databaseModule().MigrationRecorder)(target.client.dialect, label);
      let ran = 0;
      try {
        for (const prelude of preludes) {
          await target.client.exec(prelude.sql).catch((error: unknown) => {
            throw new UserError(`${label}: ${prelude.label} fails on ${target.client.label}: ${oneLine(error)}`);
          });
        }
        return {
          url: await target.url(),
          afterEach: (name, query) => {
            ran++;
            return recorder.afterEach(name, query);
          },
          async finish() {
            try {
              // A replay in which no migration ran checked nothing (a driver stubbed for TypeORM, say): never a pass.
              if (ran === 0) throw new UserError(`${label}: no migration ran on the scratch database, so there is nothing to compare with: check that TypeORM finds the migrations, and that its database driver is installed, not stubbed`);
              return await recorder.facts(target.client);
            } finally {
              await target.close();
            }
          },
          abort: () => target.close(),
          advice: (message) => databaseModule().preludeAdvice(message, preludes),
        };
      } catch (error) {
        await target.close();
        throw error;
      }
    },
  };
}

/** How the check gets its database, from the flags and the ORM. */
export function planDatabase(options: DatabaseOptions & { readonly typeorm?: string }, orm: 'prisma' | 'drizzle' | 'typeorm', cwd: string): DatabasePlan {
  const { databaseUrl, migrations } = options;
  if (migrations === undefined) {
    if (!databaseUrl) return { kind: 'none' };
    return { kind: 'compare', read: (declared) => databaseModule().readDatabase(databaseUrl, declared, { cwd }) };
  }
  if (migrations === true) {
    if (orm !== 'typeorm') throw new UserError('--migrations needs a folder: --migrations <folder> (only TypeORM can take the DataSource\'s own)');
    const dataSource = shownPath(cwd, path.resolve(cwd, options.typeorm ?? ''));
    return { kind: 'source', typeorm: typeormReplay(undefined, `the migrations of ${dataSource}`, options, cwd) };
  }
  const dir = path.resolve(cwd, migrations);
  const label = shownPath(cwd, dir);
  const folder = databaseModule().readMigrationFolder(dir, label);
  if (folder.format === 'typeorm') {
    if (orm !== 'typeorm') throw new UserError(`${label} holds TypeORM migration classes: check it with --typeorm <data source>`);
    return { kind: 'source', typeorm: typeormReplay(dir, label, options, cwd) };
  }
  return {
    kind: 'compare',
    read: async (declared) =>
      databaseModule().replayMigrationFolder(folder, { schemaDialect: declared.dialect, label, cwd, ...(databaseUrl ? { databaseUrl } : {}), preludes: await replayPreludes(cwd, options.config) }),
  };
}
