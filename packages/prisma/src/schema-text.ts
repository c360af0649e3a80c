/**
 * What the Prisma schema text tells that the DMMF does not: where each model and field is declared
 * (for file:line locations) and the datasource's `relationMode`. Pure functions over file texts.
 */
import type { Origin } from '@oto/core';

export interface SchemaFile {
  readonly path: string;
  readonly content: string;
}

export interface ModelDeclaration {
  readonly origin: Origin;
  readonly fields: ReadonlyMap<string, Origin>;
  /** Each `@unique` (on its field's line) and `@@unique([…])` of the block, by the fields it lists. */
  readonly uniques: readonly { readonly fields: readonly string[]; readonly origin: Origin }[];
}

/** The field names of `@@unique([a, b(sort: Desc)], …)`. */
function blockUniqueFields(line: string): string[] | undefined {
  const list = /^@@unique\s*\(\s*(?:fields\s*:\s*)?\[([^\]]*)\]/.exec(line)?.[1];
  return list?.split(',').map((f) => f.trim().replace(/\(.*$/, '').trim()).filter((f) => f.length > 0);
}

function stripComment(line: string): string {
  const i = line.indexOf('//');
  return i >= 0 ? line.slice(0, i) : line;
}

/** Every `model` and `view` block with the line of each field, by model name. */
export function locateDeclarations(files: readonly SchemaFile[]): ReadonlyMap<string, ModelDeclaration> {
  const models = new Map<string, ModelDeclaration>();
  for (const file of files) {
    let current: { name: string; fields: Map<string, Origin>; uniques: { fields: string[]; origin: Origin }[] } | undefined;
    file.content.split(/\r?\n/).forEach((raw, index) => {
      const line = stripComment(raw).trim();
      const origin = { file: file.path, line: index + 1 };
      if (!current) {
        const open = /^(?:model|view)\s+(\w+)\s*\{/.exec(line);
        if (open?.[1]) {
          current = { name: open[1], fields: new Map(), uniques: [] };
          models.set(open[1], { origin, fields: current.fields, uniques: current.uniques });
        }
        return;
      }
      if (line.startsWith('}')) {
        current = undefined;
        return;
      }
      const field = /^(\w+)\s+\S/.exec(line);
      if (field?.[1] && !current.fields.has(field[1])) {
        current.fields.set(field[1], origin);
        if (/@unique\b/.test(line)) current.uniques.push({ fields: [field[1]], origin });
      }
      const fields = blockUniqueFields(line);
      if (fields) current.uniques.push({ fields, origin });
    });
  }
  return models;
}

export type RelationMode = 'foreignKeys' | 'prisma';

/** `relationMode` (or the older `referentialIntegrity`) of the datasource block, if set. */
export function findRelationMode(files: readonly SchemaFile[]): RelationMode | undefined {
  for (const file of files) {
    const text = file.content.split(/\r?\n/).map(stripComment).join('\n');
    for (const block of text.matchAll(/datasource\s+\w+\s*\{([^}]*)\}/g)) {
      const mode = /\b(?:relationMode|referentialIntegrity)\s*=\s*"(\w+)"/.exec(block[1] ?? '');
      if (mode?.[1] === 'prisma' || mode?.[1] === 'foreignKeys') return mode[1];
    }
  }
  return undefined;
}

const CONNECTION_PROPERTIES = /^(\s*)(url|directUrl|shadowDatabaseUrl)(\s*=)/;

/**
 * The schema files without the datasource's connection properties (`url`, `directUrl`,
 * `shadowDatabaseUrl`), which Prisma 7 moved to prisma.config.ts and rejects in the schema.
 * They say nothing about the model, so schemas written for Prisma 5 and 6 read as they are.
 * Each removed line is blanked, so line numbers stay true.
 */
export function withoutConnectionUrls(files: readonly SchemaFile[]): SchemaFile[] {
  return files.map((file) => {
    let inDatasource = false;
    const lines = file.content.split(/(\r?\n)/);
    for (let i = 0; i < lines.length; i += 2) {
      const line = lines[i] ?? '';
      const code = stripComment(line).trim();
      if (!inDatasource) {
        inDatasource = /^datasource\s+\w+\s*\{/.test(code) && !code.endsWith('}');
      } else if (code.startsWith('}')) {
        inDatasource = false;
      } else if (CONNECTION_PROPERTIES.test(line)) {
        lines[i] = '';
      }
    }
    return { path: file.path, content: lines.join('') };
  });
}

/** The preview features that Prisma's validation error says it does not know (retired ones, mostly). */
export function unknownPreviewFeatures(errorText: string): string[] {
  return [...errorText.matchAll(/preview feature "(\w+)" is not known/g)].map((m) => m[1] ?? '');
}

/**
 * The schema files with the named entries taken out of every `previewFeatures` list: features that
 * went GA or were removed (`metrics`, `multiSchema`, …) make Prisma 7 reject schemas written for
 * Prisma 5 and 6, and none of them changes the data model.
 */
export function withoutPreviewFeatures(files: readonly SchemaFile[], names: readonly string[]): SchemaFile[] {
  const drop = new Set(names);
  return files.map((file) => ({
    path: file.path,
    content: file.content.replace(/(previewFeatures\s*=\s*\[)([^\]]*)(\])/g, (_, open: string, list: string, close: string) => {
      const kept = list
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '' && !drop.has(s.replace(/^"|"$/g, '')));
      return `${open}${kept.join(', ')}${close}`;
    }),
  }));
}

