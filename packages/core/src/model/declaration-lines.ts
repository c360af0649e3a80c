/**
 * The 1-based line where each name is first declared in a source text, `pattern` capturing the
 * name in group 1 (`export const NAME`, `class NAME`): adapters locate what the loaded values
 * cannot tell them. Pure.
 */
export function declarationLines(text: string, pattern: RegExp): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    const name = pattern.exec(line)?.[1];
    if (name && !lines.has(name)) lines.set(name, i + 1);
  });
  return lines;
}
