/** The loop every recogniser shares: each property call of a file, cheap syntax first, read into a `Query` or counted unresolved. */
import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression, SourceFile } from 'ts-morph';
import type { Query, UnresolvedQuery } from '@oto/core';
import { locationOf, unresolvedReason } from './code-location';

export interface Recognised {
  readonly queries: Query[];
  readonly unresolved: UnresolvedQuery[];
}

/**
 * Reads every `x.name(…)` call of the file whose `name` the recogniser knows: `read` returns its
 * query, or undefined when the call is not the ORM's; a call `read` throws on is listed unresolved
 * with the reason (one call never stops the check).
 */
export function recogniseCalls(file: SourceFile, knows: (name: string) => boolean, read: (call: CallExpression, name: string) => Query | undefined): Recognised {
  const queries: Query[] = [];
  const unresolved: UnresolvedQuery[] = [];
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !knows(callee.getName())) continue;
    try {
      const query = read(call, callee.getName());
      if (query) queries.push(query);
    } catch (error) {
      unresolved.push({ location: locationOf(call), reason: unresolvedReason(error) });
    }
  }
  return { queries, unresolved };
}
