/**
 * The SQL fix round trip (sql-round-trip.ts) on the database servers: PostgreSQL when
 * OTO_TEST_PG_URL is set, MySQL/MariaDB when OTO_TEST_MYSQL_URL is set (CI sets both).
 */
import { postgresTargets } from '../../packages/database/src/testing/postgres-targets';
import { mysqlRoundTrip, postgresRoundTrips } from './sql-round-trip';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const servers = postgresTargets().filter((t) => t.name !== 'PGlite');
if (servers.length > 0) postgresRoundTrips(servers);
mysqlRoundTrip(process.env['OTO_TEST_MYSQL_URL']);
