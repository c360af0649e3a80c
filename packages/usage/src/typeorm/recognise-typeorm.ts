/** Every TypeORM repository, EntityManager and BaseEntity query of a source file, as `Query` data. */
import { Node } from 'ts-morph';
import type { CallExpression, SourceFile } from 'ts-morph';
import type { AnalyzedModel, Consumption, Query } from '@oto/core';
import { locationOf, Unresolved } from '../code-location';
import { consumptionOf } from '../consumption';
import { recogniseCalls } from '../recognise-calls';
import type { Recognised } from '../recognise-calls';
import { literalObject, property } from '../object-literal';
import { readTypeormRelations, readTypeormWhere } from './typeorm-options';
import { readQueryBuilder } from './typeorm-query-builder';
import { typeormTarget } from './typeorm-targets';

/** Each method: its kind, how its result is used, and whether its argument is the where itself (`findOneBy`). */
const METHODS: Readonly<Record<string, { kind: Query['kind']; consumption?: Consumption; whereOnly?: boolean }>> = {
  findOne: { kind: 'select', consumption: 'first' },
  findOneOrFail: { kind: 'select', consumption: 'first' },
  findOneBy: { kind: 'select', consumption: 'first', whereOnly: true },
  findOneByOrFail: { kind: 'select', consumption: 'first', whereOnly: true },
  find: { kind: 'select' },
  findBy: { kind: 'select', whereOnly: true },
  update: { kind: 'update', whereOnly: true },
  delete: { kind: 'delete', whereOnly: true },
  createQueryBuilder: { kind: 'select' },
};

function readCall(call: CallExpression, method: string, model: AnalyzedModel): Query | undefined {
  const target = typeormTarget(call, model);
  if (!target) return undefined;
  const { table } = target;
  // EntityManager.createQueryBuilder(Entity, alias): the alias is its second argument.
  if (method === 'createQueryBuilder') return readQueryBuilder(call, table, model, target.argument);
  const { kind, consumption, whereOnly } = METHODS[method]!;
  const arg = call.getArguments()[target.argument];
  const options = !whereOnly && arg ? literalObject(arg) : undefined;
  if (!whereOnly && arg && !options) throw new Unresolved(`the find options ${arg.getText().slice(0, 40)} are not an object literal`);
  const whereNode = whereOnly ? arg : property(options, 'where');
  // update(id, …) / delete(id): a primary key value (or an array of them) rather than a where object.
  const byId = whereOnly && kind !== 'select' && whereNode && !literalObject(whereNode) && !Node.isArrayLiteralExpression(whereNode);
  const filter = byId && table.primaryKey
    ? { equalities: table.primaryKey.columns.map((column) => ({ table: table.name, ...(table.schema ? { schema: table.schema } : {}), column })), complete: true }
    : readTypeormWhere(model, whereNode, table);
  const take = property(options, 'take');
  const limit = take && Node.isNumericLiteral(take) ? Number(take.getLiteralValue()) : undefined;
  return {
    orm: 'typeorm',
    kind,
    table: table.name,
    ...(table.schema ? { schema: table.schema } : {}),
    reads: readTypeormRelations(model, table, property(options, 'relations')),
    joins: [],
    ...(filter ? { filter } : {}),
    ordered: property(options, 'order') !== undefined,
    ...(limit !== undefined ? { limit } : {}),
    consumption: consumption ?? (limit === 1 ? 'first' : kind === 'select' ? consumptionOf(call) : 'many'),
    location: locationOf(call),
  };
}

export function createTypeormRecogniser(model: AnalyzedModel) {
  return (file: SourceFile): Recognised => recogniseCalls(file, (name) => METHODS[name] !== undefined, (call, name) => readCall(call, name, model));
}
