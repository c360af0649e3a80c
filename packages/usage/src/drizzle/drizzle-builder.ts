/**
 * Drizzle's query builder: `select().from(t).where(…).orderBy(…).limit(n)` with
 * `innerJoin/leftJoin/rightJoin/fullJoin(t, on)`, `update(t).set(…).where(…)`, `delete(t).where(…)`,
 * read as one chain from the `db`/`tx` call up to the last method called on it.
 */
import { Node } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import type { ColumnRef, OnPair, Query, QueryJoin } from '@oto/core';
import { locationOf, Unresolved } from '../code-location';
import { consumptionOf, thenTakesFirst } from '../consumption';
import { readCondition } from './drizzle-conditions';
import type { Condition } from './drizzle-conditions';
import { drizzleName } from './drizzle-symbols';
import type { TableRef, TableResolver } from './drizzle-tables';
import { chainOf } from '../call-chain';
import type { Step } from '../call-chain';

const STARTS: Readonly<Record<string, Query['kind']>> = { select: 'select', selectDistinct: 'select', selectDistinctOn: 'select', update: 'update', delete: 'delete' };
const JOINS: Readonly<Record<string, QueryJoin['kind']>> = { innerJoin: 'inner', leftJoin: 'left', rightJoin: 'right', fullJoin: 'full' };

/** The kind of query a `db.select()`/`db.update(t)`/`db.delete(t)` call of drizzle's starts, or undefined. */
export function builderStart(call: CallExpression): Query['kind'] | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const kind = STARTS[callee.getName()];
  return kind && drizzleName(callee) === callee.getName() ? kind : undefined;
}

const same = (c: ColumnRef, t: TableRef) => c.table === t.table && (c.schema ?? undefined) === (t.schema ?? undefined);

function readJoin(step: Step, kind: QueryJoin['kind'], tables: TableResolver): QueryJoin {
  const [target, on] = step.call.getArguments();
  const table = target ? tables.resolveTable(target, new Map()) : undefined;
  if (!table) throw new Unresolved(`the table joined by ${step.name} resolves to no table of the schema`);
  const joined = tables.ref(table);
  const condition: Condition = readCondition(on, tables, new Map());
  const pairs: OnPair[] = [];
  for (const [a, b] of condition.pairs) {
    if (same(b, joined) && !same(a, joined)) pairs.push({ left: a, right: b });
    else if (same(a, joined) && !same(b, joined)) pairs.push({ left: b, right: a });
  }
  const equalities = condition.equalities.filter((c) => same(c, joined));
  const partial = pairs.length !== condition.pairs.length || equalities.length !== condition.equalities.length || !condition.complete || !on;
  return { kind, ...joined, on: pairs, ...(equalities.length > 0 ? { equalities } : {}), partial, location: locationOf(step.nameNode) };
}

export function readBuilder(start: CallExpression, kind: Query['kind'], tables: TableResolver): Query {
  const steps = chainOf(start);
  const tableNode = kind === 'select' ? steps.find((s) => s.name === 'from')?.call.getArguments()[0] : start.getArguments()[0];
  if (!tableNode) throw new Unresolved(`a ${kind} without a table`);
  const table = tables.resolveTable(tableNode, new Map());
  if (!table) throw new Unresolved(`${tableNode.getText().slice(0, 40)} resolves to no table of the schema`);
  const where = steps.find((s) => s.name === 'where');
  const condition = where ? readCondition(where.call.getArguments()[0], tables, new Map()) : undefined;
  const limitArg = steps.find((s) => s.name === 'limit')?.call.getArguments()[0];
  const limit = limitArg && Node.isNumericLiteral(limitArg) ? Number(limitArg.getLiteralValue()) : undefined;
  const joins = steps.filter((s) => JOINS[s.name]).map((s) => readJoin(s, JOINS[s.name]!, tables));
  const then = steps.find((s) => s.name === 'then');
  const last = steps.length > 0 ? steps[steps.length - 1]!.call : start;
  const consumption = limit === 1 || (then && thenTakesFirst(then.call.getArguments()[0])) ? 'first' : then ? 'many' : consumptionOf(last);
  return {
    orm: 'drizzle',
    kind,
    ...tables.ref(table),
    reads: [],
    joins,
    ...(condition ? { filter: { equalities: condition.equalities, complete: condition.complete && condition.pairs.length === 0 } } : {}),
    ordered: steps.some((s) => s.name === 'orderBy'),
    ...(limit !== undefined ? { limit } : {}),
    consumption,
    location: locationOf(last),
  };
}
