/** Whether a node is drizzle's, by the declaration the type checker finds for it, never by its name. */
import { Node } from 'ts-morph';
import type { Symbol as MorphSymbol } from 'ts-morph';

const DRIZZLE_FILE = /[\\/]drizzle-orm[\\/]/;

function declaredByDrizzle(symbol: MorphSymbol | undefined): boolean {
  if (!symbol) return false;
  const target = symbol.isAlias() ? (symbol.getAliasedSymbol() ?? symbol) : symbol;
  return target.getDeclarations().some((d) => DRIZZLE_FILE.test(d.getSourceFile().getFilePath()));
}

/** The node (a property name, a callee) names something drizzle-orm declares; its name then. */
export function drizzleName(node: Node): string | undefined {
  const at = Node.isPropertyAccessExpression(node) ? node.getNameNode() : node;
  const symbol = destructured(at) ?? at.getSymbol();
  if (!declaredByDrizzle(symbol)) return undefined;
  const target = symbol!.isAlias() ? (symbol!.getAliasedSymbol() ?? symbol!) : symbol!;
  return target.getName();
}

/** `(t, { eq }) => eq(…)`: the property of the destructured parameter's type that the name binds. */
function destructured(node: Node): MorphSymbol | undefined {
  const declaration = node.getSymbol()?.getDeclarations()[0];
  if (!declaration || !Node.isBindingElement(declaration)) return undefined;
  const pattern = declaration.getParent();
  const owner = pattern?.getParent();
  if (!pattern || !Node.isObjectBindingPattern(pattern) || !owner) return undefined;
  const name = declaration.getPropertyNameNode()?.getText() ?? declaration.getName();
  return owner.getType().getProperty(name);
}

/** A literal string or number type's value. */
export function literalOf(node: Node, type = node.getType()): string | number | undefined {
  if (type.isStringLiteral() || type.isNumberLiteral()) return type.getLiteralValue() as string | number;
  return undefined;
}
