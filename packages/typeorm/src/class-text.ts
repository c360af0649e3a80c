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

/**
 * The line of the `@OneToOne(…)` / `@ManyToOne(…)` that declares the relation property `member`
 * of the class declared at `owner` (where its `onDelete` and `createForeignKeyConstraints` are
 * written): the nearest such decorator from the property's line up, above the property or before
 * it on its line; undefined when the property is not found in the class (an inherited one).
 */
export function locateRelationDecorator(owner: Origin | undefined, member: string, files: ReadonlyMap<string, string> | undefined): Origin | undefined {
  const property = locateMember(owner, member, files);
  const text = owner ? files?.get(owner.file) : undefined;
  if (!owner?.line || !property?.line || property.line === owner.line || !text) return undefined;
  const lines = text.split('\n');
  const decorator = /@(?:[\w$]+\.)?(?:OneToOne|ManyToOne)\s*(?:<[^>]*>)?\s*\(/;
  for (let i = property.line - 1; i >= owner.line; i--) {
    if (decorator.test(lines[i] ?? '')) return { file: owner.file, line: i + 1 };
  }
  return undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The line of the `@Unique(…)` / `@Index(…)` that declares a key of the class declared at `owner`:
 * by the name it gives (`@Unique('account_user_key', ['user'])`), else by the properties it lists
 * (`@Unique(['tenant', 'handle'])`), among the decorators above the class and in its body; none
 * when the text spells neither (a key on one column is at that column's property).
 */
export function locateKeyDecorator(
  owner: Origin | undefined,
  key: { readonly name?: string; readonly properties: readonly string[] },
  files: ReadonlyMap<string, string> | undefined,
): Origin | undefined {
  const text = owner?.line ? files?.get(owner.file) : undefined;
  if (!owner?.line || !text) return undefined;
  const lines = text.split('\n');
  let start = owner.line - 1;
  // The decorators right above the class (and the lines they span).
  while (start > 0 && !/^\s*(?:\}|$)/.test(lines[start - 1] ?? '') && !CLASS.test(lines[start - 1] ?? '')) start--;
  let end = owner.line;
  while (end < lines.length && !CLASS.test(lines[end] ?? '')) end++;
  const decorator = /@(?:Unique|Index)\s*\(/;
  const found = (test: (line: string) => boolean) => {
    for (let i = start; i < end; i++) if (decorator.test(lines[i] ?? '') && test(lines[i] ?? '')) return { file: owner.file, line: i + 1 };
    return undefined;
  };
  const quoted = (s: string) => new RegExp(`["'\`]${escapeRegExp(s)}["'\`]`);
  if (key.name) {
    const byName = found((l) => new RegExp(`@(?:Unique|Index)\\s*\\(\\s*["'\`]${escapeRegExp(key.name ?? '')}["'\`]`).test(l));
    if (byName) return byName;
  }
  if (key.properties.length < 2) return undefined;
  return found((l) => /\[/.test(l) && key.properties.every((p) => quoted(p).test(l)));
}
