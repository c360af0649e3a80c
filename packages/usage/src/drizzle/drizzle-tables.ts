/**
 * Tables and columns of a Drizzle query, through their types: a table's type carries
 * `_: { brand: 'Table'; name }`, a column's `_: { brand: 'Column'; tableName; name }`. Where the
 * types degrade to `any` (an unannotated self-reference does that to whole schemas without a tsc
 * error), oto follows the symbol to its declaration and reads what drizzle reads at run time: the
 * name given to `pgTable`/`mysqlTable`/`sqliteTable` (through `alias()`), the column's property.
 */
import { Node } from 'ts-morph';
import type { Type } from 'ts-morph';
import type { AnalyzedModel, Table } from '@oto/core';
import { drizzleName } from './drizzle-symbols';

export interface TableRef {
  readonly table: string;
  readonly schema?: string;
}

/** Callback parameters bound to a table (`where: (t, { eq }) => eq(t.userId, …)`). */
export type Bindings = ReadonlyMap<Node, TableRef>;

const TABLE_FACTORIES = new Set(['pgTable', 'mysqlTable', 'sqliteTable', 'table']);

function brandOf(type: Type, at: Node): { brand?: string; props: Type | undefined } {
  const underscore = type.getProperty('_');
  if (!underscore) return { props: undefined };
  const props = underscore.getTypeAtLocation(at);
  const brand = props.getProperty('brand')?.getTypeAtLocation(at);
  return { ...(brand?.isStringLiteral() ? { brand: String(brand.getLiteralValue()) } : {}), props };
}

function stringProp(props: Type, name: string, at: Node): string | undefined {
  const t = props.getProperty(name)?.getTypeAtLocation(at);
  return t?.isStringLiteral() ? String(t.getLiteralValue()) : undefined;
}

export function createTableResolver(model: AnalyzedModel) {
  const tables = model.model.tables;
  const find = (name: string, schema?: string): Table | undefined =>
    tables.find((t) => t.name === name && (t.schema ?? undefined) === (schema ?? undefined)) ?? (schema === undefined ? undefined : tables.find((t) => t.name === name));
  const ref = (t: Table): TableRef => ({ table: t.name, ...(t.schema ? { schema: t.schema } : {}) });

  /** The declaration fallback: `const x = pgTable('name', …)` or `alias(table, 'a')`. */
  function fromDeclaration(node: Node, depth = 0): Table | undefined {
    if (depth > 5) return undefined;
    const symbol = node.getSymbol();
    const target = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
    for (const d of target?.getDeclarations() ?? []) {
      if (!Node.isVariableDeclaration(d)) continue;
      const init = d.getInitializer();
      if (!init || !Node.isCallExpression(init)) continue;
      const callee = init.getExpression();
      const name = drizzleName(callee) ?? (Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText());
      const [first] = init.getArguments();
      if (name === 'alias' && first) return resolveTable(first, new Map(), depth + 1);
      if (TABLE_FACTORIES.has(name) && first && Node.isStringLiteral(first)) return find(first.getLiteralValue());
    }
    return undefined;
  }

  function resolveTable(node: Node, bindings: Bindings, depth = 0): Table | undefined {
    const bound = bindings.get(node.getSymbol()?.getDeclarations()[0] ?? node);
    if (bound) return find(bound.table, bound.schema);
    const { brand, props } = brandOf(node.getType(), node);
    if (brand === 'Table' && props) {
      const name = stringProp(props, 'name', node);
      const found = name !== undefined ? find(name, stringProp(props, 'schema', node)) : undefined;
      if (found) return found;
    }
    return fromDeclaration(node, depth);
  }

  /** A column expression (`account.userId`, `t.userId`): its table and database column name, or undefined. */
  function resolveColumn(node: Node, bindings: Bindings): { table: Table; column: string } | undefined {
    if (!Node.isPropertyAccessExpression(node)) return undefined;
    const { brand, props } = brandOf(node.getType(), node);
    const typed = brand === 'Column' && props ? stringProp(props, 'name', node) : undefined;
    // The column's own type names its table where the object does not resolve (an outer query's callback parameter).
    const tableName = brand === 'Column' && props ? stringProp(props, 'tableName', node) : undefined;
    const table = resolveTable(node.getExpression(), bindings) ?? (tableName !== undefined ? find(tableName) : undefined);
    if (!table) return undefined;
    const field = node.getName();
    const column =
      table.columns.find((c) => typed !== undefined && typed !== '' && c.name === typed) ??
      table.columns.find((c) => c.field === field) ??
      table.columns.find((c) => c.name === field && c.field === undefined);
    return column ? { table, column: column.name } : undefined;
  }

  /** The expression is a column (by type, or as a property of something that resolves to a table). */
  function looksLikeColumn(node: Node, bindings: Bindings): boolean {
    if (brandOf(node.getType(), node).brand === 'Column') return true;
    return Node.isPropertyAccessExpression(node) && resolveTable(node.getExpression(), bindings) !== undefined;
  }

  return { resolveTable, resolveColumn, looksLikeColumn, ref, byEntity: (key: string) => tables.find((t) => t.entity === key) };
}

export type TableResolver = ReturnType<typeof createTableResolver>;
