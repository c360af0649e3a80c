/** The syntax tree of a partial index's predicate (predicate-parse.ts reads it, predicate.ts normalises it). */

export type Value =
  | { readonly kind: 'column'; readonly name: string }
  | { readonly kind: 'string'; readonly value: string }
  /** `real`: a decimal or exponent literal (SQLite writes 1.0 and 1 differently into a text column). */
  | { readonly kind: 'number'; readonly value: string; readonly real?: boolean }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'cast'; readonly value: Value; readonly type: string }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Value[] }
  | { readonly kind: 'array'; readonly items: readonly Value[] }
  | { readonly kind: 'arith'; readonly op: string; readonly left: Value; readonly right: Value }
  | { readonly kind: 'negate'; readonly value: Value };

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type Predicate =
  | { readonly kind: 'and' | 'or'; readonly items: readonly Predicate[] }
  | { readonly kind: 'not'; readonly item: Predicate }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: Value; readonly right: Value }
  /** Another binary operator (`~`, `@>`, GLOB …): kept as written, never negated into another. */
  | { readonly kind: 'operator'; readonly op: string; readonly left: Value; readonly right: Value }
  | { readonly kind: 'like'; readonly op: 'like' | 'ilike'; readonly negated: boolean; readonly left: Value; readonly right: Value }
  | { readonly kind: 'null'; readonly negated: boolean; readonly value: Value }
  | { readonly kind: 'in'; readonly negated: boolean; readonly value: Value; readonly items: readonly Value[] }
  /** A boolean value used as a condition (`WHERE active`). */
  | { readonly kind: 'truth'; readonly value: Value };
