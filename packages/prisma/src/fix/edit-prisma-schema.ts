/**
 * `oto fix` for Prisma: the schema text edited line by line, the way `prisma format` lays it out,
 * everything else left as written (comments, spacing, other attributes). A missing unique becomes
 * `@unique` on the field (`@@unique([...])` for several), under the name the SQL gives it (`map:`,
 * left out when it is Prisma's own default name); a table rename `@@map`; a unique rename `map:`;
 * an ON DELETE `onDelete:`. Pure: texts in, texts out.
 */
import { editSources, fieldsOf } from '@oto/core';
import type { PlannedChange, ReferentialAction, SchemaModel, SourceEdit, SourceEdits, SqlChange, Table } from '@oto/core';
import { prismaDefaultName } from '../from-dmmf';

const PRISMA_ACTIONS: Record<ReferentialAction, string> = {
  cascade: 'Cascade',
  restrict: 'Restrict',
  'no-action': 'NoAction',
  'set-null': 'SetNull',
  'set-default': 'SetDefault',
};

/** Index just past the string literal that opens at `open` (a `"`). */
function stringEnd(text: string, open: number): number {
  let i = open + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i;
}

/** Where a line's code ends: before a `//` comment that is not inside a string. */
function codeEnd(line: string): number {
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] === '"') i = stringEnd(line, i);
    else if (line[i] === '/' && line[i + 1] === '/') return i;
  }
  return line.length;
}

/** The line with `addition` appended to its code, before any trailing comment. */
function appendToCode(line: string, addition: string): string {
  const code = line.slice(0, codeEnd(line)).trimEnd();
  return `${code}${addition}${line.slice(code.length)}`.trimEnd();
}

/** Index of the `)` closing the `(` at `open`, skipping strings and nested brackets. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') i = stringEnd(text, i);
    else if (ch === '(' || ch === '[') depth += 1;
    else if (ch === ')' || ch === ']') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

const quote = (value: string) => JSON.stringify(value);

/** The attribute (`@unique`, `@@unique`, `@relation`) on a line with `arg: value` set: replaced, or added last. */
function setNamedArgument(line: string, attribute: string, arg: string, value: string): string | undefined {
  const at = new RegExp(`(?<!@)${attribute}(?![\\w.])`).exec(line.slice(0, codeEnd(line)));
  if (!at) return undefined;
  const after = at.index + at[0].length;
  if (line[after] !== '(') return `${line.slice(0, after)}(${arg}: ${value})${line.slice(after)}`;
  const close = closingParen(line, after);
  if (close < 0) return undefined;
  const args = line.slice(after + 1, close);
  const existing = new RegExp(`(^|[,\\s])${arg}\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|\\w+)`).exec(args);
  if (existing?.[2]) {
    const start = after + 1 + existing.index + existing[0].length - existing[2].length;
    return `${line.slice(0, start)}${value}${line.slice(start + existing[2].length)}`;
  }
  return `${line.slice(0, close)}${args.trim() === '' ? '' : ', '}${arg}: ${value}${line.slice(close)}`;
}

interface Block {
  readonly start: number;
  readonly end: number;
  readonly indent: string;
}

function findModel(lines: readonly string[], entity: string): Block | undefined {
  const start = lines.findIndex((l) => new RegExp(`^\\s*model\\s+${entity}\\s*\\{`).test(l.slice(0, codeEnd(l))));
  if (start < 0) return undefined;
  for (let i = start + 1; i < lines.length; i += 1) {
    const code = (lines[i] ?? '').slice(0, codeEnd(lines[i] ?? '')).trim();
    if (code.startsWith('}')) {
      const field = lines.slice(start + 1, i).find((l) => l.trim() !== '' && !l.trim().startsWith('//'));
      return { start, end: i, indent: /^\s*/.exec(field ?? '  ')?.[0] || '  ' };
    }
  }
  return undefined;
}

function fieldLine(lines: readonly string[], block: Block, field: string): number {
  for (let i = block.start + 1; i < block.end; i += 1) if (new RegExp(`^\\s*${field}\\s`).test(lines[i] ?? '')) return i;
  return -1;
}

/** The `@@unique` lines of the block whose field list is `fields`. */
function blockUniqueLine(lines: readonly string[], block: Block, fields: readonly string[]): number {
  for (let i = block.start + 1; i < block.end; i += 1) {
    const code = (lines[i] ?? '').slice(0, codeEnd(lines[i] ?? ''));
    const list = /^\s*@@unique\s*\(\s*(?:fields\s*:\s*)?\[([^\]]*)\]/.exec(code)?.[1];
    if (list && list.split(',').map((f) => /^\s*(\w+)/.exec(f)?.[1]).join(',') === fields.join(',')) return i;
  }
  return -1;
}

