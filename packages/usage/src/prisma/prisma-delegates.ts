/**
 * Prisma Client delegates: `prisma.<model>` is a `<Model>Delegate` (its type names the model),
 * also on a `$transaction` client. On an `$extends`-ed client the delegate's type is Prisma's
 * dynamic one: there oto reads what the client does at run time, the property of a client (an
 * object with `$queryRaw`) named as the model with a lower-case first letter.
 */
import { Node } from 'ts-morph';
import type { AnalyzedModel, Table } from '@oto/core';

const CLIENT_MEMBERS = ['$queryRaw', '$executeRaw', '$transaction', '$extends'];
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The table of the model a delegate expression stands for, or undefined when it is no Prisma delegate. */
export function delegateTable(delegate: Node, model: AnalyzedModel): Table | undefined {
  const tables = model.model.tables;
  const type = delegate.getType();
  const name = type.getSymbol()?.getName() ?? type.getAliasSymbol()?.getName() ?? '';
  const typed = /^(\w+)Delegate$/.exec(name)?.[1];
  if (typed) return tables.find((t) => t.entity === typed);
  if (!Node.isPropertyAccessExpression(delegate)) return undefined;
  const client = delegate.getExpression().getType();
  if (!CLIENT_MEMBERS.some((m) => client.getProperty(m))) return undefined;
  return tables.find((t) => t.entity !== undefined && lowerFirst(t.entity) === delegate.getName());
}
