/**
 * Whether two partial-index predicates say the same thing, however a database printed them. Pure.
 *
 * Both are read (predicate-parse.ts) and brought to one normal form, printed canonically, and
 * compared: what PostgreSQL's `pg_get_expr`, SQLite's stored SQL, drizzle-kit and oto write for
 * the same predicate meet there. The form keeps the meaning under SQL's three-valued logic, so a
 * partial index holds the same rows either way:
 * - quotes, backticks and table qualifiers go; unquoted identifiers fold to lower case (quoted ones
 *   keep theirs, as in PostgreSQL); keywords are case-free; redundant parentheses go;
 * - a literal's cast goes where it cannot change the value (`'x'::text`, `'x'::status`;
 *   `'-1'::integer` and `(1)::numeric` are numbers), and stays where it can: a length or scale
 *   (`'abcd'::varchar(3)`, `1.55::numeric(3,1)`), a fraction cast to an integer, char and bpchar
 *   (padding), dates and times, real, citext; a column's cast to text or varchar (no length) goes
 *   where the column is text (or, when its type is not known, where it is only compared for
 *   equality, LIKE, IN or NULL);
 * - TRUE and FALSE are 1 and 0 (as SQLite and MySQL read them; PostgreSQL compares no boolean
 *   with a number, so no two of its predicates differ by that alone); `1` and `1.0` are one only
 *   against a column known not to hold text (SQLite stores them into a text column as '1' and '1.0');
 * - a function keeps its schema (`a.f(x)` is not `b.f(x)`; `pg_catalog.f` is `f`);
 * - `!=` is `<>`, `~~` is LIKE, `'a' = x` is `x = 'a'`, NOT is pushed down (`NOT (x IS NULL)` is
 *   `x IS NOT NULL`, `NOT (a AND b)` is `NOT a OR NOT b`, `NOT x = 1` is `x <> 1`), BETWEEN is
 *   its two comparisons;
 * - `x IN (a, b)`, `x = ANY (ARRAY[a, b])` and `x = a OR x = b` are one set of values (and
 *   `x NOT IN`, `x <> ALL`, `x <> a AND x <> b` its negation); `x IN (a)` is `x = a`;
 * - AND-ed and OR-ed conditions are sets: order and repeats do not count.
 * Nothing else is assumed: `a = 1 OR b = 2` never meets `a = 1 AND b = 2`, nor `x = '1'` `x = 1`.
 * A predicate oto cannot read is equal only to the very same text; so is one PostgreSQL and SQLite
 * read differently (a nested block comment, a \r in a line comment, `||` beside `+` or `*` unparenthesised).
 */
import type { CompareOp, Predicate, Value } from './predicate-parse';
import { parsePredicate } from './predicate-parse';

export interface PredicateContext {
  /**
   * Whether the column holds text (true), something else (false), or is not known (undefined):
   * a text column's cast to a text type is dropped in every comparison.
   */
  readonly textColumn?: (name: string) => boolean | undefined;
}

