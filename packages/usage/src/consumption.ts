/**
 * How a query's result is used, read from the code around it: `const [row] = await q`,
 * `(await q)[0]`, `q.then((r) => r[0])`, `q.then(([r]) => r)` take the first row.
 */
import { Node } from 'ts-morph';
import type { Consumption } from '@oto/core';

function isFirstElement(node: Node): boolean {
  return Node.isElementAccessExpression(node) && node.getArgumentExpression()?.getText() === '0';
}

function skipWrappers(node: Node): Node {
  let n = node;
  for (let p = n.getParent(); p && (Node.isParenthesizedExpression(p) || Node.isAsExpression(p) || Node.isNonNullExpression(p)); p = n.getParent()) n = p;
  return n;
}

/** A `.then(callback)` callback that returns its argument's first element. */
export function thenTakesFirst(callback: Node | undefined): boolean {
  if (!callback || !(Node.isArrowFunction(callback) || Node.isFunctionExpression(callback))) return false;
  const [param] = callback.getParameters();
  if (!param) return false;
  if (Node.isArrayBindingPattern(param.getNameNode())) return true;
  const body = callback.getBody();
  const returned = Node.isBlock(body) ? body.getStatements().find(Node.isReturnStatement)?.getExpression() : body;
  if (!returned) return false;
  const inner = Node.isParenthesizedExpression(returned) ? returned.getExpression() : returned;
  return isFirstElement(inner) && (inner as import('ts-morph').ElementAccessExpression).getExpression().getText() === param.getName();
}

/** The consumption of the value of `expression` (the whole query chain). */
export function consumptionOf(expression: Node): Consumption {
  let n = skipWrappers(expression);
  const parent = n.getParent();
  if (parent && Node.isAwaitExpression(parent)) n = skipWrappers(parent);
  const around = n.getParent();
  if (!around) return 'many';
  if (isFirstElement(around) && (around as import('ts-morph').ElementAccessExpression).getExpression() === n) return 'first';
  if (Node.isVariableDeclaration(around) && Node.isArrayBindingPattern(around.getNameNode())) return 'first';
  return 'many';
}
