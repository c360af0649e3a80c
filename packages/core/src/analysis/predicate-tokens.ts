/**
 * The tokens of a partial index's predicate: words (keywords and bare identifiers, lower-cased in
 * ASCII), quoted identifiers ("…", `…`, […]), strings ('…' and E'…', unescaped), numbers and
 * operators; comments and whitespace dropped. Pure; undefined for a text it cannot split, or that
 * PostgreSQL and SQLite would split differently (a nested block comment, a \r in a line comment).
 */

export type Token =
  | { readonly t: 'word'; readonly v: string }
  | { readonly t: 'ident'; readonly v: string }
  | { readonly t: 'string'; readonly v: string }
  | { readonly t: 'number'; readonly v: string }
  | { readonly t: 'punct'; readonly v: string };

const PUNCT = ['!~~*', '!~~', '~~*', '<>', '!=', '<=', '>=', '==', '::', '||', '~~', '!~*', '!~', '~*', '@>', '<@', '&&', '=', '<', '>', '(', ')', ',', '.', '[', ']', '+', '-', '*', '/', '%', '~'];

function closing(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== quote) continue;
    if (text[i + 1] === quote) {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

function escaped(body: string): string | undefined {
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '\\': '\\', "'": "'" };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === "'" && body[i + 1] === "'") {
      out += "'";
      i++;
    } else if (c === '\\') {
      const next = body[++i];
      if (next === undefined || !(next in map)) return undefined;
      out += map[next];
    } else out += c;
  }
  return out;
}

/** SQL's white space: ASCII only (PostgreSQL reads U+00A0 and the like as part of a name). */
const SPACE = /[ \t\n\r\f\v]/;

export function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (SPACE.test(c)) i++;
    else if (text.startsWith('--', i)) {
      // PostgreSQL ends a line comment at \r too, SQLite at \n only: a \r in one reads two ways.
      const end = text.includes('\n', i) ? text.indexOf('\n', i) : text.length;
      if (text.slice(i, end).includes('\r')) return undefined;
      i = end;
    } else if (text.startsWith('/*', i)) {
      // PostgreSQL nests block comments, SQLite does not: one that opens another reads two ways.
      const end = text.indexOf('*/', i + 2);
      if (end < 0 || text.slice(i + 2, end).includes('/*')) return undefined;
      i = end + 2;
    } else if ((c === 'E' || c === 'e') && text[i + 1] === "'") {
      let end = i + 2;
      while (end < text.length && !(text[end] === "'" && text[end + 1] !== "'")) end += text[end] === '\\' || text[end] === "'" ? 2 : 1;
      if (end >= text.length) return undefined;
      const value = escaped(text.slice(i + 2, end));
      if (value === undefined) return undefined;
      tokens.push({ t: 'string', v: value });
      i = end + 1;
    } else if (c === "'" || c === '"' || c === '`') {
      const end = closing(text, i + 1, c);
      if (end < 0) return undefined;
      const body = text.slice(i + 1, end).split(c + c).join(c);
      tokens.push(c === "'" ? { t: 'string', v: body } : { t: 'ident', v: body });
      i = end + 1;
    } else if (c === '[' && text[i + 1] !== ']' && !(tokens.at(-1)?.t === 'word' && tokens.at(-1)?.v === 'array')) {
      const end = text.indexOf(']', i + 1);
      if (end < 0) return undefined;
      tokens.push({ t: 'ident', v: text.slice(i + 1, end) });
      i = end + 1;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i))!;
      tokens.push({ t: 'number', v: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const m = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/.exec(text.slice(i))!;
      // Unquoted names fold to lower case in ASCII only (PostgreSQL and SQLite keep `Ä` as it is).
      tokens.push({ t: 'word', v: m[0].replace(/[A-Z]+/g, (upper) => upper.toLowerCase()) });
      i += m[0].length;
    } else {
      const p = PUNCT.find((op) => text.startsWith(op, i));
      if (!p) return undefined;
      tokens.push({ t: 'punct', v: p });
      i += p.length;
    }
  }
  return tokens;
}
