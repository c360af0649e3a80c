/**
 * Introspection of a database with many tables (2,000 by default): oto's catalog queries on
 * embedded PGlite and, when OTO_TEST_PG_URL is set, on the real PostgreSQL server, where it is
 * compared with `pg_dump --schema-only` of the same schema (what users already run to read a
 * schema). Prints the number of catalog queries too: it does not grow with the tables.
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import { connect, countingClient, createPglite, introspect, pgliteClient } from '@oto/database';
import type { SqlClient } from '@oto/database';
import { compare, row } from './measure';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TABLES = Number(process.env.BENCH_TABLES ?? 2000);
const SCHEMA = 'oto_bench';

/** In batches: one transaction over 2,000 tables runs out of lock slots. */
async function dropSchema(client: SqlClient): Promise<void> {
  for (let end = TABLES; end > 0; end -= 200) {
    const batch = Array.from({ length: Math.min(200, end) }, (_, k) => `DROP TABLE IF EXISTS ${SCHEMA}.t${end - 1 - k} CASCADE;`);
    await client.exec(batch.join('\n')).catch(() => undefined);
  }
  await client.exec(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
}

async function createTables(client: SqlClient): Promise<void> {
  await dropSchema(client);
  await client.exec(`CREATE SCHEMA ${SCHEMA}; SET search_path TO ${SCHEMA}`);
  for (let start = 0; start < TABLES; start += 200) {
    const batch = Array.from({ length: Math.min(200, TABLES - start) }, (_, k) => start + k).map((i) =>
      i === 0 ? 'CREATE TABLE t0 (id int PRIMARY KEY);' : `CREATE TABLE t${i} (id int PRIMARY KEY, t0_id int UNIQUE REFERENCES t0 (id), note text);`,
    );
    await client.exec(batch.join('\n'));
  }
}

async function introspectOnce(client: SqlClient): Promise<number> {
  const counting = countingClient(client);
  const { model } = await introspect(counting);
  if (model.tables.filter((t) => t.schema === undefined).length !== TABLES) throw new Error('introspection missed tables');
  return counting.count();
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  console.log(`introspection of ${TABLES.toLocaleString('en')} tables (median of ${RUNS} runs, ${os.cpus().length} cores)`);
  const pglite = pgliteClient(await createPglite());
  try {
    await createTables(pglite);
    const queries = await introspectOnce(pglite);
    const ms = await median(() => introspectOnce(pglite));
    console.log(`${'embedded PGlite'.padEnd(44)} oto ${ms.toFixed(0).padStart(6)} ms   ${queries} catalog queries`);
  } finally {
    await pglite.close();
  }
  const url = process.env.OTO_TEST_PG_URL;
  if (!url) {
    console.log('PostgreSQL server: set OTO_TEST_PG_URL to measure it (CI does)');
    return;
  }
  const server = await connect(url, { cwd: process.cwd() });
  try {
    await createTables(server);
    const queries = await introspectOnce(server);
    const dump = () => {
      const run = spawnSync('pg_dump', ['--schema-only', '-n', SCHEMA, '-d', url], { encoding: 'utf8', maxBuffer: 1 << 28 });
      if (run.status !== 0) throw new Error(`pg_dump: exit ${run.status}`);
      return Promise.resolve();
    };
    const hasPgDump = spawnSync('pg_dump', ['--version']).status === 0;
    if (hasPgDump) {
      const result = await compare(RUNS, () => introspectOnce(server), dump);
      console.log(`${row('PostgreSQL server, vs pg_dump --schema-only', result)}   ${queries} catalog queries`);
    } else {
      const ms = await median(() => introspectOnce(server));
      console.log(`${'PostgreSQL server'.padEnd(44)} oto ${ms.toFixed(0).padStart(6)} ms   ${queries} catalog queries (no pg_dump here)`);
    }
    await dropSchema(server);
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
