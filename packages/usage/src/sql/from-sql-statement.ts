/** A parsed raw SQL statement to `Query`: tables by their database name in the model, aliases, columns through the tables in scope. */
import type { AnalyzedModel, CodeLocation, ColumnRef, Consumption, OnPair, Query, QueryJoin, Table } from '@oto/core';
import { Unresolved } from '../code-location';
import type { SqlColumn, SqlCondition, SqlStatement, SqlTableName } from './sql-statement';

interface Scoped {
  readonly table: Table;
  readonly names: readonly string[];
}

function findTable(model: AnalyzedModel, ref: SqlTableName): Table {
  const named = model.model.tables.filter((t) => t.name === ref.name);
  const defaultSchema = model.model.dialect === 'postgresql' || model.model.dialect === 'cockroachdb' ? 'public' : undefined;
  const found = ref.schema === undefined ? (named.find((t) => t.schema === undefined || t.schema === defaultSchema) ?? (named.length === 1 ? named[0] : undefined)) : named.find((t) => (t.schema ?? defaultSchema) === ref.schema);
  if (!found) throw new Unresolved(`raw SQL: ${ref.schema ? `${ref.schema}.` : ''}${ref.name} is no table of the schema`);
  return found;
}

const refOf = (t: Table) => ({ table: t.name, ...(t.schema ? { schema: t.schema } : {}) });

function resolveColumn(column: SqlColumn, scope: readonly Scoped[]): ColumnRef | undefined {
  const candidates = column.qualifier === undefined ? scope : scope.filter((s) => s.names.includes(column.qualifier!));
  const having = candidates.filter((s) => s.table.columns.some((c) => c.name === column.name));
  return having.length === 1 ? { ...refOf(having[0]!.table), column: column.name } : undefined;
}

interface Read {
  equalities: ColumnRef[];
  pairs: [ColumnRef, ColumnRef][];
  complete: boolean;
}

function readCondition(condition: SqlCondition | undefined, scope: readonly Scoped[], into: Read = { equalities: [], pairs: [], complete: true }): Read {
  if (!condition) return into;
  if ('and' in condition) {
    for (const part of condition.and) readCondition(part, scope, into);
    return into;
  }
  if ('eq' in condition) {
    const [a, b] = condition.eq;
    const left = 'column' in a ? resolveColumn(a.column, scope) : undefined;
    const right = 'column' in b ? resolveColumn(b.column, scope) : undefined;
    if (left && right) into.pairs.push([left, right]);
    else if (left && 'value' in b) into.equalities.push(left);
    else if (right && 'value' in a) into.equalities.push(right);
    else into.complete = false;
    return into;
  }
  into.complete = false;
  return into;
}

const same = (c: ColumnRef, t: Table) => c.table === t.name && c.schema === t.schema;

export function fromSqlStatement(statement: SqlStatement, model: AnalyzedModel, at: { location: CodeLocation; consumption: Consumption }): Query {
  const base = findTable(model, statement.table);
  const scope: Scoped[] = [{ table: base, names: [statement.table.alias ?? statement.table.name] }];
  const joins: QueryJoin[] = [];
  for (const join of statement.joins) {
    const table = findTable(model, join.table);
    scope.push({ table, names: [join.table.alias ?? join.table.name] });
    const on = readCondition(join.on, scope);
    const pairs: OnPair[] = [];
    for (const [a, b] of on.pairs) {
      if (same(b, table) && !same(a, table)) pairs.push({ left: a, right: b });
      else if (same(a, table) && !same(b, table)) pairs.push({ left: b, right: a });
    }
    const equalities = on.equalities.filter((c) => same(c, table));
    const partial = !join.on || !on.complete || pairs.length !== on.pairs.length || equalities.length !== on.equalities.length;
    joins.push({ kind: join.kind, ...refOf(table), on: pairs, ...(equalities.length > 0 ? { equalities } : {}), partial, location: at.location });
  }
  const where = statement.where ? readCondition(statement.where, scope) : undefined;
  return {
    orm: 'sql',
    kind: statement.kind,
    ...refOf(base),
    reads: [],
    joins,
    ...(where ? { filter: { equalities: where.equalities, complete: where.complete && where.pairs.length === 0 } } : {}),
    ordered: statement.ordered,
    ...(statement.limit !== undefined ? { limit: statement.limit } : {}),
    consumption: statement.limit === 1 && at.consumption === 'many' ? 'first' : at.consumption,
    location: at.location,
  };
}
