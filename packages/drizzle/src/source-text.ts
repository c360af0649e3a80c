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

/**
 * The line of a relation field (`profile: one(…)`) inside the `relations()` declared at `owner`:
 * the first such key from the declaration's line on; the declaration's own origin if not found.
 */
export function locateRelationField(
  owner: Origin | undefined,
  field: string,
  files: ReadonlyMap<string, string> | undefined,
): Origin | undefined {
  if (!owner) return undefined;
  const text = files?.get(owner.file);
  if (!text || !owner.line) return owner;
  const escaped = field.replace(/[$]/g, '\\$');
  const key = new RegExp(`^\\s*(?:${escaped}|["']${escaped}["'])\\s*:`);
  const lines = text.split('\n');
  for (let i = owner.line - 1; i < lines.length; i++) {
    if (i > owner.line - 1 && EXPORT.test(lines[i] ?? '')) break;
    if (key.test(lines[i] ?? '')) return { file: owner.file, line: i + 1 };
  }
  return owner;
}
