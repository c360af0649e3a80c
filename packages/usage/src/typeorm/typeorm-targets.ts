/**
 * The entity a TypeORM call works on, through the types: a `Repository<Entity>` (also a class
 * extending it, or `dataSource.getRepository(Entity)`), an `EntityManager` call whose first argument
 * is the entity class, a `BaseEntity` static (`User.findOne`). The methods are TypeORM's when their
 * declaration is in the typeorm package.
 */
import { Node } from 'ts-morph';
import type { CallExpression, Type } from 'ts-morph';
import type { AnalyzedModel, Table } from '@oto/core';

const TYPEORM_FILE = /[\\/]typeorm[\\/]/;

function declaredByTypeorm(node: Node): string | undefined {
  const symbol = node.getSymbol();
  const target = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
  const d = target?.getDeclarations()[0];
  if (!d) return undefined;
  const owner = d.getParent();
  const ownerName = owner && (Node.isClassDeclaration(owner) || Node.isInterfaceDeclaration(owner)) ? owner.getName() : undefined;
  return TYPEORM_FILE.test(d.getSourceFile().getFilePath()) ? ownerName : undefined;
}

/** The entity class name a `Repository<T>` type (or a subclass of one) is for. */
function repositoryEntity(type: Type, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  if (type.getSymbol()?.getName() === 'Repository') return type.getTypeArguments()[0]?.getSymbol()?.getName();
  for (const base of type.getBaseTypes()) {
    const found = repositoryEntity(base, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export interface TypeormTarget {
  readonly table: Table;
  /** The options argument (the entity class is the first argument of an EntityManager call). */
  readonly argument: number;
}

export function typeormTarget(call: CallExpression, model: AnalyzedModel): TypeormTarget | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const owner = declaredByTypeorm(callee.getNameNode());
  if (!owner) return undefined;
  const byEntity = (name: string | undefined) => (name ? model.model.tables.find((t) => t.entity === name) : undefined);
  if (owner === 'Repository' || owner === 'TreeRepository') {
    const table = byEntity(repositoryEntity(callee.getExpression().getType()));
    return table ? { table, argument: 0 } : undefined;
  }
  if (owner === 'EntityManager') {
    const first = call.getArguments()[0];
    const table = first ? byEntity(first.getType().getSymbol()?.getName() ?? (Node.isStringLiteral(first) ? first.getLiteralValue() : undefined)) : undefined;
    return table ? { table, argument: 1 } : undefined;
  }
  if (owner === 'BaseEntity') {
    const table = byEntity(callee.getExpression().getType().getSymbol()?.getName());
    return table ? { table, argument: 0 } : undefined;
  }
  return undefined;
}
