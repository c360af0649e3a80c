import type { Node } from 'ts-morph';
import type { CodeLocation } from '@oto/core';

/** Where a node starts: the file's absolute path, 1-based line and column. */
export function locationOf(node: Node): CodeLocation {
  const sf = node.getSourceFile();
  const { line, column } = sf.getLineAndColumnAtPos(node.getStart());
  return { file: sf.getFilePath(), line, column };
}

/** A reason a query was not resolved; thrown inside a recogniser, caught once per query. */
export class Unresolved extends Error {}

/** Why a call was not resolved: the recogniser's reason, or what failed while reading it (one call never stops the check). */
export function unresolvedReason(error: unknown): string {
  if (error instanceof Unresolved) return error.message;
  return `oto could not read this call (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
}
