/** libpg-query's AST (PostgreSQL's own parse tree, as JSON) to `SqlStatement`. */
import { Unresolved } from '../code-location';
import { NOT_A_QUERY } from './sql-statement';
import type { SqlCondition, SqlJoin, SqlOperand, SqlStatement, SqlTableName } from './sql-statement';

/* eslint-disable @typescript-eslint/no-explicit-any -- the parse tree is JSON of libpg-query's shape */
type Node = any;

const JOIN_KINDS: Readonly<Record<string, SqlJoin['kind']>> = { JOIN_INNER: 'inner', JOIN_LEFT: 'left', JOIN_RIGHT: 'right', JOIN_FULL: 'full' };

function rangeVar(node: Node): SqlTableName {
  const r = node?.RangeVar ?? node;
  if (!r?.relname) throw new Unresolved('raw SQL: a FROM item that is no table (a subquery or a function) is not read');
  return { name: r.relname, ...(r.schemaname ? { schema: r.schemaname } : {}), ...(r.alias?.aliasname ? { alias: r.alias.aliasname } : {}) };
}

function operand(node: Node): SqlOperand {
  if (node?.ColumnRef) {
    const fields: Node[] = node.ColumnRef.fields;
    if (!fields.every((f) => f.String)) return { other: true };
    const names = fields.map((f) => f.String.sval as string);
    return { column: { name: names[names.length - 1]!, ...(names.length > 1 ? { qualifier: names[names.length - 2]! } : {}) } };
  }
  if (node?.ParamRef || node?.A_Const) return { value: true };
  if (node?.TypeCast) return 'value' in operand(node.TypeCast.arg) ? { value: true } : { other: true };
  return { other: true };
}

export function pgCondition(node: Node): SqlCondition {
  if (node?.BoolExpr?.boolop === 'AND_EXPR') return { and: (node.BoolExpr.args as Node[]).map(pgCondition) };
  const e = node?.A_Expr;
  if (e?.kind === 'AEXPR_OP' && e.name?.length === 1 && e.name[0]?.String?.sval === '=') return { eq: [operand(e.lexpr), operand(e.rexpr)] };
  return { other: true };
}

function fromItems(node: Node, joins: SqlJoin[]): SqlTableName {
  if (node?.JoinExpr) {
    const j = node.JoinExpr;
    const kind = JOIN_KINDS[j.jointype];
    if (!kind || j.usingClause || j.isNatural) throw new Unresolved('raw SQL: a join oto does not read (USING, NATURAL, or no ON)');
    const base = fromItems(j.larg, joins);
    joins.push({ kind, table: rangeVar(j.rarg), ...(j.quals ? { on: pgCondition(j.quals) } : {}) });
    return base;
  }
  return rangeVar(node);
}

function limitOf(node: Node): number | undefined {
  const ival = node?.A_Const?.ival;
  return ival ? Number(ival.ival ?? 0) : undefined;
}

export function fromPgAst(tree: Node): SqlStatement | typeof NOT_A_QUERY {
  const stmts: Node[] = tree?.stmts ?? [];
  if (stmts.length !== 1) throw new Unresolved(`raw SQL: ${stmts.length} statements in one string`);
  const stmt = stmts[0].stmt;
  if (stmt.SelectStmt) {
    const s = stmt.SelectStmt;
    if (s.op && s.op !== 'SETOP_NONE') throw new Unresolved('raw SQL: UNION/INTERSECT/EXCEPT is not read');
    if (s.withClause) throw new Unresolved('raw SQL: a WITH query is not read');
    if (!s.fromClause) return NOT_A_QUERY;
    if (s.fromClause.length !== 1) throw new Unresolved('raw SQL: a FROM with several items (comma joins) is not read');
    const joins: SqlJoin[] = [];
    const table = fromItems(s.fromClause[0], joins);
    const limit = limitOf(s.limitCount);
    return { kind: 'select', table, joins, ...(s.whereClause ? { where: pgCondition(s.whereClause) } : {}), ordered: Boolean(s.sortClause), ...(limit !== undefined ? { limit } : {}) };
  }
  const change = stmt.UpdateStmt ?? stmt.DeleteStmt;
  if (change) {
    if (change.withClause) throw new Unresolved('raw SQL: a WITH query is not read');
    return { kind: stmt.UpdateStmt ? 'update' : 'delete', table: rangeVar(change.relation), joins: [], ...(change.whereClause ? { where: pgCondition(change.whereClause) } : {}), ordered: false };
  }
  return NOT_A_QUERY;
}
