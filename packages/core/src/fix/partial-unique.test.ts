/**
 * The partial unique a filtered one-to-one (Drizzle v1's `one({ where })`) lacks: the finding's
 * fix, its plan per dialect (its name not one the table uses; already there when a partial unique
 * with the filter's predicate backs it; MySQL refused) and its SQL (a unique index WHERE the
 * predicate, CONCURRENTLY on request, dropped by its down). The SQL runs on real databases in
 * packages/drizzle/src/fix/partial-unique-fix.test.ts.
 */
import { check } from '../engine';
import { resolveConfig } from '../config';
import type { SchemaModel, UniqueKey } from '../model';
import { fk, relation, schema, table } from '../testing/fixtures';
import { conventionUniqueName } from '../rules/one-to-one-naming';
import type { SqlDialect } from './plan-sql-changes';
import { planSqlChanges } from './plan-sql-changes';
import { renderSql, setAsideLines } from './render-sql';

const WHERE = '"is_primary" = true';
const model = (uniques: readonly UniqueKey[] = []): SchemaModel =>
  schema(
    [
      table('person', { columns: ['id'], pk: ['id'] }),
      table('address', { columns: ['id', 'person_id', 'is_primary'], pk: ['id'], uniques, fks: [fk(['person_id'], 'person', ['id'])] }),
    ],
    [{ ...relation({ name: 'person.primaryAddress', dependent: 'address', principal: 'person', columns: ['person_id'], dependentField: null, principalField: 'primaryAddress' }), filter: { text: '{"isPrimary":true}', sql: WHERE } }],
  );
const plan = (m: SchemaModel, dialect: SqlDialect, target: 'schema' | 'database' = 'database') =>
  planSqlChanges(check(m, resolveConfig({ naming: 'off' })).diagnostics, { dialect, tables: m.tables, uniqueName: (t, c) => conventionUniqueName(t, c), renames: false, onDelete: 'restrict', target });

describe('the partial unique of a filtered one-to-one', () => {
  it('the filtered finding carries it as its fix, a unique index WHERE the filter\'s SQL', () => {
    const [finding] = check(model(), resolveConfig({ naming: 'off' })).diagnostics.filter((d) => d.ruleId === 'one-to-one-unique');
    expect(finding?.fix).toEqual({ kind: 'add-unique', scope: 'schema', table: { name: 'address' }, columns: ['person_id'], keyKind: 'index', where: WHERE });
  });

  const statements: Record<SqlDialect, string | undefined> = {
    postgresql: 'CREATE UNIQUE INDEX "oto_address_person_id_key" ON "address" ("person_id") WHERE "is_primary" = true;',
    sqlite: 'CREATE UNIQUE INDEX "oto_address_person_id_key" ON "address" ("person_id") WHERE "is_primary" = true;',
    mysql: undefined,
  };
  it.each(Object.entries(statements) as [SqlDialect, string | undefined][])('%s', (dialect, statement) => {
    const planned = plan(model(), dialect);
    if (!statement) {
      expect(planned.changes).toEqual([]);
      expect(setAsideLines(planned.setAside)).toEqual([expect.stringMatching(/^person\.primaryAddress: a partial unique on address\(person_id\) WHERE "is_primary" = true: MySQL has no partial \(WHERE\) indexes: /)]);
      return;
    }
    const sql = renderSql(planned, { source: 'a test', command: 'test', runner: 'migrator' });
    expect(sql.statements).toContain(statement);
    expect(sql.statements.join('\n')).toContain('WHERE "person_id" IS NOT NULL AND ("is_primary" = true) GROUP BY "person_id"');
    expect(sql.down).toEqual(['DROP INDEX "oto_address_person_id_key";']);
  });

  it('PostgreSQL CONCURRENTLY: the index built concurrently, never attached as a constraint', () => {
    const sql = renderSql(plan(model(), 'postgresql'), { source: 'a test', command: 'test', concurrently: true, runner: 'migrator' });
    expect(sql.statements.filter((s) => !s.startsWith('DO '))).toEqual(['CREATE UNIQUE INDEX CONCURRENTLY "oto_address_person_id_key" ON "address" ("person_id") WHERE "is_primary" = true;']);
  });

  it('its name is not one the table uses already; nothing planned when a partial unique with the predicate is there', () => {
    const taken: UniqueKey = { name: 'oto_address_person_id_key', columns: ['person_id'], kind: 'index', where: '"is_primary" = false' };
    expect(plan(model([taken]), 'postgresql', 'schema').changes.map((c) => c.change)).toEqual([
      { kind: 'add-unique', table: { name: 'address' }, columns: ['person_id'], name: 'oto_address_person_id_key_2', keyKind: 'index', where: WHERE },
    ]);
    const there = plan(model([{ ...taken, where: 'is_primary = TRUE' }]), 'postgresql');
    expect(there.changes).toEqual([]);
    expect(there.setAside).toEqual([]);
  });
});
