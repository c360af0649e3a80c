/**
 * TypeORM find options: `where` as column equalities (`{ prop: value }`, `Equal(v)`, a relation
 * pinned by its referenced columns `{ user: { id } }` is its join column), and `relations` in the
 * array (`['profile', 'profile.photos']`) and object (`{ profile: { photos: true } }`) forms.
 */
import { Node, SyntaxKind } from 'ts-morph';
import { relationOfField } from '@oto/core';
import type { AnalyzedModel, ColumnRef, QueryFilter, RelationRead, Table } from '@oto/core';
import { locationOf, Unresolved } from '../code-location';
import { literalObject } from '../object-literal';

const PARTIAL: QueryFilter = { equalities: [], complete: false };
const columnOf = (table: Table, field: string) => table.columns.find((c) => c.field === field || (c.field === undefined && c.name === field));
const keyName = (p: Node) => (Node.isPropertyAssignment(p) || Node.isShorthandPropertyAssignment(p) ? p.getName().replace(/^['"]|['"]$/g, '') : undefined);
const findTable = (model: AnalyzedModel, ref: { table: string; schema?: string }) =>
  model.model.tables.find((t) => t.name === ref.table && (t.schema ?? undefined) === (ref.schema ?? undefined));

/** A value compared by equality: anything but a FindOperator call other than `Equal(…)`, and not null. */
function isEquality(value: Node): boolean {
  if (value.getKind() === SyntaxKind.NullKeyword) return false;
  if (Node.isCallExpression(value)) {
    const name = value.getExpression().getText();
    const type = value.getType().getSymbol()?.getName();
    if (type === 'FindOperator' || type === 'EqualOperator') return name === 'Equal';
  }
  return !literalObject(value);
}

export function readTypeormWhere(model: AnalyzedModel, node: Node | undefined, table: Table): QueryFilter | undefined {
  if (!node) return undefined;
  if (Node.isArrayLiteralExpression(node)) return PARTIAL; // an array is OR
  const obj = literalObject(node);
  if (!obj) return PARTIAL;
  const ref = (column: string): ColumnRef => ({ table: table.name, ...(table.schema ? { schema: table.schema } : {}), column });
  const parts = obj.getProperties().map((p): QueryFilter => {
    const name = keyName(p);
    const value = Node.isPropertyAssignment(p) ? p.getInitializer() : Node.isShorthandPropertyAssignment(p) ? p.getNameNode() : undefined;
    if (!name || !value) return PARTIAL;
    const column = columnOf(table, name);
    if (column) return isEquality(value) ? { equalities: [ref(column.name)], complete: true } : PARTIAL;
    const found = relationOfField(model, table.name, table.schema, name);
    const fk = found?.relation.relation.foreignKey;
    const nested = literalObject(value);
    const target = found ? findTable(model, found.target) : undefined;
    if (found?.direction === 'to-principal' && fk && nested && target) {
      // `{ user: { id } }`: the referenced columns pinned are the foreign key's own columns here.
      const pinned = nested.getProperties().map((q) => {
        const field = keyName(q);
        const v = Node.isPropertyAssignment(q) ? q.getInitializer() : Node.isShorthandPropertyAssignment(q) ? q.getNameNode() : undefined;
        const c = field ? columnOf(target, field) : undefined;
        return c && v && isEquality(v) ? c.name : undefined;
      });
      if (pinned.every(Boolean) && fk.referencedColumns.every((c) => pinned.includes(c)) && pinned.length === fk.referencedColumns.length) {
        return { equalities: fk.columns.map(ref), complete: true };
      }
    }
    return PARTIAL;
  });
  return { equalities: parts.flatMap((p) => p.equalities), complete: parts.every((p) => p.complete) };
}

function readPath(model: AnalyzedModel, table: Table, fields: readonly string[], at: Node): RelationRead[] {
  const reads: RelationRead[] = [];
  let current = table;
  fields.forEach((field, i) => {
    const found = relationOfField(model, current.name, current.schema, field);
    if (!found) throw new Unresolved(`relation ${fields.slice(0, i + 1).join('.')} is no relation of ${current.entity ?? current.name}`);
    reads.push({ table: current.name, ...(current.schema ? { schema: current.schema } : {}), field, path: fields.slice(0, i + 1), location: locationOf(at) });
    const next = findTable(model, found.target);
    if (!next) throw new Unresolved(`relation ${field} leads to no table of the schema`);
    current = next;
  });
  return reads;
}

export function readTypeormRelations(model: AnalyzedModel, table: Table, node: Node | undefined, path: readonly string[] = []): RelationRead[] {
  if (!node) return [];
  if (Node.isArrayLiteralExpression(node)) {
    const seen = new Set<string>();
    return node.getElements().flatMap((e) => {
      if (!Node.isStringLiteral(e) && !Node.isNoSubstitutionTemplateLiteral(e)) throw new Unresolved(`a relation ${e.getText().slice(0, 40)} that is not a string`);
      // 'profile.photos' reads profile, then photos: each read once, at the string that names it first.
      return readPath(model, table, e.getLiteralValue().split('.'), e).filter((r) => !seen.has(r.path.join('.')) && seen.add(r.path.join('.')));
    });
  }
  const obj = literalObject(node);
  if (!obj) throw new Unresolved(`the relations ${node.getText().slice(0, 40)} are not a literal`);
  return obj.getProperties().flatMap((p) => {
    const field = keyName(p);
    const value = Node.isPropertyAssignment(p) ? p.getInitializer() : undefined;
    if (!field || value?.getKind() === SyntaxKind.FalseKeyword) return [];
    const [read] = readPath(model, table, [field], p);
    const found = relationOfField(model, table.name, table.schema, field)!;
    const next = findTable(model, found.target);
    const withPath = { ...read!, path: [...path, field] };
    return [withPath, ...(value && next && literalObject(value) ? readTypeormRelations(model, next, value, [...path, field]) : [])];
  });
}
