/**
 * The SQL fix round trip (sql-round-trip.ts) on the embedded databases: PGlite and in-memory SQLite.
 */
import { postgresTargets } from '../../packages/database/src/testing/postgres-targets';
import { postgresRoundTrips, sqliteRoundTrip } from './sql-round-trip';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

postgresRoundTrips(postgresTargets().filter((t) => t.name === 'PGlite'));
sqliteRoundTrip();
