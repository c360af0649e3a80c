/**
 * Where things are declared in schema sources, read from their text (the loaded values do not
 * know their file or line). Pure.
 */
import type { Origin } from '@oto/core';
import { declarationLines } from '@oto/core';

const EXPORT = /^\s*export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)\b/;

/** The 1-based line of each `export const NAME` in a module's text. */
export function exportedDeclarations(text: string): Map<string, number> {
  return declarationLines(text, EXPORT);
}

/** The lines of the declaration that starts at `origin` (up to the next `export const`), 0-based from `start`. */
function declarationBlock(origin: Origin | undefined, files: ReadonlyMap<string, string> | undefined): { lines: string[]; start: number } | undefined {
  const text = origin?.line ? files?.get(origin.file) : undefined;
  if (!text || !origin?.line) return undefined;
  const all = text.split('\n');
  const start = origin.line - 1;
  let end = start + 1;
  while (end < all.length && !EXPORT.test(all[end] ?? '')) end++;
  return { lines: all.slice(start, end), start };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What oto knows of a table to locate its parts: each column by its key in the columns object. */
export interface TableParts {
  /** Column database name → its key in the table's columns object. */
  readonly keyOf: (column: string) => string;
}

/** A key or foreign key as the text may spell it: its name, and its columns by database name. */
interface KeyText {
  readonly name?: string;
  readonly columns: readonly string[];
}

/** The column keys a `[t.a, table.b]` list names, sorted. */
function listedKeys(list: string | undefined): string | undefined {
  return list
    ?.split(',')
    .map((a) => /\.([\w$]+)\s*$/.exec(a.trim())?.[1] ?? '')
    .filter((k) => k.length > 0)
    .sort()
    .join(',');
}

/**
 * The lines of a table's columns (`userId: integer(…)`), uniques (`.unique()`, `unique(…).on(…)`,
 * `uniqueIndex(…).on(…)`) and foreign keys (`.references(…)`, `foreignKey({ … })`) in the
 * declaration at `origin`: a unique by its name when the text spells it, else by the columns its
 * `.on(…)` names, else the `.unique()` chained on its one column; a foreign key likewise by the
 * `name` or `columns` of its `foreignKey({ … })`, else the `.references(…)` chained on its one column.
 */
export function locateTableParts(
  origin: Origin | undefined,
  files: ReadonlyMap<string, string> | undefined,
  parts: TableParts,
): { column(name: string): Origin | undefined; unique(unique: KeyText): Origin | undefined; foreignKey(foreignKey: KeyText): Origin | undefined } {
  const block = declarationBlock(origin, files);
  const file = origin?.file ?? '';
  const at = (i: number) => ({ file, line: (block?.start ?? 0) + i + 1 });
  const keyLine = (key: string) => {
    const re = new RegExp(`^\\s*(?:${escape(key)}|["']${escape(key)}["'])\\s*:`);
    return block ? block.lines.findIndex((l, i) => i > 0 && re.test(l)) : -1;
  };
  const keyLines = (): number[] => (block ? block.lines.flatMap((l, i) => (i > 0 && /^\s*(?:[\w$]+|["'][^"']+["'])\s*:/.test(l) ? [i] : [])) : []);
  // The first line matching `method` among the lines of the one column `key` (up to the next key).
  const chainedOn = (key: string, method: RegExp): number => {
    const from = keyLine(key);
    if (!block || from < 0) return -1;
    const next = keyLines().find((i) => i > from) ?? block.lines.length;
    const found = block.lines.slice(from, next).findIndex((l) => method.test(l));
    return found >= 0 ? from + found : -1;
  };
  return {
    column(name) {
      const i = keyLine(parts.keyOf(name));
      return i >= 0 ? at(i) : undefined;
    },
    unique({ name, columns }) {
      if (!block) return undefined;
      const lines = block.lines;
      if (name) {
        const quoted = new RegExp(`\\bunique(?:Index)?\\s*\\(\\s*["'\`]${escape(name)}["'\`]`);
        const i = lines.findIndex((l) => quoted.test(l));
        if (i >= 0) return at(i);
      }
      const keys = columns.map(parts.keyOf);
      const opener = /\bunique(?:Index)?\s*\(/;
      const wanted = [...keys].sort().join(',');
      const onAll = lines.findIndex((l, i) => {
        if (!opener.test(l) || /\.unique\s*\(/.test(l)) return false;
        // The columns of the first .on(…) after this unique(…) / uniqueIndex(…), exactly.
        const text = lines.slice(i, i + 3).join(' ');
        const args = /\.on\s*\(([^)]*)\)/.exec(text.slice(text.search(opener)))?.[1];
        const named = args?.split(',').map((a) => /\.([\w$]+)\s*$/.exec(a.trim())?.[1] ?? '').sort().join(',');
        return named === wanted;
      });
      if (onAll >= 0) return at(onAll);
      if (keys.length !== 1) return undefined;
      const chained = chainedOn(keys[0] ?? '', /\.unique\s*\(/);
      return chained >= 0 ? at(chained) : undefined;
    },
    foreignKey({ name, columns }) {
      if (!block) return undefined;
      const lines = block.lines;
      const opener = /\bforeignKey\s*\(/;
      // The text of each foreignKey({ … }) call: from its opening line over the few after it, up to the next such call.
      const calls = lines.flatMap((l, i) => {
        if (!opener.test(l)) return [];
        const text = lines.slice(i, i + 6).join(' ').slice(l.search(opener));
        const next = text.slice(1).search(opener);
        return [{ i, text: next < 0 ? text : text.slice(0, next + 1) }];
      });
      if (name) {
        const named = new RegExp(`\\bname\\s*:\\s*["'\`]${escape(name)}["'\`]`);
        const byName = calls.find((c) => named.test(c.text));
        if (byName) return at(byName.i);
      }
      const wanted = columns.map(parts.keyOf).sort().join(',');
      const byColumns = calls.find((c) => listedKeys(/\bcolumns\s*:\s*\[([^\]]*)\]/.exec(c.text)?.[1]) === wanted);
      if (byColumns) return at(byColumns.i);
      if (columns.length !== 1) return undefined;
      const chained = chainedOn(parts.keyOf(columns[0] ?? ''), /\.references\s*\(/);
      return chained >= 0 ? at(chained) : undefined;
    },
  };
}
