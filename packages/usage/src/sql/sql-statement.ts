/**
 * A raw SQL statement as the little oto reads of it, whatever the parser: the tables (with their
 * aliases), the joins with their ON, the WHERE as equalities under AND, ORDER BY and LIMIT. The
 * parsers' ASTs are turned into this (from-pg-ast.ts, from-sql-parser-ast.ts), and this into a
 * `Query` through the model (from-sql-statement.ts).
 */

export interface SqlTableName {
  readonly name: string;
  readonly schema?: string;
  readonly alias?: string;
}

/** A column as written: `alias.column`, `table.column` or a bare `column`. */
export interface SqlColumn {
  readonly qualifier?: string;
  readonly name: string;
}

export type SqlOperand = { readonly column: SqlColumn } | { readonly value: true } | { readonly other: true };

/** A condition: AND of parts, `a = b`, or something else (OR, operators, functions, subqueries). */
export type SqlCondition =
  | { readonly and: readonly SqlCondition[] }
  | { readonly eq: readonly [SqlOperand, SqlOperand] }
  | { readonly other: true };

export interface SqlJoin {
  readonly kind: 'inner' | 'left' | 'right' | 'full';
  readonly table: SqlTableName;
  readonly on?: SqlCondition;
}

export interface SqlStatement {
  readonly kind: 'select' | 'update' | 'delete';
  readonly table: SqlTableName;
  readonly joins: readonly SqlJoin[];
  readonly where?: SqlCondition;
  readonly ordered: boolean;
  readonly limit?: number;
}

/** A statement that is no SELECT, UPDATE or DELETE (INSERT, DDL…): parsed, nothing to check. */
export const NOT_A_QUERY = 'not-a-query' as const;

/** Parses one SQL string of the dialect; throws `Unresolved` with the reason when it cannot be read. */
export type SqlParser = (text: string) => SqlStatement | typeof NOT_A_QUERY;
