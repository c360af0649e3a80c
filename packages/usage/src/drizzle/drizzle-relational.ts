/**
 * Drizzle's relational queries: `db.query.<key>.findFirst/findMany({ where, with, orderBy, limit })`.
 * The table is the schema key's (what drizzle looks up at run time), each `with` key the relation
 * that field of the current table declares, resolved per table down nested `with`s.
 */
import { Node } from 'ts-morph';
import type { CallExpression, Type } from 'ts-morph';
import { findTable, relationOfField } from '@oto/core';
import type { AnalyzedModel, Query, RelationRead } from '@oto/core';
import { locationOf, Unresolved } from '../code-location';
import { objectOf, property } from '../object-literal';
import { consumptionOf } from '../consumption';
import { readWhere } from './drizzle-conditions';
import { objectFilterOf, readObjectWhere } from './drizzle-object-where';
import { drizzleName } from './drizzle-symbols';
import type { TableRef, TableResolver } from './drizzle-tables';

const METHODS = new Set(['findFirst', 'findMany']);

/** The `X.query.<key>` receiver of a findFirst/findMany that is drizzle's, or undefined. */
export function relationalReceiver(call: CallExpression): { key: Node; method: string } | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !METHODS.has(callee.getName())) return undefined;
  const keyAccess = callee.getExpression();
  if (!Node.isPropertyAccessExpression(keyAccess)) return undefined;
  const queryAccess = keyAccess.getExpression();
  const drizzles = drizzleName(callee) === callee.getName() || (Node.isPropertyAccessExpression(queryAccess) && drizzleName(queryAccess) === 'query');
  return drizzles ? { key: keyAccess, method: callee.getName() } : undefined;
}

/** A relation drizzle's types declare that the model holds no field of (v1's `through`): it leads to many rows of its target. */
type TypedMany = (at: TableRef, field: string) => TableRef | undefined;

function readWith(model: AnalyzedModel, at: TableRef, node: Node | undefined, path: readonly string[], typedMany: TypedMany): RelationRead[] {
  const obj = node ? objectOf(node) : undefined;
  if (!obj) return [];
  return obj.getProperties().flatMap((p) => {
    if (!Node.isPropertyAssignment(p) && !Node.isShorthandPropertyAssignment(p)) throw new Unresolved(`a with of ${at.table} that is not a plain key`);
    const field = p.getName().replace(/^['"]|['"]$/g, '');
    const value = Node.isPropertyAssignment(p) ? p.getInitializer() : undefined;
    if (value && value.getText() === 'false') return [];
    const target = relationOfField(model, at.table, at.schema, field)?.target ?? typedMany(at, field);
    if (!target) throw new Unresolved(`with key ${field} is no relation of ${at.table}`);
    const read: RelationRead = { table: at.table, ...(at.schema ? { schema: at.schema } : {}), field, path: [...path, field], location: locationOf(p) };
    const nested = value && Node.isObjectLiteralExpression(value) ? readWith(model, target, property(value, 'with'), [...path, field], typedMany) : [];
    return [read, ...nested];
  });
}

function tableOfKey(key: Node, tables: TableResolver): TableRef | undefined {
  // RelationalQueryBuilder<TSchema, TFields>: TFields carries the table's dbName.
  const fields = key.getType().getTypeArguments()[1];
  const dbName = fields?.getProperty('dbName')?.getTypeAtLocation(key);
  if (dbName?.isStringLiteral()) {
    const name = String(dbName.getLiteralValue());
    const t = tables.byEntity(Node.isPropertyAccessExpression(key) ? key.getName() : '');
    if (t && t.name === name) return tables.ref(t);
  }
  const t = Node.isPropertyAccessExpression(key) ? tables.byEntity(key.getName()) : undefined;
  return t ? tables.ref(t) : undefined;
}

/**
 * drizzle-orm 1.0 types each relation of the schema key: `RelationalQueryBuilder<TSchema, …>`,
 * `TSchema[key].relations[field]` a `Many<target>` or `One<target>`. A `Many` the model has no
 * field for (a many-to-many `through` a junction: its relations are the junction's foreign keys)
 * is a read of many rows, never a one-to-one; its target is the schema key it names.
 */
function typedManyOf(key: Node, model: AnalyzedModel, tables: TableResolver): TypedMany {
  const schemaType = key.getType().getTypeArguments()[0];
  const typeOf = (owner: Type | undefined, name: string) => owner?.getProperty(name)?.getTypeAtLocation(key);
  return (at, field) => {
    const entity = findTable(model, at.table, at.schema)?.entity;
    const relation = entity !== undefined ? typeOf(typeOf(typeOf(schemaType, entity), 'relations'), field) : undefined;
    const kind = typeOf(relation, 'relationType');
    const targetName = typeOf(relation, 'targetTableName');
    if (!kind?.isStringLiteral() || kind.getLiteralValue() !== 'many' || !targetName?.isStringLiteral()) return undefined;
    const target = tables.byEntity(String(targetName.getLiteralValue()));
    return target ? tables.ref(target) : undefined;
  };
}

export function readRelational(call: CallExpression, receiver: { key: Node; method: string }, model: AnalyzedModel, tables: TableResolver): Query {
  const table = tableOfKey(receiver.key, tables);
  if (!table) throw new Unresolved(`db.query.${receiver.key.getText().split('.').pop()} is no table of the schema`);
  const options = objectOf(call.getArguments()[0]);
  const whereNode = property(options, 'where');
  // drizzle-orm 1.0's object filter (`where: { id }`), else 0.x's callback or condition.
  const filterObject = objectFilterOf(whereNode);
  const own = findTable(model, table.table, table.schema);
  const where = filterObject && own ? readObjectWhere(filterObject, own) : readWhere(whereNode, tables, new Map(), table);
  const limitNode = property(options, 'limit');
  const limit = limitNode && Node.isNumericLiteral(limitNode) ? Number(limitNode.getLiteralValue()) : undefined;
  const single = receiver.method === 'findFirst' || limit === 1;
  return {
    orm: 'drizzle',
    kind: 'select',
    ...table,
    reads: readWith(model, table, property(options, 'with'), [], typedManyOf(receiver.key, model, tables)),
    joins: [],
    ...(whereNode ? { filter: { equalities: where.equalities, complete: where.complete && where.pairs.length === 0 } } : {}),
    ordered: property(options, 'orderBy') !== undefined,
    ...(limit !== undefined ? { limit } : {}),
    consumption: single ? 'first' : consumptionOf(call),
    location: locationOf(call),
  };
}
