import type { SourceFile } from 'ts-morph';
import type { IgnoreComment } from '@oto/core';

const IGNORE = /\/\/\s*oto-ignore-next-line\s+([a-z0-9-]+)\s*(?::\s*(.*?))?\s*$/;

/** The `// oto-ignore-next-line <rule-id>: <reason>` comments of a file, each with its line. */
export function readIgnoreComments(file: SourceFile): IgnoreComment[] {
  const comments: IgnoreComment[] = [];
  file.getFullText().split(/\r?\n/).forEach((text, i) => {
    const match = IGNORE.exec(text);
    if (!match) return;
    const reason = match[2]?.trim();
    comments.push({ ruleId: match[1]!, ...(reason ? { reason } : {}), location: { file: file.getFilePath(), line: i + 1, column: text.indexOf('//') + 1 } });
  });
  return comments;
}
