import { UserError } from '@oto/core';
import type { DatabaseFacts, Dialect } from '@oto/core';
import type { Bounds } from '../clients/postgres';
import type { MigrationFolder } from './migration-folder';
import { replaySqlMigrations } from './replay';
import { openReplayTarget } from './replay-target';
import { parseDatabaseUrl } from '../connect';
import { extensionsCreatedBy, forEmbeddedPglite } from './embedded-extensions';
import type { Prelude } from './preludes';

/** The dialect to replay in: the folder's own when it says, which must agree with the schema's. */
export function replayDialect(folder: MigrationFolder, schemaDialect: Dialect, label: string): Dialect {
  const family = (d: Dialect) => (d === 'cockroachdb' ? 'postgresql' : d);
  if (folder.dialect && family(folder.dialect) !== family(schemaDialect)) {
    throw new UserError(`${label}: the migrations are for ${folder.dialect}, the schema for ${schemaDialect}: point --migrations at the schema's migrations`);
  }
  return folder.dialect ?? schemaDialect;
}

/** Replays a folder of SQL migrations (Prisma, drizzle-kit, plain .sql) into a fresh database. */
export async function replayMigrationFolder(
  folder: MigrationFolder,
  options: { schemaDialect: Dialect; label: string; cwd: string; databaseUrl?: string; bounds?: Bounds; preludes?: readonly Prelude[] },
): Promise<DatabaseFacts> {
  const dialect = replayDialect(folder, options.schemaDialect, options.label);
  // Into PGlite (embedded, or a pglite: URL): the extensions the migrations and preludes create,
  // pgvector shimmed. A server given with --database-url runs the migrations unchanged.
  const intoPglite = options.databaseUrl ? parseDatabaseUrl(options.databaseUrl, options.cwd).kind === 'pglite' : true;
  const embedded = intoPglite && (dialect === 'postgresql' || dialect === 'cockroachdb') ? forEmbeddedPglite(folder) : undefined;
  const target = await openReplayTarget({
    dialect,
    cwd: options.cwd,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.bounds ? { bounds: options.bounds } : {}),
    ...(embedded ? { extensions: [...embedded.extensions, ...extensionsCreatedBy((options.preludes ?? []).map((p) => p.sql))] } : {}),
    ...(folder.engine === 'libsql' && !options.databaseUrl ? { libsql: true } : {}),
  });
  try {
    return await replaySqlMigrations(embedded?.folder ?? folder, target, options.label, {
      setup: [...(embedded?.setup ?? []).map((sql) => ({ label: 'the pgvector shim', sql })), ...(options.preludes ?? [])],
      warnings: [...(folder.warnings ?? []), ...(embedded?.warnings ?? [])],
    });
  } finally {
    await target.close();
  }
}
