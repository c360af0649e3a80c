/** Every Prisma Client query of a source file, as `Query` data; what cannot be resolved is listed, never guessed. */
import { Node } from 'ts-morph';
import type { CallExpression, SourceFile } from 'ts-morph';
import type { AnalyzedModel, Consumption, Query } from '@oto/core';
import { locationOf } from '../code-location';
import { consumptionOf } from '../consumption';
import { objectOf, property } from '../object-literal';
import { recogniseCalls } from '../recognise-calls';
import type { Recognised } from '../recognise-calls';
import { readPrismaReads, readPrismaWhere } from './prisma-args';
import { delegateTable } from './prisma-delegates';

const METHODS: Readonly<Record<string, { kind: Query['kind']; consumption?: Consumption }>> = {
  findUnique: { kind: 'select', consumption: 'one' },
  findUniqueOrThrow: { kind: 'select', consumption: 'one' },
  findFirst: { kind: 'select', consumption: 'first' },
  findFirstOrThrow: { kind: 'select', consumption: 'first' },
  findMany: { kind: 'select' },
  update: { kind: 'update' },
  updateMany: { kind: 'update' },
  delete: { kind: 'delete' },
  deleteMany: { kind: 'delete' },
};

function readCall(call: CallExpression, method: string, model: AnalyzedModel): Query | undefined {
  const callee = call.getExpression() as import('ts-morph').PropertyAccessExpression;
  const table = delegateTable(callee.getExpression(), model);
  if (!table) return undefined;
  const { kind, consumption } = METHODS[method]!;
  const argNode = call.getArguments()[0];
  const args = argNode ? objectOf(argNode) : undefined;
  const take = property(args, 'take');
  const limit = take && Node.isNumericLiteral(take) ? Number(take.getLiteralValue()) : undefined;
  const filter = readPrismaWhere(property(args, 'where'), table);
  return {
    orm: 'prisma',
    kind,
    table: table.name,
    ...(table.schema ? { schema: table.schema } : {}),
    reads: readPrismaReads(model, table, args),
    joins: [],
    ...(filter ? { filter } : {}),
    ordered: property(args, 'orderBy') !== undefined,
    ...(limit !== undefined ? { limit } : {}),
    consumption: consumption ?? (limit === 1 ? 'first' : kind === 'select' ? consumptionOf(call) : 'many'),
    location: locationOf(call),
  };
}

export function createPrismaRecogniser(model: AnalyzedModel) {
  return (file: SourceFile): Recognised => recogniseCalls(file, (name) => METHODS[name] !== undefined, (call, name) => readCall(call, name, model));
}
