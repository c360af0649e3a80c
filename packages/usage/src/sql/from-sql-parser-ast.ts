/** node-sql-parser's AST (MySQL, SQLite) to `SqlStatement`. */
import { Unresolved } from '../code-location';
import { NOT_A_QUERY } from './sql-statement';
import type { SqlCondition, SqlJoin, SqlOperand, SqlStatement, SqlTableName } from './sql-statement';

/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is loosely typed */
type Node = any;

const JOIN_KINDS: Readonly<Record<string, SqlJoin['kind']>> = {
  JOIN: 'inner',
  'INNER JOIN': 'inner',
  'CROSS JOIN': 'inner',
  'LEFT JOIN': 'left',
  'LEFT OUTER JOIN': 'left',
  'RIGHT JOIN': 'right',
  'RIGHT OUTER JOIN': 'right',
  'FULL JOIN': 'full',
  'FULL OUTER JOIN': 'full',
};
const VALUE_TYPES = new Set(['number', 'string', 'single_quote_string', 'double_quote_string', 'bool', 'null', 'param', 'origin']);

function tableName(item: Node): SqlTableName {
  if (!item?.table || typeof item.table !== 'string' || item.expr) throw new Unresolved('raw SQL: a FROM item that is no table (a subquery or a function) is not read');
  return { name: item.table, ...(item.db ? { schema: item.db } : {}), ...(item.as ? { alias: item.as } : {}) };
}

function columnName(column: Node): string | undefined {
  if (typeof column === 'string') return column;
  const value = column?.expr?.value;
  return typeof value === 'string' ? value : undefined;
}

function operand(node: Node): SqlOperand {
  if (node?.type === 'column_ref') {
    const name = columnName(node.column);
    if (!name || name === '*') return { other: true };
    return { column: { name, ...(node.table ? { qualifier: node.table } : {}) } };
  }
  if (VALUE_TYPES.has(node?.type)) return { value: true };
  return { other: true };
}

function condition(node: Node): SqlCondition {
  if (node?.type === 'binary_expr' && node.operator === 'AND') return { and: [condition(node.left), condition(node.right)] };
  if (node?.type === 'binary_expr' && node.operator === '=') return { eq: [operand(node.left), operand(node.right)] };
  return { other: true };
}

function limitOf(limit: Node): number | undefined {
  const values: Node[] = limit?.value ?? [];
  if (values.length !== 1 || values[0]?.type !== 'number') return undefined;
  return Number(values[0].value);
}

export function fromSqlParserAst(ast: Node): SqlStatement | typeof NOT_A_QUERY {
  const statements: Node[] = Array.isArray(ast) ? ast : [ast];
  if (statements.length !== 1) throw new Unresolved(`raw SQL: ${statements.length} statements in one string`);
  const s = statements[0];
  if (s.type === 'select') {
    if (s._next || s.set_op) throw new Unresolved('raw SQL: UNION/INTERSECT/EXCEPT is not read');
    if (s.with) throw new Unresolved('raw SQL: a WITH query is not read');
    const from: Node[] = s.from ?? [];
    if (from.length === 0) return NOT_A_QUERY;
    const joins: SqlJoin[] = from.slice(1).map((item) => {
      const kind = JOIN_KINDS[item.join];
      if (!kind || item.using) throw new Unresolved('raw SQL: a FROM with several items (comma joins) or a join with USING is not read');
      return { kind, table: tableName(item), ...(item.on ? { on: condition(item.on) } : {}) };
    });
    const limit = limitOf(s.limit);
    return { kind: 'select', table: tableName(from[0]), joins, ...(s.where ? { where: condition(s.where) } : {}), ordered: Boolean(s.orderby), ...(limit !== undefined ? { limit } : {}) };
  }
  if (s.type === 'update' || s.type === 'delete') {
    const tables: Node[] = (s.type === 'delete' ? s.from : s.table) ?? [];
    if (tables.length !== 1) throw new Unresolved(`raw SQL: a multi-table ${s.type.toUpperCase()} is not read`);
    return { kind: s.type, table: tableName(tables[0]), joins: [], ...(s.where ? { where: condition(s.where) } : {}), ordered: false };
  }
  return NOT_A_QUERY;
}
