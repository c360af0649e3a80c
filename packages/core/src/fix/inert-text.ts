/**
 * A name (or a text made of names) as it may be shown inside a generated file's comment or a
 * message string: every character that could end a line for some reader is written as a visible
 * escape instead. PostgreSQL and psql end a `--` comment at `\r` as well as `\n` (MySQL and SQLite at
 * `\n`), TypeScript ends a `//` comment at U+2028/U+2029 too, terminals and editors break lines at
 * `\v`, `\f` and U+0085, and bidi controls (U+202E, …) make a line read differently than it runs.
 * The escapes keep the text readable (`x\rCREATE …` shows as `x\rCREATE …`) and on one line; tabs
 * and every other character stay as they are, so applying it twice changes nothing more.
 */

const NAMED: Readonly<Record<string, string>> = { '\0': '\\0', '\n': '\\n', '\r': '\\r', '\v': '\\v', '\f': '\\f' };

/**
 * C0 controls but tab, DEL, C1 controls (U+0085 among them), the line and paragraph separators,
 * the bidi marks, embeddings, overrides and isolates, and lone surrogates (no valid UTF-8).
 */
const UNSAFE = /[\0-\x08\n-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escape(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text on one line, every line terminator and bidi control shown as an escape. */
export function inertText(text: string): string {
  return text.replace(UNSAFE, escape);
}
