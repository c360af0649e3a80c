/**
 * Secrets out of everything oto shows. `redactUrl` masks one connection URL: the userinfo
 * password, every credential-bearing query parameter (and the whole query string when it cannot be
 * read as `name=value` pairs), the fragment; a URL that does not parse has everything between
 * `://` and its last `@` masked. `redactSecrets` does the same for every URL inside free text (an
 * error message, a user module's rejection) and masks `password=…`-style pairs too. Pure; every
 * place that prints a URL, a database label or a message from the user's code goes through here.
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

/** The query string (without `?`), its secret values masked; all of it when a part is unreadable. */
function redactQuery(query: string): string {
  let unsure = false;
  const redacted = query.replace(/[^&;]+/g, (part) => {
    const eq = part.indexOf('=');
    const name = eq > 0 ? decode(part.slice(0, eq)) : undefined;
    const value = eq > 0 ? decode(part.slice(eq + 1)) : undefined;
    if (name === undefined || value === undefined || !PARAM_NAME.test(name)) {
      unsure = true;
      return part;
    }
    const secret = SECRET_PARAM.test(name) || value.includes('@') || redactSecrets(value) !== value;
    return secret ? `${part.slice(0, eq)}=${MASK}` : part;
  });
  return unsure ? MASK : redacted;
}

/** Host, path, query and fragment: the query's secrets and the whole fragment masked. */
function redactTail(tail: string): string {
  const hash = tail.indexOf('#');
  const fragment = hash < 0 ? '' : hash === tail.length - 1 ? '#' : `#${MASK}`;
  const rest = hash < 0 ? tail : tail.slice(0, hash);
  const question = rest.indexOf('?');
  return question < 0 ? rest + fragment : `${rest.slice(0, question + 1)}${redactQuery(rest.slice(question + 1))}${fragment}`;
}

function parses(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * One URL as it may be shown: `postgresql://oto:***@127.0.0.1:5432/oto?sslmode=require&password=***`.
 * Anything else of the text is kept as written (no normalisation), so the user recognises it.
 */
export function redactUrl(url: string): string {
  // `jdbc:postgresql://…`: every scheme before the `//`; else `sqlite:…`, `pglite:…`, `file:…`.
  const scheme = /^(?:[a-z][a-z0-9+.-]*:)+(?=\/\/)/i.exec(url)?.[0] ?? /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? '';
  const rest = url.slice(scheme.length);
  if (!rest.startsWith('//')) return scheme + redactTail(rest);
  const authority = rest.slice(2);
  const parsed = parses(url);
  // As the URL parser reads it, the userinfo ends at the last `@` before the first `/`, `?` or `#`;
  // in a URL that does not parse (`oto:Sl/ashPw@…`, `oto:My Pw@[bad`), at its very last `@`.
  const end = parsed ? authority.search(/[/?#]/) : -1;
  const at = end === 0 ? -1 : authority.lastIndexOf('@', end < 0 ? authority.length : end - 1);
  if (at < 0) return `${scheme}//${redactTail(authority)}`;
  const userinfo = authority.slice(0, at);
  const colon = userinfo.indexOf(':');
  const shown = !parsed ? MASK : colon < 0 || colon === userinfo.length - 1 ? userinfo : `${userinfo.slice(0, colon + 1)}${MASK}`;
  return `${scheme}//${shown}@${redactTail(authority.slice(at + 1))}`;
}

/** Where a URL in free text starts: `scheme://`, or a database scheme that takes a path. */
const URL_START = /(?<![\w+.-])(?:[a-z][a-z0-9+.-]*:)+\/\/|(?<![\w+.-])(?:sqlite|pglite|file|libsql|jdbc:[a-z0-9]+):/gi;
/** Where a URL in free text ends. */
const URL_END = /[\s"'`<>]/;

/** `name=value` / `"name": "value"` pairs whose name says they hold a credential. */
const SECRET_NAME = String.raw`[\w.-]*(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|private[_-]?key|sslkey)[\w.-]*|pass`;
const SECRET_ASSIGNMENT = new RegExp(String.raw`(?<![\w.-])(${SECRET_NAME})(\s*=\s*)('[^']*'|"[^"]*"|[^\s&;,'"]+)`, 'gi');
const SECRET_PROPERTY = new RegExp(String.raw`(["']?)(?<![\w.-])(${SECRET_NAME})\1(\s*:\s*)('[^']*'|"[^"]*")`, 'gi');

/** The end of the URL starting at `start` in `text`. */
function urlEnd(text: string, start: number, scheme: string): number {
  const after = text.slice(start);
  const first = after.search(URL_END);
  const end = first < 0 ? text.length : start + first;
  // A password with a space (`mysql://oto:My Pw@host/db`): the userinfo goes on to an `@` on the
  // same line, when what precedes the space reads as `user:password` (not `host:port`).
  const authority = text.slice(start + scheme.length, end);
  const userinfo = /^[^/?#@\s]*:([^/?#@\s]*)$/.exec(authority);
  if (!scheme.endsWith('//') || !userinfo || /^\d*$/.test(userinfo[1]!)) return end;
  const line = text.slice(end, (text.indexOf('\n', end) + 1 || text.length + 1) - 1);
  const nextUrl = line.search(/:\/\//);
  const at = (nextUrl < 0 ? line : line.slice(0, nextUrl)).lastIndexOf('@');
  if (at < 0) return end;
  const tail = text.slice(end + at + 1).search(URL_END);
  return tail < 0 ? text.length : end + at + 1 + tail;
}

/** Free text with every URL in it redacted (`redactUrl`) and every `password=…` pair masked. */
export function redactSecrets(text: string): string {
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
