/**
 * Where entity classes and their properties are declared, read from the source text (TypeORM's
 * metadata knows the class, not its file or line). Pure.
 */
import type { Origin } from '@oto/core';
import { declarationLines } from '@oto/core';

const CLASS = /^\s*(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/;

/** The 1-based line of each `class NAME` in a module's text. */
export function classDeclarations(text: string): Map<string, number> {
  return declarationLines(text, CLASS);
}

/**
 * The line of a property (`profile?: Profile`, `@Column() name!: string`) in the class declared at
 * `owner`: the first such member from the class's line to the next class; the class's own origin
 * if not found (an inherited property, say).
 */
export function locateMember(owner: Origin | undefined, member: string, files: ReadonlyMap<string, string> | undefined): Origin | undefined {
  if (!owner) return undefined;
  const text = files?.get(owner.file);
  if (!text || !owner.line) return owner;
  const escaped = member.replace(/[$]/g, '\\$');
  const modifiers = '(?:(?:public|private|protected|readonly|declare|override|static|accessor)\\s+)*';
  const property = new RegExp(`^(?:\\s*@[\\w$.]+(?:\\(.*\\))?)*\\s*${modifiers}${escaped}\\s*[?!]?\\s*[:;=]`);
  const lines = text.split('\n');
  for (let i = owner.line; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (CLASS.test(line)) break;
    if (property.test(line)) return { file: owner.file, line: i + 1 };
  }
  return owner;
}
