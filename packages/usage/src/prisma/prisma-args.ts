/**
 * The arguments of a Prisma Client call: `where` as column equalities (`{ field: value }`,
 * `{ field: { equals } }`, a compound unique `a_b: { a, b }`, `AND`), and the relation fields
 * `include`/`select` read, nested, each resolved on the model of its level.
 */
import { Node, SyntaxKind } from 'ts-morph';
import { relationOfField } from '@oto/core';
import type { AnalyzedModel, ColumnRef, QueryFilter, RelationRead, Table } from '@oto/core';
import { locationOf, Unresolved } from '../code-location';
import { literalObject, property } from '../object-literal';

const PARTIAL: QueryFilter = { equalities: [], complete: false };

const columnOf = (table: Table, field: string) => table.columns.find((c) => c.field === field || (c.field === undefined && c.name === field));
const keyName = (p: Node) => (Node.isPropertyAssignment(p) || Node.isShorthandPropertyAssignment(p) ? p.getName().replace(/^['"]|['"]$/g, '') : undefined);

function merge(parts: readonly QueryFilter[]): QueryFilter {
  return { equalities: parts.flatMap((p) => p.equalities), complete: parts.every((p) => p.complete) };
}

export function readPrismaWhere(node: Node | undefined, table: Table): QueryFilter | undefined {
  if (!node) return undefined;
  const obj = literalObject(node);
  if (!obj) return PARTIAL;
  const ref = (column: string): ColumnRef => ({ table: table.name, ...(table.schema ? { schema: table.schema } : {}), column });
  const parts = obj.getProperties().map((p): QueryFilter => {
    const name = keyName(p);
    const value = Node.isPropertyAssignment(p) ? p.getInitializer() : Node.isShorthandPropertyAssignment(p) ? p.getNameNode() : undefined;
    if (!name || !value) return PARTIAL;
    if (name === 'AND') {
      const items = Node.isArrayLiteralExpression(value) ? value.getElements() : [value];
      return merge(items.map((i) => readPrismaWhere(i, table) ?? PARTIAL));
    }
    const column = columnOf(table, name);
    if (column) {
      if (value.getKind() === SyntaxKind.NullKeyword) return PARTIAL;
      const nested = literalObject(value);
      if (!nested) return { equalities: [ref(column.name)], complete: true };
      const equals = property(nested, 'equals');
      return equals && nested.getProperties().length === 1 ? { equalities: [ref(column.name)], complete: true } : PARTIAL;
    }
    // A compound unique (`userId_provider: { userId, provider }`): equality on each of its fields.
    const compound = literalObject(value);
    const fields = compound?.getProperties().map(keyName) ?? [];
    const columns = fields.map((f) => (f ? columnOf(table, f) : undefined));
    if (compound && fields.length > 1 && name === fields.join('_') && columns.every(Boolean)) {
      return { equalities: columns.map((c) => ref(c!.name)), complete: true };
    }
    return PARTIAL;
  });
  return merge(parts);
}

/** The relation fields `include` / `select` read, nested; scalar fields of a `select` are not reads. */
export function readPrismaReads(model: AnalyzedModel, table: Table, args: Node | undefined, path: readonly string[] = []): RelationRead[] {
  const obj = args ? literalObject(args) : undefined;
  if (!obj) return [];
  return (['include', 'select'] as const).flatMap((kind) => {
    const node = property(obj, kind);
    if (!node) return [];
    const fields = literalObject(node);
    if (!fields) throw new Unresolved(`the ${kind} ${node.getText().slice(0, 40)} is not an object literal`);
    return fields.getProperties().flatMap((p) => {
      const field = keyName(p);
      if (!field || field === '_count') return [];
      const value = Node.isPropertyAssignment(p) ? p.getInitializer() : undefined;
      if (value?.getKind() === SyntaxKind.FalseKeyword) return [];
      const found = relationOfField(model, table.name, table.schema, field);
      if (!found) {
        if (kind === 'select' && columnOf(table, field)) return [];
        throw new Unresolved(`${kind} key ${field} is no relation of ${table.entity ?? table.name}`);
      }
      const target = model.model.tables.find((t) => t.name === found.target.table && (t.schema ?? undefined) === (found.target.schema ?? undefined));
      const read: RelationRead = { table: table.name, ...(table.schema ? { schema: table.schema } : {}), field, path: [...path, field], location: locationOf(p) };
      return [read, ...(target && value ? readPrismaReads(model, target, value, [...path, field]) : [])];
    });
  });
}
