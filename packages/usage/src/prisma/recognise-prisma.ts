/** Every Prisma Client query of a source file, as `Query` data; what cannot be resolved is listed, never guessed. */
import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression, SourceFile } from 'ts-morph';
import type { AnalyzedModel, Consumption, Query, UnresolvedQuery } from '@oto/core';
import { locationOf, unresolvedReason } from '../code-location';
import { consumptionOf } from '../consumption';
import { objectOf, property } from '../object-literal';
import type { Recognised } from '../drizzle/recognise-drizzle';
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
  return function recognise(file: SourceFile): Recognised {
    const queries: Query[] = [];
    const unresolved: UnresolvedQuery[] = [];
    for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee) || !METHODS[callee.getName()]) continue;
      try {
        const query = readCall(call, callee.getName(), model);
        if (query) queries.push(query);
      } catch (error) {
        unresolved.push({ location: locationOf(call), reason: unresolvedReason(error) });
      }
    }
    return { queries, unresolved };
  };
}
