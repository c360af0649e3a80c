/**
 * A partial index's predicate (`WHERE …`) read into a small syntax tree: the boolean expressions
 * PostgreSQL's `pg_get_expr`, SQLite's stored index SQL, drizzle-kit and oto itself write. Pure.
 *
 * It reads identifiers (bare, "quoted", `backticked`, [bracketed], qualified), literals (strings,
 * E'…' strings, numbers, TRUE/FALSE/NULL), casts (`x::type`, `CAST(x AS type)`), function calls,
 * arithmetic, comparisons, [NOT] LIKE/ILIKE (and PostgreSQL's `~~` spellings), IS [NOT] NULL,
 * ISNULL/NOTNULL, [NOT] IN (…), `= ANY (ARRAY[…])`, `<> ALL (ARRAY[…])`, [NOT] BETWEEN, NOT, AND,
 * OR and parentheses. Anything else makes `parsePredicate` return undefined: the caller then
 * compares texts, never guesses.
 */
import type { CompareOp, Predicate, Value } from './predicate-tree';
import type { Token } from './predicate-tokens';
import { tokenize } from './predicate-tokens';

export type { CompareOp, Predicate, Value } from './predicate-tree';

const RESERVED = new Set(['and', 'or', 'not', 'is', 'null', 'in', 'like', 'ilike', 'between', 'true', 'false', 'array', 'any', 'all', 'some', 'cast', 'as', 'isnull', 'notnull', 'escape', 'collate', 'distinct', 'from', 'glob', 'regexp', 'match']);
/** Words that continue a multi-word type name: `character varying`, `timestamp with time zone`. */
const TYPE_WORDS = new Set(['varying', 'precision', 'with', 'without', 'time', 'zone']);
const COMPARE: Readonly<Record<string, CompareOp>> = { '=': '=', '==': '=', '<>': '<>', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const LIKE: Readonly<Record<string, { op: 'like' | 'ilike'; negated: boolean }>> = {
  '~~': { op: 'like', negated: false },
  '!~~': { op: 'like', negated: true },
  '~~*': { op: 'ilike', negated: false },
  '!~~*': { op: 'ilike', negated: true },
};
const OTHER_OPERATORS = new Set(['~', '~*', '!~', '!~*', '@>', '<@', '&&']);

class Unreadable extends Error {}

class Parser {
  private at = 0;
  /** Whether the value being read multiplies (`*`, `/`, `%`) outside parentheses. */
  private multiplied = false;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }
  private isWord(v: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t?.t === 'word' && t.v === v;
  }
  private isPunct(v: string): boolean {
    const t = this.peek();
    return t?.t === 'punct' && t.v === v;
  }
  private eat(t: Token['t'], v?: string): Token {
    const token = this.peek();
    if (!token || token.t !== t || (v !== undefined && token.v !== v)) throw new Unreadable();
    this.at++;
    return token;
  }
  private eatWord(v: string): boolean {
    if (!this.isWord(v)) return false;
    this.at++;
    return true;
  }
  private eatPunct(v: string): boolean {
    if (!this.isPunct(v)) return false;
    this.at++;
    return true;
  }

  whole(): Predicate {
    const p = this.or();
    if (this.at !== this.tokens.length) throw new Unreadable();
    return p;
  }

  private or(): Predicate {
    const items = [this.and()];
    while (this.eatWord('or')) items.push(this.and());
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }
  private and(): Predicate {
    const items = [this.not()];
    while (this.eatWord('and')) items.push(this.not());
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }
  private not(): Predicate {
    if (this.eatWord('not')) return { kind: 'not', item: this.not() };
    return this.condition();
  }

  private condition(): Predicate {
    // A parenthesised condition; `(a) = 1` is a parenthesised value, tried if the condition is not one.
    if (this.isPunct('(')) {
      const start = this.at;
      try {
        this.at++;
        const inner = this.or();
        this.eat('punct', ')');
        if (this.conditionEnds()) return inner;
      } catch (error) {
        if (!(error instanceof Unreadable)) throw error;
      }
      this.at = start;
    }
    const left = this.value();
    const t = this.peek();
    if (t?.t === 'punct' && t.v in COMPARE) {
      this.at++;
      const op = COMPARE[t.v]!;
      if (this.isWord('any') || this.isWord('some') || this.isWord('all')) {
        const quantifier = this.eat('word').v;
        this.eat('punct', '(');
        const array = this.value();
        this.eat('punct', ')');
        if (array.kind !== 'array' && !(array.kind === 'cast' && array.value.kind === 'array')) throw new Unreadable();
        const items = array.kind === 'array' ? array.items : (array.value as { items: readonly Value[] }).items;
        if (op === '=' && quantifier !== 'all') return { kind: 'in', negated: false, value: left, items };
        if (op === '<>' && quantifier === 'all') return { kind: 'in', negated: true, value: left, items };
        throw new Unreadable();
      }
      return { kind: 'compare', op, left, right: this.value() };
    }
    if (t?.t === 'punct' && t.v in LIKE) {
      this.at++;
      return { kind: 'like', ...LIKE[t.v]!, left, right: this.value() };
    }
    if (t?.t === 'punct' && OTHER_OPERATORS.has(t.v)) {
      this.at++;
      return { kind: 'operator', op: t.v, left, right: this.value() };
    }
    if (this.eatWord('isnull')) return { kind: 'null', negated: false, value: left };
    if (this.eatWord('notnull')) return { kind: 'null', negated: true, value: left };
    if (this.eatWord('is')) {
      const negated = this.eatWord('not');
      this.eat('word', 'null');
      return { kind: 'null', negated, value: left };
    }
    const negated = this.isWord('not') && (this.isWord('in', 1) || this.isWord('like', 1) || this.isWord('ilike', 1) || this.isWord('between', 1));
    if (negated) this.at++;
    if (this.eatWord('in')) {
      this.eat('punct', '(');
      const items = [this.value()];
      while (this.eatPunct(',')) items.push(this.value());
      this.eat('punct', ')');
      return { kind: 'in', negated, value: left, items };
    }
    if (this.isWord('like') || this.isWord('ilike')) {
      const op = this.eat('word').v as 'like' | 'ilike';
      return { kind: 'like', op, negated, left, right: this.value() };
    }
    if (this.eatWord('between')) {
      const low = this.value();
      this.eat('word', 'and');
      const high = this.value();
      const range: Predicate = { kind: 'and', items: [{ kind: 'compare', op: '>=', left, right: low }, { kind: 'compare', op: '<=', left, right: high }] };
      return negated ? { kind: 'not', item: range } : range;
    }
    if (negated) throw new Unreadable();
    return { kind: 'truth', value: left };
  }

  /** After a parenthesised condition: the end, `)`, AND or OR (not an operator that makes it a value). */
  private conditionEnds(): boolean {
    const t = this.peek();
    return !t || (t.t === 'punct' && t.v === ')') || (t.t === 'word' && (t.v === 'and' || t.v === 'or'));
  }

  /** A value: terms joined by `+`, `-` and `||`; not read where `||` meets `+ - * / %` unparenthesised (PostgreSQL binds it below them, SQLite above). */
  private value(): Value {
    const outer = this.multiplied;
    this.multiplied = false;
    let left = this.term();
    const ops = new Set<string>();
    for (let t = this.peek(); t?.t === 'punct' && ['+', '-', '||'].includes(t.v); t = this.peek()) {
      this.at++;
      ops.add(t.v);
      left = { kind: 'arith', op: t.v, left, right: this.term() };
    }
    if (ops.has('||') && (ops.size > 1 || this.multiplied)) throw new Unreadable();
    this.multiplied = outer;
    return left;
  }
  private term(): Value {
    let left = this.unary();
    for (let t = this.peek(); t?.t === 'punct' && ['*', '/', '%'].includes(t.v); t = this.peek()) {
      this.at++;
      this.multiplied = true;
      left = { kind: 'arith', op: t.v, left, right: this.unary() };
    }
    return left;
  }
  private unary(): Value {
    if (this.eatPunct('-')) {
      const inner = this.unary();
      return inner.kind === 'number' ? { kind: 'number', value: inner.value.startsWith('-') ? inner.value.slice(1) : `-${inner.value}` } : { kind: 'negate', value: inner };
    }
    if (this.eatPunct('+')) return this.unary();
    let value = this.primary();
    while (this.eatPunct('::')) value = { kind: 'cast', value, type: this.typeName() };
    return value;
  }

  private typeName(): string {
    const parts = [this.name()];
    while (this.eatPunct('.')) parts.push(this.name());
    while (this.peek()?.t === 'word' && TYPE_WORDS.has(this.peek()!.v)) parts.push(this.eat('word').v);
    let type = parts.join(' ');
    if (this.eatPunct('(')) {
      const args = [this.eat('number').v];
      while (this.eatPunct(',')) args.push(this.eat('number').v);
      this.eat('punct', ')');
      type += `(${args.join(',')})`;
    }
    while (this.isPunct('[')) {
      this.at++;
      if (this.peek()?.t === 'number') this.at++;
      this.eat('punct', ']');
      type += '[]';
    }
    return type;
  }

  /** An identifier: unquoted ones fold to lower case (as PostgreSQL does), quoted ones keep theirs. */
  private name(): string {
    const t = this.peek();
    if (t?.t === 'ident') {
      this.at++;
      return t.v;
    }
    if (t?.t === 'word' && !RESERVED.has(t.v)) {
      this.at++;
      return t.v;
    }
    throw new Unreadable();
  }

  private primary(): Value {
    const t = this.peek();
    if (!t) throw new Unreadable();
    if (t.t === 'string') return this.at++, { kind: 'string', value: t.v };
    if (t.t === 'number') return this.at++, { kind: 'number', value: t.v };
    if (this.eatWord('true')) return { kind: 'boolean', value: true };
    if (this.eatWord('false')) return { kind: 'boolean', value: false };
    if (this.eatWord('null')) return { kind: 'null' };
    if (this.eatWord('array')) {
      this.eat('punct', '[');
      const items: Value[] = [];
      if (!this.isPunct(']')) {
        items.push(this.value());
        while (this.eatPunct(',')) items.push(this.value());
      }
      this.eat('punct', ']');
      return { kind: 'array', items };
    }
    if (this.isWord('cast') && this.peek(1)?.t === 'punct' && this.peek(1)?.v === '(') {
      this.at += 2;
      const value = this.value();
      this.eat('word', 'as');
      const type = this.typeName();
      this.eat('punct', ')');
      return { kind: 'cast', value, type };
    }
    if (this.eatPunct('(')) {
      const inner = this.value();
      this.eat('punct', ')');
      return inner;
    }
    // A column (its table or schema qualifiers dropped: a predicate reads one table), or a function
    // call (its schema kept: two schemas' functions differ; pg_catalog's is the one a bare name calls).
    const parts = [this.name()];
    while (this.eatPunct('.')) parts.push(this.name());
    const name = parts.at(-1)!;
    if (this.eatPunct('(')) {
      const qualified = parts.length === 1 || (parts.length === 2 && parts[0] === 'pg_catalog') ? name : JSON.stringify(parts);
      const args: Value[] = [];
      if (!this.isPunct(')')) {
        args.push(this.value());
        while (this.eatPunct(',')) args.push(this.value());
      }
      this.eat('punct', ')');
      return { kind: 'call', name: qualified, args };
    }
    return { kind: 'column', name };
  }
}

/** The predicate's syntax tree, or undefined when it holds something oto does not read. */
export function parsePredicate(text: string): Predicate | undefined {
  const tokens = tokenize(text);
  if (!tokens || tokens.length === 0) return undefined;
  try {
    return new Parser(tokens).whole();
  } catch (error) {
    if (error instanceof Unreadable) return undefined;
    throw error;
  }
}
