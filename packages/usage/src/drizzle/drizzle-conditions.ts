/**
 * A Drizzle condition (`eq`, `and`, the callback form `(t, { eq }) => …`) as column equalities:
 * `eq(column, value)` fixes a column, `eq(column, column)` pairs two (a join's ON), `and` keeps
 * them all, anything else (`or`, `inArray`, `sql`…) makes the condition partial.
 */
import { Node } from 'ts-morph';
import type { ColumnRef } from '@oto/core';
import { Unresolved } from '../code-location';
import { drizzleName } from './drizzle-symbols';
import type { Bindings, TableResolver } from './drizzle-tables';

export interface Condition {
  readonly equalities: ColumnRef[];
  readonly pairs: [ColumnRef, ColumnRef][];
  /** Every part is an equality (to a value, or between two columns). */
  readonly complete: boolean;
}

const EMPTY: Condition = { equalities: [], pairs: [], complete: true };
const PARTIAL: Condition = { equalities: [], pairs: [], complete: false };

function merge(parts: readonly Condition[]): Condition {
  return {
    equalities: parts.flatMap((p) => p.equalities),
    pairs: parts.flatMap((p) => p.pairs),
    complete: parts.every((p) => p.complete),
  };
}

function unwrap(node: Node): Node {
  let n = node;
  while (Node.isParenthesizedExpression(n) || Node.isAsExpression(n) || Node.isNonNullExpression(n) || Node.isSatisfiesExpression(n)) n = n.getExpression();
  return n;
}

export function readCondition(node: Node | undefined, tables: TableResolver, bindings: Bindings): Condition {
  if (!node) return EMPTY;
  const n = unwrap(node);
  if (Node.isIdentifier(n) && n.getText() === 'undefined') return EMPTY;
  if (!Node.isCallExpression(n)) return PARTIAL;
  const name = drizzleName(n.getExpression());
  const args = n.getArguments();
  if (name === 'and') return merge(args.map((a) => readCondition(a, tables, bindings)));
  if (name !== 'eq' || args.length !== 2) return PARTIAL;
  const [a, b] = args.map(unwrap) as [Node, Node];
  const column = (x: Node): ColumnRef | 'dynamic' | undefined => {
    if (!tables.looksLikeColumn(x, bindings)) return undefined;
    // A column chosen at run time (`t[\`${kind}Id\`]`, `a ? t.x : t.y`): the condition is not read.
    if (!Node.isPropertyAccessExpression(x)) return 'dynamic';
    const found = tables.resolveColumn(x, bindings);
    if (!found) throw new Unresolved(`column ${x.getText()} resolves to no column of the schema`);
    return { ...tables.ref(found.table), column: found.column };
  };
  const left = column(a);
  const right = column(b);
  if (left === 'dynamic' || right === 'dynamic') return PARTIAL;
  if (left && right) return { equalities: [], pairs: [[left, right]], complete: true };
  const fixed = left ?? right;
  return fixed ? { equalities: [fixed], pairs: [], complete: true } : PARTIAL;
}

/** The callback form `(table, operators) => condition`: its first parameter bound to the table. */
export function readWhere(node: Node | undefined, tables: TableResolver, bindings: Bindings, table: { table: string; schema?: string }): Condition {
  const n = node ? unwrap(node) : undefined;
  if (n && (Node.isArrowFunction(n) || Node.isFunctionExpression(n))) {
    const [param] = n.getParameters();
    const inner = new Map(bindings);
    if (param) inner.set(param, table);
    const body = n.getBody();
    if (Node.isBlock(body)) {
      const returned = body.getStatements().find(Node.isReturnStatement)?.getExpression();
      return returned ? readCondition(returned, tables, inner) : PARTIAL;
    }
    return readCondition(body, tables, inner);
  }
  return readCondition(n, tables, bindings);
}
