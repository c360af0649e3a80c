/**
 * The SQL fix round trip, as a property over random schemas with hostile names (line terminators and
 * bidi controls among them, which must stay inert in the file's comments): build the schema
 * in a real database, check it against the declared one-to-ones, apply the SQL oto generates, and
 * the database then needs nothing more from oto (a second plan is empty), every declared
 * one-to-one has its backing key, and on PostgreSQL every required side is NOT NULL and no NOT NULL
 * key is SET NULL on delete. With a duplicate key in the data the migration stops before any
 * change, naming the key.
 *
 * The property, run by two files that jest runs side by side: sql-round-trip-embedded.test.ts
 * (PGlite, SQLite) and sql-round-trip-servers.test.ts (the PostgreSQL server when OTO_TEST_PG_URL
 * is set, MySQL/MariaDB when OTO_TEST_MYSQL_URL is set). OTO_PROPERTY_RUNS sets the runs per
 * database (100, fast-check's own default; more for a deeper run).
 */
import fc from 'fast-check';
import { check, conventionUniqueName, findBackingKey, planSqlChanges, renderSql, resolveConfig, tableFinder } from '@oto/core';
import type { DatabaseFacts, SchemaModel, SqlDialect, SqlPlan } from '@oto/core';
import { connect, databaseFacts } from '@oto/database';
import type { SqlClient } from '@oto/database';
import { inFreshSchema } from '../../packages/database/src/testing/postgres-targets';
import type { PostgresTarget } from '../../packages/database/src/testing/postgres-targets';
import { sqliteClient } from '../../packages/database/src/clients/sqlite';
import { ddl, rows, scenarios } from './random-schema';
import type { Scenario } from './random-schema';

export const RUNS = Number(process.env.OTO_PROPERTY_RUNS ?? 100);
const config = resolveConfig({}, 'test');

function plan(dialect: SqlDialect, model: SchemaModel, facts: DatabaseFacts): SqlPlan {
  return planSqlChanges(check(model, config, facts).diagnostics, {
    dialect,
    tables: facts.model.tables,
    ...(facts.defaultSchema ? { defaultSchema: facts.defaultSchema } : {}),
    uniqueName: (table, columns) => conventionUniqueName(table, columns),
    renames: true,
    onDelete: 'restrict',
  });
}

/** The declared model after the plan's renames (what `oto fix` does to the schema): the same relations under the new names. */
function renamed(model: SchemaModel, sql: SqlPlan): SchemaModel {
  const to = new Map(sql.changes.flatMap(({ change }) => (change.kind === 'rename-table' ? [[change.table.name, change.to] as const] : [])));
  const uniqueTo = new Map(sql.changes.flatMap(({ change }) => (change.kind === 'rename-unique' ? [[change.from, change.to] as const] : [])));
  const name = (n: string) => to.get(n) ?? n;
  return {
    ...model,
    tables: model.tables.map((t) => ({
      ...t,
      name: name(t.name),
      uniques: t.uniques.map((u) => (u.name && uniqueTo.has(u.name) ? { ...u, name: uniqueTo.get(u.name) } : u)),
      foreignKeys: t.foreignKeys.map((f) => ({ ...f, referencedTable: name(f.referencedTable) })) })),
    relations: model.relations.map((r) => ({ ...r, dependent: { ...r.dependent, table: name(r.dependent.table) }, principal: { ...r.principal, table: name(r.principal.table) } })),
  };
}

/** Whether the data holds a second dependent row for one key where nothing refuses it. */
function hasDuplicate(scenario: Scenario, duplicate: boolean): boolean {
  const first = scenario.pairs[0];
  return duplicate && first !== undefined && !first.unique && !first.sharedKey;
}

/** The tables of the schema the round trip runs in (the server holds other tests' schemas too). */
function ownTables(facts: DatabaseFacts): DatabaseFacts['model']['tables'] {
  return facts.model.tables.filter((t) => t.schema === undefined || t.schema === facts.defaultSchema);
}

/** What the runs exercised: a property over schemas that never need a change, or never stop, proves little. */
export interface Seen {
  changed: number;
  stopped: number;
}

