/**
 * What application code asks of the database, as ORM-neutral plain data: a recogniser per ORM
 * (packages/usage) turns call expressions into `Query` through the type checker, and the usage
 * rules read only this (never a syntax node). Table and column names are database names.
 */

/** Where a query (or a part of it) is written. Line and column are 1-based. */
export interface CodeLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface ColumnRef {
  readonly table: string;
  readonly schema?: string;
  readonly column: string;
}

/** How the result is used: every row, the first row (`findFirst`, `[0]`, `limit 1`), or exactly one. */
export type Consumption = 'many' | 'first' | 'one';

/** A relation field read through the query (`with`, `include`, `relations`), on the table that declares it. */
export interface RelationRead {
  readonly table: string;
  readonly schema?: string;
  readonly field: string;
  /** The relation fields from the query's table down to this one (nested `with`). */
  readonly path: readonly string[];
  readonly location: CodeLocation;
}

/** One `left = right` of a join's ON: `left` on a table already in the query, `right` on the joined table. */
export interface OnPair {
  readonly left: ColumnRef;
  readonly right: ColumnRef;
}

export interface QueryJoin {
  readonly kind: 'inner' | 'left' | 'right' | 'full';
  readonly table: string;
  readonly schema?: string;
  /** The column equalities of the ON condition. */
  readonly on: readonly OnPair[];
  /** Columns of the joined table the ON fixes to a value (`and(eq(a.x, b.x), eq(b.kind, 'k'))`). */
  readonly equalities?: readonly ColumnRef[];
  /** The ON condition also has parts that are not column equalities (or was not understood). */
  readonly partial: boolean;
  readonly location: CodeLocation;
}

/** A filter as the columns it compares with a value by equality (under AND). */
export interface QueryFilter {
  readonly equalities: readonly ColumnRef[];
  /** Every part of the filter is such an equality: nothing else narrows the rows. */
  readonly complete: boolean;
}

export interface Query {
  readonly orm: 'drizzle' | 'prisma' | 'typeorm' | 'sql';
  readonly kind: 'select' | 'update' | 'delete';
  /** The table the query starts from. */
  readonly table: string;
  readonly schema?: string;
  readonly reads: readonly RelationRead[];
  readonly joins: readonly QueryJoin[];
  /** Absent when the query has no filter at all. */
  readonly filter?: QueryFilter;
  readonly ordered: boolean;
  readonly limit?: number;
  readonly consumption: Consumption;
  readonly location: CodeLocation;
}

/** A call oto recognised as a query of the ORM but could not resolve: counted, listed with --verbose, never guessed. */
export interface UnresolvedQuery {
  readonly location: CodeLocation;
  readonly reason: string;
}

/** `// oto-ignore-next-line <rule-id>: <reason>`, on the line before a usage finding. */
export interface IgnoreComment {
  readonly ruleId: string;
  readonly reason?: string;
  readonly location: CodeLocation;
}

/** What the usage analysis of a project found. */
export interface UsageFacts {
  readonly tsconfig: string;
  readonly files: number;
  readonly queries: readonly Query[];
  readonly unresolved: readonly UnresolvedQuery[];
  readonly ignores: readonly IgnoreComment[];
  /** Files that do not parse: reported, the rest still checked. */
  readonly syntaxErrors: readonly { readonly location: CodeLocation; readonly message: string }[];
}