/** A `@unique` / `@@unique` with a `where:` argument (Prisma's `partialIndexes` preview feature). */
export interface PartialUnique {
  /** The model's fields, in the index's order. */
  readonly fields: readonly string[];
  /** The predicate: the SQL of `raw("…")`, or the argument's text as written. */
  readonly where: string;
}

/** The text of a call's arguments: from just after `(` to its matching `)`, skipping string literals. */
function callArguments(text: string, open: number): string | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') {
      for (i += 1; i < text.length && text[i] !== '"'; i += 1) if (text[i] === '\\') i += 1;
    } else if (ch === '(' || ch === '[' || ch === '{') {
      depth += 1;
    } else if (ch === ')' || ch === ']' || ch === '}') {
      depth -= 1;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return undefined;
}

/** The value of a named argument (`where: …`) up to the next top-level comma. */
function namedArgument(args: string, name: string): string | undefined {
  const start = new RegExp(`(^|[,\\s])${name}\\s*:`).exec(args);
  if (!start) return undefined;
  let i = start.index + start[0].length;
  let depth = 0;
  const from = i;
  for (; i < args.length; i += 1) {
    const ch = args[i];
    if (ch === '"') {
      for (i += 1; i < args.length && args[i] !== '"'; i += 1) if (args[i] === '\\') i += 1;
    } else if (ch === '(' || ch === '[' || ch === '{') depth += 1;
    else if (ch === ')' || ch === ']' || ch === '}') depth -= 1;
    else if (ch === ',' && depth === 0) break;
  }
  return args.slice(from, i).trim();
}

function predicate(value: string): string {
  const raw = /^raw\(\s*"((?:[^"\\]|\\.)*)"\s*\)$/.exec(value);
  return raw?.[1] !== undefined ? raw[1].replace(/\\(.)/g, '$1') : value;
}

/** The fields of a `[a, b(sort: Desc)]` list (or of `fields: [...]`). */
function fieldList(args: string): string[] {
  const list = /\[([^\]]*)\]/.exec(args)?.[1] ?? '';
  return list
    .split(',')
    .map((item) => /^\s*(\w+)/.exec(item)?.[1])
    .filter((f): f is string => f !== undefined);
}

/**
 * Every partial unique by model name: the DMMF keeps such a unique but drops its `where`, so without
 * this a conditional one-to-one would look fully backed.
 */
export function findPartialUniques(files: readonly SchemaFile[]): ReadonlyMap<string, readonly PartialUnique[]> {
  const byModel = new Map<string, PartialUnique[]>();
  for (const file of files) {
    const text = file.content.split(/\r?\n/).map(stripComment).join('\n');
    for (const block of text.matchAll(/^\s*model\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm)) {
      const model = block[1] ?? '';
      const body = block[2] ?? '';
      const found: PartialUnique[] = [];
      for (const attr of body.matchAll(/@@unique\s*\(/g)) {
        const args = callArguments(body, (attr.index ?? 0) + attr[0].length - 1);
        const where = args && namedArgument(args, 'where');
        if (args && where) found.push({ fields: fieldList(args), where: predicate(where) });
      }
      for (const line of body.split('\n')) {
        const field = /^\s*(\w+)\s/.exec(line)?.[1];
        const attr = /@unique\s*\(/.exec(line);
        if (!field || !attr) continue;
        const args = callArguments(line, attr.index + attr[0].length - 1);
        const where = args && namedArgument(args, 'where');
        if (where) found.push({ fields: [field], where: predicate(where) });
      }
      if (found.length > 0) byModel.set(model, [...(byModel.get(model) ?? []), ...found]);
    }
  }
  return byModel;
}
