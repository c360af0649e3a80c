/**
 * drizzle-orm 1.0's object filters (relational queries v2: `where: { id: 1 }`,
 * `{ userId: { eq: id } }`, `AND` / `OR` / `NOT`, nested) as the column equalities the 0.x
 * callback and operator forms give: a key that is a column of the table fixes it to a value when
 * its value is a value (drizzle's `eq`) or `{ eq: v }`; `AND` (on the table or on a column) keeps
 * its parts; every other operator, `OR`, `NOT`, `RAW`, a relation's filter or a value oto cannot
 * read narrows the rows another way and makes the filter partial. Keys are the table's property
 * names, as drizzle reads them (`table[Columns][key]`).
 */
import { Node } from 'ts-morph';
import type { ObjectLiteralExpression, Type } from 'ts-morph';
import type { ColumnRef, Table } from '@oto/core';
import { literalObject } from '../object-literal';
import type { Condition } from './drizzle-conditions';

const EMPTY: Condition = { equalities: [], pairs: [], complete: true };
const PARTIAL: Condition = { equalities: [], pairs: [], complete: false };

function merge(parts: readonly Condition[]): Condition {
  return { equalities: parts.flatMap((p) => p.equalities), pairs: parts.flatMap((p) => p.pairs), complete: parts.every((p) => p.complete) };
}

/** The object filter, also through a const; undefined when the node is no object (a 0.x condition). */
export function objectFilterOf(node: Node | undefined): ObjectLiteralExpression | undefined {
  return node ? literalObject(node) : undefined;
}

/** A value drizzle compares by `eq`: anything that is not an object (a primitive, null) or a placeholder. */
function isScalar(type: Type): boolean {
  if (type.isUnion()) return type.getUnionTypes().every(isScalar);
  if (type.isString() || type.isNumber() || type.isBoolean() || type.isBigInt() || type.isLiteral() || type.isNull() || type.isUndefined()) return true;
  if (type.isEnum() || type.isEnumLiteral() || type.isBooleanLiteral()) return true;
  const name = type.getSymbol()?.getName();
  return name === 'Placeholder' || name === 'SQLPlaceholder';
}

/** The entries of an object literal as [key, value node]; undefined when one is a spread or a method. */
function entries(obj: ObjectLiteralExpression): [string, Node][] | undefined {
  const out: [string, Node][] = [];
  for (const p of obj.getProperties()) {
    if (Node.isPropertyAssignment(p)) {
      const value = p.getInitializer();
      if (!value) return undefined;
      out.push([p.getName().replace(/^['"]|['"]$/g, ''), value]);
    } else if (Node.isShorthandPropertyAssignment(p)) {
      out.push([p.getName(), p.getNameNode()]);
    } else return undefined;
  }
  return out;
}

const isFalse = (n: Node) => n.getText() === 'false';

/** The elements of an `AND: [...]` array literal, each read by `read`. */
function allOf(node: Node, read: (n: Node) => Condition): Condition {
  if (!Node.isArrayLiteralExpression(node)) return PARTIAL;
  const elements = node.getElements();
  return elements.length === 0 || elements.some(Node.isSpreadElement) ? PARTIAL : merge(elements.map(read));
}

/** A column's filter: a value (`eq`), or its operators `{ eq, AND, … }`. */
function readColumnFilter(column: ColumnRef, value: Node): Condition {
  const obj = literalObject(value);
  if (!obj) return isScalar(value.getType()) ? { equalities: [column], pairs: [], complete: true } : PARTIAL;
  const list = entries(obj);
  if (!list) return PARTIAL;
  return merge(
    list.map(([op, v]): Condition => {
      if (op === 'eq') return { equalities: [column], pairs: [], complete: true };
      if (op === 'AND') return allOf(v, (n) => readColumnFilter(column, n));
      // `isNull: false` is skipped by drizzle: no condition at all.
      if ((op === 'isNull' || op === 'isNotNull') && isFalse(v)) return EMPTY;
      return PARTIAL;
    }),
  );
}

/** The object filter of a query on `table` as column equalities. */
export function readObjectWhere(obj: ObjectLiteralExpression, table: Table): Condition {
  const list = entries(obj);
  if (!list) return PARTIAL;
  const ref = (column: string): ColumnRef => ({ table: table.name, ...(table.schema ? { schema: table.schema } : {}), column });
  return merge(
    list.map(([key, value]): Condition => {
      if (key === 'AND') {
        return allOf(value, (n) => {
          const inner = literalObject(n);
          return inner ? readObjectWhere(inner, table) : PARTIAL;
        });
      }
      // OR, NOT, RAW, and a relation's filter (an EXISTS) narrow the rows by no equality.
      if (key === 'OR' || key === 'NOT' || key === 'RAW') return PARTIAL;
      const column = table.columns.find((c) => c.field === key) ?? table.columns.find((c) => c.field === undefined && c.name === key);
      return column ? readColumnFilter(ref(column.name), value) : PARTIAL;
    }),
  );
}