const INTEGER_TYPES = new Set(['integer', 'int', 'int2', 'int4', 'int8', 'smallint', 'bigint']);
const EXACT_TYPES = new Set(['numeric', 'decimal']);
const FLOAT_TYPES = new Set(['float', 'float8', 'double precision']);
/** The text types a column's cast to is dropped for (char(n) pads and trims, name truncates: kept). */
const TEXT_TYPES = new Set(['text', 'varchar', 'character varying']);
/** Types whose cast of a text literal can change what it compares equal to: kept. */
const VALUE_CHANGING = new Set([
  'char', 'character', 'bpchar', 'name', 'citext', 'real', 'float4', 'interval', 'date', 'time', 'timetz', 'timestamp', 'timestamptz',
  'time with time zone', 'time without time zone', 'timestamp with time zone', 'timestamp without time zone',
]);
const NEGATED: Readonly<Record<CompareOp, CompareOp>> = { '=': '<>', '<>': '=', '<': '>=', '>=': '<', '>': '<=', '<=': '>' };
const FLIPPED: Readonly<Record<CompareOp, CompareOp>> = { '=': '=', '<>': '<>', '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

/** A number as digits and exponent, so `1`, `1.0` and `10e-1` are one. */
function canonicalNumber(text: string): string | undefined {
  const m = /^\s*([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?\s*$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const fraction = m[3] ?? '';
  let digits = `${m[2]}${fraction}`.replace(/^0+/, '');
  let exponent = Number(m[4] ?? 0) - fraction.length;
  if (digits === '') return '0';
  while (digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exponent++;
  }
  return `${m[1] === '-' ? '-' : ''}${digits}e${exponent}`;
}

/** A number in canonical form; `real` only where it counts (a literal with a point or an exponent). */
const number = (value: string, real: boolean): Value => (real ? { kind: 'number', value, real: true } : { kind: 'number', value });

const isLiteral = (v: Value) => v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean' || v.kind === 'null';

class Normalizer {
  constructor(private readonly context: PredicateContext) {}

  value(v: Value, equality: boolean): Value {
    switch (v.kind) {
      case 'number':
        return number(canonicalNumber(v.value) ?? v.value, v.real ?? /[.eE]/.test(v.value));
      case 'boolean':
        // TRUE is 1 and FALSE 0 in SQLite and MySQL; PostgreSQL compares neither with the other.
        return number(v.value ? '1e0' : '0', false);
      case 'cast':
        return this.cast(this.value(v.value, equality), v.type.replace(/^pg_catalog /, ''), equality);
      case 'call':
        return { kind: 'call', name: v.name, args: v.args.map((a) => this.value(a, false)) };
      case 'array':
        return { kind: 'array', items: v.items.map((i) => this.value(i, equality)) };
      case 'arith':
        return { kind: 'arith', op: v.op, left: this.value(v.left, false), right: this.value(v.right, false) };
      case 'negate':
        return { kind: 'negate', value: this.value(v.value, false) };
      default:
        return v;
    }
  }

  /**
   * A cast dropped where it cannot change what the value compares equal to, else kept with its
   * type as written (modifier too): `'abcd'::varchar(3)` is 'abc', `1.5::integer` is 2,
   * `'ab'::char` is 'a', `'2024-01-01 12:00'::date` has no time.
   */
  private cast(inner: Value, written: string, equality: boolean): Value {
    const array = written.endsWith('[]');
    const modifier = /\(([^)]*)\)/.exec(written)?.[1]?.split(',').map(Number);
    const type = written.replace(/\(.*?\)/g, '');
    const kept: Value = { kind: 'cast', value: inner, type: written };
    if (array) return inner.kind === 'array' && modifier === undefined ? inner : kept;
    if (inner.kind === 'null' || (inner.kind === 'boolean' && type === 'boolean')) return inner;
    if ((inner.kind === 'string' || inner.kind === 'number') && (INTEGER_TYPES.has(type) || EXACT_TYPES.has(type) || FLOAT_TYPES.has(type))) {
      const n = canonicalNumber(inner.value);
      if (n === undefined) return inner.kind === 'string' && modifier === undefined ? inner : kept;
      const exponent = Number(n.slice(n.indexOf('e') + 1));
      if (FLOAT_TYPES.has(type)) return modifier === undefined ? number(n, true) : kept;
      // An integer type rounds a fraction away; numeric(p, s) rounds to s digits.
      const scale = INTEGER_TYPES.has(type) ? (modifier === undefined ? 0 : -1) : modifier === undefined ? Infinity : (modifier[1] ?? 0);
      return exponent >= -scale ? number(n, exponent < 0) : kept;
    }
    if (inner.kind === 'string') return this.textCast(inner, type, modifier) ? inner : kept;
    if (inner.kind === 'column' && TEXT_TYPES.has(type) && modifier === undefined) {
      const text = this.context.textColumn?.(inner.name);
      if (text === true || (text === undefined && equality)) return inner;
    }
    return kept;
  }

  /** Whether a text literal's cast leaves what it compares equal to as it is. */
  private textCast(literal: { readonly value: string }, type: string, modifier: readonly number[] | undefined): boolean {
    const length = [...literal.value].length;
    // char(n) (char alone is char(1)) pads with spaces and compares without trailing ones.
    if (type === 'char' || type === 'character' || type === 'bpchar') return !/ $/.test(literal.value) && length <= (modifier?.[0] ?? (type === 'bpchar' ? Infinity : 1));
    if (VALUE_CHANGING.has(type)) return false;
    if (type === 'varchar' || type === 'character varying') return length <= (modifier?.[0] ?? Infinity);
    // Enums, domains, text, uuid and the like: the literal is the value.
    return modifier === undefined;
  }

  /** `other` compared with `column`: a number's point counts only against a column that may hold text (SQLite). */
  private untyped(column: Value, other: Value): Value {
    return other.kind === 'number' && other.real && column.kind === 'column' && this.context.textColumn?.(column.name) === false ? number(other.value, false) : other;
  }

  predicate(p: Predicate, negate: boolean): Predicate {
    switch (p.kind) {
      case 'and':
      case 'or': {
        const kind = negate ? (p.kind === 'and' ? 'or' : 'and') : p.kind;
        return combine(kind, p.items.map((i) => this.predicate(i, negate)));
      }
      case 'not':
        return this.predicate(p.item, !negate);
      case 'compare': {
        const op = negate ? NEGATED[p.op] : p.op;
        const equality = op === '=' || op === '<>';
        const [left, right] = [this.value(p.left, equality), this.value(p.right, equality)];
        return compare(op, this.untyped(right, left), this.untyped(left, right));
      }
      case 'like':
        return { kind: 'like', op: p.op, negated: p.negated !== negate, left: this.value(p.left, true), right: this.value(p.right, true) };
      case 'null':
        return { kind: 'null', negated: p.negated !== negate, value: this.value(p.value, true) };
      case 'in': {
        const value = this.value(p.value, true);
        return inSet(p.negated !== negate, value, p.items.map((i) => this.untyped(value, this.value(i, true))));
      }
      case 'operator': {
        const atom: Predicate = { kind: 'operator', op: p.op, left: this.value(p.left, false), right: this.value(p.right, false) };
        return negate ? { kind: 'not', item: atom } : atom;
      }
      case 'truth': {
        const atom: Predicate = { kind: 'truth', value: this.value(p.value, false) };
        return negate ? { kind: 'not', item: atom } : atom;
      }
    }
  }
}

/** A comparison with its literal on the right (or its two sides in canonical order). */
function compare(op: CompareOp, left: Value, right: Value): Predicate {
  const swap = isLiteral(left) ? !isLiteral(right) : !isLiteral(right) && printValue(left) > printValue(right);
  return swap ? { kind: 'compare', op: FLIPPED[op], left: right, right: left } : { kind: 'compare', op, left, right };
}

function inSet(negated: boolean, value: Value, items: readonly Value[]): Predicate {
  const unique = [...new Map(items.map((i) => [printValue(i), i] as const)).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, i]) => i);
  if (unique.length === 1) return compare(negated ? '<>' : '=', value, unique[0]!);
  return { kind: 'in', negated, value, items: unique };
}

