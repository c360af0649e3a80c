/**
 * Secrets out of everything oto shows. `redactUrl` masks one connection URL: the userinfo
 * password, every credential-bearing query parameter (and the whole query string when it cannot be
 * read as `name=value` pairs), the fragment; a URL that does not parse has everything between
 * `://` and its last `@` masked. `redactSecrets` does the same for every URL inside free text (an
 * error message, a user module's rejection) and masks `password=…`-style pairs too, and any value
 * `secretsOf` a given URL (a driver may echo one alone). Pure; every place that prints a URL, a
 * database label or a message from the user's code goes through here. A file oto writes names a
 * database without its URL at all (`shownDatabase`).
 */

const MASK = '***';

/** Query parameter names that carry credentials, matched case-insensitively on fragments. */
const SECRET_PARAM = /pass|pwd|secret|token|key|cert|auth|cred|sig|jwt|bearer|private|session|cookie/i;

/** A query parameter name oto can judge (decoded); anything else makes it mask the whole query. */
const PARAM_NAME = /^[\w.\-[\]]+$/;

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** A piece of a URL's text; the secret ones are masked when it is shown. */
interface Piece {
  readonly text: string;
  readonly secret?: boolean;
}

/** The query string (without `?`), its secret values marked; all of it when a part is unreadable. */
function queryPieces(query: string): Piece[] {
  const pieces: Piece[] = [];
  for (const part of query.split(/(?=[&;])/)) {
    const separator = /^[&;]/.test(part) ? part[0]! : '';
    const pair = part.slice(separator.length);
    const eq = pair.indexOf('=');
    const name = eq > 0 ? decode(pair.slice(0, eq)) : undefined;
    const value = eq > 0 ? decode(pair.slice(eq + 1)) : undefined;
    if (pair === '') {
      pieces.push({ text: part });
      continue;
    }
    if (name === undefined || value === undefined || !PARAM_NAME.test(name)) return [{ text: query, secret: true }];
    const secret = SECRET_PARAM.test(name) || value.includes('@') || redactSecrets(value) !== value;
    pieces.push({ text: `${separator}${pair.slice(0, eq + 1)}` }, { text: pair.slice(eq + 1), secret });
  }
  return pieces;
}

/** Host, path, query and fragment: the query's secrets and the whole fragment marked. */
function tailPieces(tail: string): Piece[] {
  const hash = tail.indexOf('#');
  const fragment: Piece[] = hash < 0 ? [] : [{ text: '#' }, ...(hash < tail.length - 1 ? [{ text: tail.slice(hash + 1), secret: true }] : [])];
  const rest = hash < 0 ? tail : tail.slice(0, hash);
  const question = rest.indexOf('?');
  if (question < 0) return [{ text: rest }, ...fragment];
  const query = rest.slice(question + 1);
  return [{ text: rest.slice(0, question + 1) }, ...(query ? queryPieces(query) : []), ...fragment];
}

