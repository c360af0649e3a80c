/** Every Drizzle query of a source file, as `Query` data; what cannot be resolved is listed, never guessed. */
import { Node, SyntaxKind } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import type { AnalyzedModel, Query, UnresolvedQuery } from '@oto/core';
import { locationOf, unresolvedReason } from '../code-location';
import { builderStart, readBuilder } from './drizzle-builder';
import { readRelational, relationalReceiver } from './drizzle-relational';
import { createTableResolver } from './drizzle-tables';
import type { TableResolver } from './drizzle-tables';

export interface Recognised {
  readonly queries: Query[];
  readonly unresolved: UnresolvedQuery[];
}

export function createDrizzleRecogniser(model: AnalyzedModel) {
  const tables: TableResolver = createTableResolver(model);
  return function recognise(file: SourceFile): Recognised {
    const queries: Query[] = [];
    const unresolved: UnresolvedQuery[] = [];
    for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      // Cheap syntax first: only property calls with one of the names drizzle's queries start with.
      if (!Node.isPropertyAccessExpression(callee)) continue;
      const name = callee.getName();
      if (!/^(findFirst|findMany|select|selectDistinct|selectDistinctOn|update|delete)$/.test(name)) continue;
      try {
        const receiver = relationalReceiver(call);
        if (receiver) {
          queries.push(readRelational(call, receiver, model, tables));
          continue;
        }
        const kind = builderStart(call);
        if (kind) queries.push(readBuilder(call, kind, tables));
      } catch (error) {
        unresolved.push({ location: locationOf(call), reason: unresolvedReason(error) });
      }
    }
    return { queries, unresolved };
  };
}
