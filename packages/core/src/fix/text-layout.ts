/**
 * A file's layout around an edit: the editors work on plain text (no byte order mark, `\n` line
 * breaks), and the edited text goes back into the file's own layout: its BOM kept, every line the
 * edit left keeping its own line ending, and a line the edit added or changed taking the file's
 * usual one (CRLF in a CRLF file), so that a mixed file stays exactly as mixed as it was.
 */
import type * as Diff from 'diff';

const BOM = '\uFEFF';

/** The text an editor works on: without a BOM, CRLF line breaks as `\n` (a lone `\r` is left as text). */
export function toEditable(text: string): string {
  return (text.startsWith(BOM) ? text.slice(1) : text).replace(/\r\n/g, '\n');
}

interface Lines {
  readonly lines: readonly string[];
  /** The ending of each line: `\r\n`, `\n`, or '' for the last one. */
  readonly endings: readonly string[];
}

function splitLines(body: string): Lines {
  const pieces = body.split('\n');
  const last = pieces.length - 1;
  const crlf = (i: number) => i < last && pieces[i]!.endsWith('\r');
  return {
    lines: pieces.map((p, i) => (crlf(i) ? p.slice(0, -1) : p)),
    endings: pieces.map((_, i) => (i === last ? '' : crlf(i) ? '\r\n' : '\n')),
  };
}

const commonPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
};

/**
 * The endings of the lines an edit added in place of `removed` lines: a changed line (the removed
 * line it shares the longest start with, in order) keeps that line's ending; a new one takes `usual`.
 */
function changedEndings(removed: readonly string[], removedEndings: readonly string[], added: readonly string[], usual: string): string[] {
  const endings = added.map(() => usual);
  let from = 0;
  removed.forEach((line, r) => {
    let best = -1;
    let length = 0;
    for (let j = from; j < added.length; j += 1) {
      const shared = commonPrefix(line, added[j]!);
      if (shared > length) [best, length] = [j, shared];
    }
    if (best < 0) return;
    endings[best] = removedEndings[r] || usual;
    from = best + 1;
  });
  return endings;
}

/** `edited` (editable text) in the layout of `original` (the file's text as read). */
export function restoreLayout(original: string, edited: string): string {
  const bom = original.startsWith(BOM) ? BOM : '';
  const before = splitLines(bom ? original.slice(1) : original);
  const crlf = before.endings.filter((e) => e === '\r\n').length;
  if (crlf === 0) return bom + edited;
  const usual = crlf >= before.endings.filter((e) => e === '\n').length ? '\r\n' : '\n';
  const after = edited.split('\n');
  const endings: string[] = [];
  let i = 0;
  let removed: { lines: string[]; endings: string[] } = { lines: [], endings: [] };
  let added: string[] = [];
  const flush = () => {
    endings.push(...changedEndings(removed.lines, removed.endings, added, usual));
    removed = { lines: [], endings: [] };
    added = [];
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { diffArrays } = require('diff') as typeof Diff;
  for (const part of diffArrays([...before.lines], after)) {
    if (part.removed) {
      removed.lines.push(...part.value);
      removed.endings.push(...before.endings.slice(i, i + part.value.length));
      i += part.value.length;
    } else if (part.added) added.push(...part.value);
    else {
      flush();
      endings.push(...part.value.map((_, k) => before.endings[i + k] || usual));
      i += part.value.length;
    }
  }
  flush();
  return bom + after.map((line, j) => line + (j === after.length - 1 ? '' : (endings[j] ?? usual))).join('');
}