function parses(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/** A URL cut into pieces, the secret ones marked. */
function urlPieces(url: string): Piece[] {
  // `jdbc:postgresql://…`: every scheme before the `//`; else `sqlite:…`, `pglite:…`, `file:…`.
  const scheme = /^(?:[a-z][a-z0-9+.-]*:)+(?=\/\/)/i.exec(url)?.[0] ?? /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? '';
  const rest = url.slice(scheme.length);
  if (!rest.startsWith('//')) return [{ text: scheme }, ...tailPieces(rest)];
  const authority = rest.slice(2);
  const parsed = parses(url);
  // As the URL parser reads it, the userinfo ends at the last `@` before the first `/`, `?` or `#`;
  // in a URL that does not parse (`oto:Sl/ashPw@…`, `oto:My Pw@[bad`), at its very last `@`.
  const end = parsed ? authority.search(/[/?#]/) : -1;
  const at = end === 0 ? -1 : authority.lastIndexOf('@', end < 0 ? authority.length : end - 1);
  if (at < 0) return [{ text: `${scheme}//` }, ...tailPieces(authority)];
  const userinfo = authority.slice(0, at);
  const colon = userinfo.indexOf(':');
  const user: Piece[] = !parsed
    ? [{ text: userinfo, secret: true }]
    : colon < 0 || colon === userinfo.length - 1
      ? [{ text: userinfo }]
      : [{ text: userinfo.slice(0, colon + 1) }, { text: userinfo.slice(colon + 1), secret: true }];
  return [{ text: `${scheme}//` }, ...user, { text: '@' }, ...tailPieces(authority.slice(at + 1))];
}

/**
 * One URL as it may be shown: `postgresql://oto:***@127.0.0.1:5432/oto?sslmode=require&password=***`.
 * Anything else of the text is kept as written (no normalisation), so the user recognises it.
 */
export function redactUrl(url: string): string {
  return urlPieces(url).map((p) => (p.secret && p.text ? MASK : p.text)).join('');
}

/**
 * The credentials a URL holds (its password, its secret query values, its fragment), as written
 * and decoded, so that text that echoes one on its own (a driver's `open 'S3cret'`) can be masked
 * too. Values under 4 characters are left out: masking those everywhere would garble the text.
 */
export function secretsOf(url: string): string[] {
  const values = urlPieces(url).filter((p) => p.secret).flatMap((p) => {
    const password = p.text.includes(':') ? [p.text.slice(p.text.indexOf(':') + 1)] : [];
    return [p.text, ...password].flatMap((t) => [t, decode(t) ?? t]);
  });
  return [...new Set(values)].filter((v) => v.length >= 4).sort((a, b) => b.length - a.length);
}

/** Where a URL in free text starts: `scheme://`, or a database scheme that takes a path. */
const URL_START = /(?<![\w+.-])(?:[a-z][a-z0-9+.-]*:)+\/\/|(?<![\w+.-])(?:sqlite|pglite|file|libsql|jdbc:[a-z0-9]+):/gi;
/** Where a URL in free text ends. */
const URL_END = /[\s"'`<>]/;

/** `name=value` / `"name": "value"` pairs whose name says they hold a credential. */
const SECRET_NAME = String.raw`[\w.-]*(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|private[_-]?key|sslkey)[\w.-]*|pass`;
const SECRET_ASSIGNMENT = new RegExp(String.raw`(?<![\w.-])(${SECRET_NAME})(\s*=\s*)('[^']*'|"[^"]*"|[^\s&;,'"()[\]{}]+)`, 'gi');
const SECRET_PROPERTY = new RegExp(String.raw`(["']?)(?<![\w.-])(${SECRET_NAME})\1(\s*:\s*)('[^']*'|"[^"]*")`, 'gi');

/** The end of the URL starting at `start` in `text`. */
function urlEnd(text: string, start: number, scheme: string): number {
  const end = trimmed(text, start, text.slice(start).search(URL_END));
  // A password with a space (`mysql://oto:My Pw@host/db`): the userinfo goes on to an `@` on the
  // same line, when what precedes the space reads as `user:password` (not `host:port`).
  const authority = text.slice(start + scheme.length, end);
  const userinfo = /^[^/?#@\s]*:([^/?#@\s]*)$/.exec(authority);
  if (!scheme.endsWith('//') || !userinfo || /^\d*$/.test(userinfo[1]!)) return end;
  const line = text.slice(end, (text.indexOf('\n', end) + 1 || text.length + 1) - 1);
  const nextUrl = line.search(/:\/\//);
  const at = (nextUrl < 0 ? line : line.slice(0, nextUrl)).lastIndexOf('@');
  if (at < 0) return end;
  return trimmed(text, end + at + 1, text.slice(end + at + 1).search(URL_END));
}

/**
 * Where a URL that runs to `length` characters after `start` (or to the end) ends in prose:
 * without the punctuation that closes a sentence or a bracket it is in (`(see postgres://h/db).`).
 */
function trimmed(text: string, start: number, length: number): number {
  let end = length < 0 ? text.length : start + length;
  for (;;) {
    const last = text[end - 1];
    const token = text.slice(start, end);
    const closes = (open: string, close: string) => last === close && token.split(open).length <= token.split(close).length - 1;
    if (end > start && (/[.,;:!?]/.test(last ?? '') || closes('(', ')') || closes('[', ']') || closes('{', '}'))) end--;
    else return end;
  }
}

/**
 * Free text with every URL in it redacted (`redactUrl`), every `password=…` pair masked, and each
 * of the `known` secrets (`secretsOf` the URL oto was given) wherever it appears.
 */
export function redactSecrets(text: string, known: readonly string[] = []): string {
  for (const secret of known) if (secret.length > 0) text = text.split(secret).join(MASK);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_START)) {
    const start = match.index;
    if (start < last) continue;
    const end = urlEnd(text, start, match[0]);
    out += text.slice(last, start) + redactUrl(text.slice(start, end));
    last = end;
  }
  out += text.slice(last);
  return out
    .replace(SECRET_ASSIGNMENT, (_all, name: string, eq: string) => `${name}${eq}${MASK}`)
    .replace(SECRET_PROPERTY, (_all, quote: string, name: string, colon: string, value: string) => `${quote}${name}${quote}${colon}${value[0]}${MASK}${value[0]}`);
}

/** The name `redactSecrets` had when it masked only URL passwords. */
export const redactUrls = redactSecrets;