/** A block attribute line added before the block's `}`, after a blank line when fields precede it. */
function addBlockAttribute(lines: string[], block: Block, attribute: string): void {
  const last = (lines[block.end - 1] ?? '').trim();
  const added = [...(last.startsWith('@@') || last === '' ? [] : ['']), `${block.indent}${attribute}`];
  lines.splice(block.end, 0, ...added);
}

function edit(model: SchemaModel, change: SqlChange, table: Table & { readonly entity: string }, file: string, text: string): SourceEdit {
  const lines = text.split('\n');
  const block = findModel(lines, table.entity);
  if (!block) return { reason: `${file}: no model ${table.entity}: edit the schema by hand` };
  const done = () => lines.join('\n');
  switch (change.kind) {
    case 'add-unique': {
      const fields = fieldsOf(model, table, change.columns);
      if (!fields) return { reason: `${table.entity} has no field for ${change.columns.join(', ')}` };
      const map = change.name === prismaDefaultName(table.name, change.columns, 'key', model.dialect) ? '' : `map: ${quote(change.name)}`;
      if (fields.length === 1) {
        const at = fieldLine(lines, block, fields[0]!);
        if (at < 0) return { reason: `${file}: no field ${table.entity}.${fields[0]}` };
        lines[at] = appendToCode(lines[at]!, map ? ` @unique(${map})` : ' @unique');
      } else {
        addBlockAttribute(lines, block, `@@unique([${fields.join(', ')}]${map ? `, ${map}` : ''})`);
      }
      return done();
    }
    case 'rename-table': {
      const at = lines.findIndex((l, i) => i > block.start && i < block.end && /^\s*@@map\s*\(/.test(l));
      if (at >= 0) lines[at] = lines[at]!.replace(/(@@map\s*\(\s*(?:name\s*:\s*)?)"(?:[^"\\]|\\.)*"/, `$1${quote(change.to)}`);
      else addBlockAttribute(lines, block, `@@map(${quote(change.to)})`);
      return done();
    }
    case 'rename-unique': {
      const fields = fieldsOf(model, table, change.columns);
      if (!fields) return { reason: `${table.entity} has no field for ${change.columns.join(', ')}` };
      const single = fields.length === 1 ? fieldLine(lines, block, fields[0]!) : -1;
      const onField = single >= 0 ? setNamedArgument(lines[single]!, '@unique', 'map', quote(change.to)) : undefined;
      if (onField !== undefined) {
        lines[single] = onField;
        return done();
      }
      const at = blockUniqueLine(lines, block, fields);
      const onBlock = at >= 0 ? setNamedArgument(lines[at]!, '@@unique', 'map', quote(change.to)) : undefined;
      if (onBlock === undefined) return { reason: `${file}: no @unique or @@unique over ${table.entity}(${fields.join(', ')})` };
      lines[at] = onBlock;
      return done();
    }
    case 'replace-foreign-key': {
      const fields = fieldsOf(model, table, change.foreignKey.columns);
      const at = lines.findIndex((l, i) => {
        if (i <= block.start || i >= block.end || !fields) return false;
        const list = /@relation\s*\([^)]*fields\s*:\s*\[([^\]]*)\]/.exec(l.slice(0, codeEnd(l)))?.[1];
        return list?.split(',').map((f) => f.trim()).join(',') === fields.join(',');
      });
      const changed = at >= 0 ? setNamedArgument(lines[at]!, '@relation', 'onDelete', PRISMA_ACTIONS[change.onDelete]) : undefined;
      if (changed === undefined) return { reason: `${file}: no @relation(fields: [${fields?.join(', ') ?? change.foreignKey.columns.join(', ')}]) in ${table.entity}` };
      lines[at] = changed;
      return done();
    }
    case 'set-not-null':
      return { reason: 'Prisma does not accept a required relation over an optional field: edit the schema by hand' };
  }
}

/** The schema files with the changes made; `read` gives a file's text by the name the model's origins use. */
export function editPrismaSchema(model: SchemaModel, changes: readonly PlannedChange[], read: (file: string) => string): SourceEdits {
  return editSources(model, changes, read, (change, table, file, text) => edit(model, change, table, file, text));
}