/** AND or OR of the items, flattened, equalities on one value merged into a set, as a sorted set. */
function combine(kind: 'and' | 'or', items: readonly Predicate[]): Predicate {
  const flat = items.flatMap((i) => (i.kind === kind ? i.items : [i]));
  // OR of `x = a` / `x IN (…)` is one IN; AND of `x <> a` / `x NOT IN (…)` is one NOT IN.
  const negated = kind === 'and';
  const sets = new Map<string, { value: Value; items: Value[] }>();
  const rest: Predicate[] = [];
  for (const i of flat) {
    const member =
      i.kind === 'compare' && i.op === (negated ? '<>' : '=') && isLiteral(i.right) ? { value: i.left, items: [i.right] } : i.kind === 'in' && i.negated === negated ? { value: i.value, items: [...i.items] } : undefined;
    if (!member) {
      rest.push(i);
      continue;
    }
    const key = printValue(member.value);
    const known = sets.get(key);
    if (known) known.items.push(...member.items);
    else sets.set(key, member);
  }
  for (const { value, items: values } of sets.values()) rest.push(inSet(negated, value, values));
  const unique = [...new Map(rest.map((i) => [print(i), i] as const)).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, i]) => i);
  return unique.length === 1 ? unique[0]! : { kind, items: unique };
}

function printValue(v: Value): string {
  switch (v.kind) {
    case 'column':
      return JSON.stringify(v.name);
    case 'string':
      return `'${v.value.replace(/'/g, "''")}'`;
    case 'number':
      return `#${v.value}${v.real ? 'r' : ''}`;
    case 'boolean':
      return String(v.value);
    case 'null':
      return 'null';
    case 'cast':
      return `cast(${printValue(v.value)} as ${v.type})`;
    case 'call':
      return `${JSON.stringify(v.name)}(${v.args.map(printValue).join(', ')})`;
    case 'array':
      return `array[${v.items.map(printValue).join(', ')}]`;
    case 'arith':
      return `(${printValue(v.left)} ${v.op} ${printValue(v.right)})`;
    case 'negate':
      return `-(${printValue(v.value)})`;
  }
}

function print(p: Predicate): string {
  switch (p.kind) {
    case 'and':
    case 'or':
      return `(${p.items.map(print).join(` ${p.kind} `)})`;
    case 'not':
      return `not ${print(p.item)}`;
    case 'compare':
    case 'operator':
      return `(${printValue(p.left)} ${p.op} ${printValue(p.right)})`;
    case 'like':
      return `(${printValue(p.left)} ${p.negated ? 'not ' : ''}${p.op} ${printValue(p.right)})`;
    case 'null':
      return `(${printValue(p.value)} is ${p.negated ? 'not ' : ''}null)`;
    case 'in':
      return `(${printValue(p.value)} ${p.negated ? 'not ' : ''}in (${p.items.map(printValue).join(', ')}))`;
    case 'truth':
      return `truth(${printValue(p.value)})`;
  }
}

/** The predicate in its normal form, printed; undefined when oto cannot read it. */
export function canonicalPredicate(text: string, context: PredicateContext = {}): string | undefined {
  const parsed = parsePredicate(text);
  return parsed ? print(new Normalizer(context).predicate(parsed, false)) : undefined;
}

/** Whether the two predicates keep the same rows, as far as their normal forms show. */
export function samePredicate(a: string, b: string, context: PredicateContext = {}): boolean {
  const left = canonicalPredicate(a, context);
  const right = canonicalPredicate(b, context);
  if (left === undefined || right === undefined) return a.trim() === b.trim();
  return left === right;
}