export async function roundTrip(client: SqlClient, dialect: SqlDialect, scenario: Scenario, duplicate: boolean, seen: Seen): Promise<void> {
  for (const statement of [...ddl(scenario, dialect), ...rows(scenario, dialect, duplicate)]) await client.exec(statement);
  const before = await databaseFacts(client, scenario.model);
  const first = plan(dialect, scenario.model, before);
  // MySQL cannot take a procedure's body in a multi-statement script: statement by statement, as a
  // migration runner does (whose pooled connection the guard must not leave read-only).
  const sql = renderSql(first, { source: 'a random schema', command: 'test', runner: dialect === 'mysql' ? 'migrator' : 'cli' });
  const apply = async () => {
    if (dialect !== 'mysql') return client.exec(sql.text);
    for (const statement of sql.statements) await client.exec(statement);
  };

  if (hasDuplicate(scenario, duplicate)) {
    const error = await apply().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String((error as Error | undefined)?.message)).toMatch(/oto: nothing was changed, the data would break the migration:[\s\S]*duplicate keys in .*: \(1\) 2 rows/);
    await client.exec('ROLLBACK').catch(() => undefined);
    seen.stopped += 1;
    // Only this schema's tables: other tests create and drop schemas on a shared server meanwhile.
    expect(ownTables(await databaseFacts(client, scenario.model))).toEqual(ownTables(before));
    return;
  }

  await apply();
  if (first.changes.length > 0) seen.changed += 1;
  const model = renamed(scenario.model, first);
  const after = await databaseFacts(client, model);
  expect(plan(dialect, model, after).changes).toEqual([]);
  // No name ran as SQL: the database holds the declared tables and nothing else.
  expect(ownTables(after).map((t) => t.name).sort()).toEqual(model.tables.map((t) => t.name).sort());
  const find = tableFinder(after.model.tables, after.defaultSchema);
  for (const relation of model.relations) {
    const table = find(relation.dependent.table);
    expect(table).toBeDefined();
    if (!table || !relation.foreignKey) continue;
    expect(findBackingKey(table, relation.foreignKey.columns)).not.toBeNull();
    if (dialect !== 'postgresql') continue;
    const column = table.columns.find((c) => c.name === relation.foreignKey?.columns[0]);
    if (!relation.dependent.optional) expect(column?.nullable).toBe(false);
    const fk = table.foreignKeys[0];
    if (!column?.nullable) expect(fk?.onDelete).not.toBe('set-null');
  }
}

/** The property on each PostgreSQL target (PGlite, the server). */
export function postgresRoundTrips(targets: readonly PostgresTarget[]): void {
  describe.each(targets)('SQL fixes round trip on $name', (target) => {
    afterAll(() => target.close());

    it(`leaves nothing to fix and stops on duplicates, over ${RUNS} random schemas`, async () => {
      const client = await target.client();
      const seen: Seen = { changed: 0, stopped: 0 };
      await fc.assert(
        fc.asyncProperty(scenarios, fc.boolean(), (scenario, duplicate) => inFreshSchema(client, () => roundTrip(client, 'postgresql', scenario, duplicate, seen))),
        { numRuns: RUNS },
      );
      expect(seen.changed).toBeGreaterThan(RUNS / 4);
      expect(seen.stopped).toBeGreaterThan(RUNS / 10);
    }, 600_000);
  });
}

/** The property on in-memory SQLite. */
export function sqliteRoundTrip(): void {
  describe('SQL fixes round trip on SQLite', () => {
    it(`leaves nothing to fix and stops on duplicates, over ${RUNS} random schemas`, async () => {
      const seen: Seen = { changed: 0, stopped: 0 };
      await fc.assert(
        fc.asyncProperty(scenarios, fc.boolean(), async (scenario, duplicate) => {
          const client = sqliteClient(':memory:', 'in-memory SQLite', 10_000);
          try {
            await client.exec('PRAGMA foreign_keys = ON');
            await roundTrip(client, 'sqlite', scenario, duplicate, seen);
          } finally {
            await client.close();
          }
        }),
        { numRuns: RUNS },
      );
      expect(seen.changed).toBeGreaterThan(RUNS / 4);
      expect(seen.stopped).toBeGreaterThan(RUNS / 10);
    }, 600_000);
  });
}

/** The property on a MySQL/MariaDB server (skipped without its URL). */
export function mysqlRoundTrip(MYSQL_URL: string | undefined): void {
  (MYSQL_URL ? describe : describe.skip)('SQL fixes round trip on MySQL/MariaDB', () => {
    it(`leaves nothing to fix and stops on duplicates, over ${RUNS} random schemas`, async () => {
      const client = await connect(MYSQL_URL!, { cwd: process.cwd() });
      const seen: Seen = { changed: 0, stopped: 0 };
      try {
        await fc.assert(
          fc.asyncProperty(scenarios, fc.boolean(), async (scenario, duplicate) => {
            // MySQL refuses to create ON DELETE SET NULL over a NOT NULL column: no such database exists.
            fc.pre(scenario.pairs.every((p) => p.onDelete !== 'set-null' || (!p.notNull && !p.sharedKey)));
            await client.exec('DROP DATABASE IF EXISTS oto_round_trip; CREATE DATABASE oto_round_trip CHARACTER SET utf8mb4; USE oto_round_trip');
            await roundTrip(client, 'mysql', scenario, duplicate, seen);
          }),
          { numRuns: RUNS },
        );
        await client.exec('DROP DATABASE IF EXISTS oto_round_trip');
      } finally {
        await client.close();
      }
      expect(seen.changed).toBeGreaterThan(RUNS / 4);
      expect(seen.stopped).toBeGreaterThan(RUNS / 10);
    }, 600_000);
  });
}
