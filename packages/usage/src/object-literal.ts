/** The options objects of ORM calls, read from the code: literals, also through consts. */
import { Node } from 'ts-morph';
import type { ObjectLiteralExpression } from 'ts-morph';
import { Unresolved } from './code-location';

/** An object literal, also through a const (`with: sharedWith`, `with: columns.with`, `as const`). */
export function literalObject(node: Node, depth = 0): ObjectLiteralExpression | undefined {
  let n = node;
  while (Node.isAsExpression(n) || Node.isSatisfiesExpression(n) || Node.isParenthesizedExpression(n)) n = n.getExpression();
  if (Node.isObjectLiteralExpression(n)) return n;
  if (depth > 5) return undefined;
  if (Node.isIdentifier(n)) {
    const d = n.getSymbol()?.getDeclarations()[0];
    const init = d && Node.isVariableDeclaration(d) ? d.getInitializer() : undefined;
    return init ? literalObject(init, depth + 1) : undefined;
  }
  if (Node.isPropertyAccessExpression(n)) {
    const owner = literalObject(n.getExpression(), depth + 1);
    const value = owner ? property(owner, n.getName()) : undefined;
    return value ? literalObject(value, depth + 1) : undefined;
  }
  return undefined;
}

export function objectOf(node: Node | undefined): ObjectLiteralExpression | undefined {
  if (!node) return undefined;
  const found = literalObject(node);
  if (found) return found;
  throw new Unresolved(`the query's options ${node.getText().slice(0, 40)} are not an object literal`);
}

export function property(obj: ObjectLiteralExpression | undefined, name: string): Node | undefined {
  const p = obj?.getProperty(name);
  if (!p) return undefined;
  if (Node.isPropertyAssignment(p)) return p.getInitializer();
  if (Node.isShorthandPropertyAssignment(p)) return p.getNameNode();
  return p;
}

