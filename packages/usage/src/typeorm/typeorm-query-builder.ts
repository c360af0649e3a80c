/**
 * TypeORM's QueryBuilder, read as one chain from `createQueryBuilder(alias)` to its `getOne()` /
 * `getMany()` / `execute()`: `leftJoin/innerJoin[AndSelect]('u.profile', 'p')` reads the relation
 * of that path, `innerJoin(Entity, 'p', 'p.userId = u.id')` joins on the condition's column pairs,
 * `where/andWhere('u.id = :id')` fixes columns; `take(1)`/`limit(1)`/`getOne()` read one row.
 * Condition strings are read only as `a.b = c.d` / `a.b = :p` under AND; anything else is partial.
 */
import { Node } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { relationOfField } from '@oto/core';
import type { AnalyzedModel, ColumnRef, OnPair, Query, QueryJoin, RelationRead, Table } from '@oto/core';
import { locationOf, Unresolved } from '../code-location';
import { chainOf } from '../call-chain';

const JOINS: Readonly<Record<string, QueryJoin['kind']>> = {
  leftJoin: 'left',
  leftJoinAndSelect: 'left',
  innerJoin: 'inner',
  innerJoinAndSelect: 'inner',
};

const text = (n: Node | undefined) => (n && (Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n)) ? n.getLiteralValue() : undefined);
const columnOf = (table: Table, field: string) => table.columns.find((c) => c.field === field || (c.field === undefined && c.name === field));

interface Condition {
  readonly equalities: ColumnRef[];
  readonly pairs: [ColumnRef, ColumnRef][];
  readonly complete: boolean;
}

function readCondition(condition: string | undefined, aliases: ReadonlyMap<string, Table>): Condition {
  if (condition === undefined) return { equalities: [], pairs: [], complete: false };
  const column = (alias: string, field: string): ColumnRef | undefined => {
    const t = aliases.get(alias);
    const c = t ? columnOf(t, field) : undefined;
    return t && c ? { table: t.name, ...(t.schema ? { schema: t.schema } : {}), column: c.name } : undefined;
  };
  const result: Condition = { equalities: [], pairs: [], complete: true };
  let complete = true;
  for (const part of condition.split(/\s+AND\s+/i)) {
    const pair = /^\s*\(?\s*(\w+)\.(\w+)\s*=\s*(\w+)\.(\w+)\s*\)?\s*$/.exec(part);
    const fixed = /^\s*\(?\s*(\w+)\.(\w+)\s*=\s*:\w+\s*\)?\s*$/.exec(part);
    if (pair) {
      const a = column(pair[1]!, pair[2]!);
      const b = column(pair[3]!, pair[4]!);
      if (a && b) result.pairs.push([a, b]);
      else complete = false;
    } else if (fixed) {
      const c = column(fixed[1]!, fixed[2]!);
      if (c) result.equalities.push(c);
      else complete = false;
    } else complete = false;
  }
  return { ...result, complete };
}

/** A query of the chain a `createQueryBuilder(alias)` of a repository of `table` starts. */
export function readQueryBuilder(start: CallExpression, table: Table, model: AnalyzedModel, aliasArgument = 0): Query {
  const alias = text(start.getArguments()[aliasArgument]);
  if (!alias) throw new Unresolved('a createQueryBuilder without an alias string');
  const aliases = new Map<string, Table>([[alias, table]]);
  const steps = chainOf(start);
  const reads: RelationRead[] = [];
  const joins: QueryJoin[] = [];
  const equalities: ColumnRef[] = [];
  let complete = true;
  let hasWhere = false;
  let kind: Query['kind'] = 'select';
  for (const step of steps) {
    const [first, second, third] = step.call.getArguments();
    const joinKind = JOINS[step.name];
    if (joinKind) {
      const path = text(first);
      const as = text(second);
      const relation = path ? /^(\w+)\.(\w+)$/.exec(path) : null;
      if (relation && as) {
        const owner = aliases.get(relation[1]!);
        const found = owner ? relationOfField(model, owner.name, owner.schema, relation[2]!) : undefined;
        if (!owner || !found) throw new Unresolved(`the join path ${path} is no relation`);
        reads.push({ table: owner.name, ...(owner.schema ? { schema: owner.schema } : {}), field: relation[2]!, path: [relation[2]!], location: locationOf(first!) });
        const target = model.model.tables.find((t) => t.name === found.target.table && (t.schema ?? undefined) === (found.target.schema ?? undefined));
        if (target) aliases.set(as, target);
        continue;
      }
      const entity = first?.getType().getSymbol()?.getName();
      const joined = model.model.tables.find((t) => t.entity === entity);
      if (!joined || !as) throw new Unresolved(`the joined ${first?.getText().slice(0, 40)} is no entity of the schema`);
      aliases.set(as, joined);
      const condition = readCondition(text(third), aliases);
      const same = (c: ColumnRef) => c.table === joined.name;
      const on: OnPair[] = condition.pairs.flatMap(([a, b]) => (same(b) && !same(a) ? [{ left: a, right: b }] : same(a) && !same(b) ? [{ left: b, right: a }] : []));
      const fixed = condition.equalities.filter(same);
      joins.push({ kind: joinKind, table: joined.name, ...(joined.schema ? { schema: joined.schema } : {}), on, ...(fixed.length ? { equalities: fixed } : {}), partial: !condition.complete || on.length !== condition.pairs.length, location: locationOf(step.nameNode) });
    } else if (step.name === 'where' || step.name === 'andWhere') {
      hasWhere = true;
      const condition = readCondition(text(first), aliases);
      equalities.push(...condition.equalities);
      complete = complete && condition.complete && condition.pairs.length === 0;
    } else if (step.name === 'orWhere') {
      complete = false;
    } else if (step.name === 'update' || step.name === 'delete') {
      kind = step.name;
    }
  }
  const limitStep = steps.find((s) => s.name === 'take' || s.name === 'limit');
  const limitArg = limitStep?.call.getArguments()[0];
  const limit = limitArg && Node.isNumericLiteral(limitArg) ? Number(limitArg.getLiteralValue()) : undefined;
  const one = steps.some((s) => s.name === 'getOne' || s.name === 'getOneOrFail');
  return {
    orm: 'typeorm',
    kind,
    table: table.name,
    ...(table.schema ? { schema: table.schema } : {}),
    reads,
    joins,
    ...(hasWhere ? { filter: { equalities, complete } } : {}),
    ordered: steps.some((s) => s.name === 'orderBy' || s.name === 'addOrderBy'),
    ...(limit !== undefined ? { limit } : {}),
    consumption: one || limit === 1 ? 'first' : 'many',
    location: locationOf(steps.length > 0 ? steps[steps.length - 1]!.call : start),
  };
}
