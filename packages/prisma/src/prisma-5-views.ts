/**
 * Views as Prisma 5 read them. With the `views` preview, Prisma 5 asked every `view` for an `@id` or
 * `@unique` and took `@id`, `@@id` and `@@index` there; Prisma 6.2 and later reject them ("Views
 * cannot have primary keys", "Views cannot have indexes"), which stops a whole check on a schema the
 * project's own Prisma accepts. None of this concerns relations: the text given to Prisma 7 says
 * `@unique` for `@id` and leaves the indexes out (blanked, so lines stay true), and the key is an
 * `id` again in the DMMF read back, as Prisma 5 gave it. Pure functions over the schema texts.
 */
import type * as DMMF from '@prisma/dmmf';
import type { SchemaFile } from './schema-text';

/** A view's primary key that the text given to Prisma 7 declares as a unique. */
export interface ViewKey {
  readonly view: string;
  readonly fields: readonly string[];
  /** The field also had its own `@unique`: the DMMF gets the id next to it, not instead of it. */
  readonly alsoUnique: boolean;
  /** The key's `map:` (Prisma 7 takes no database name on a view's unique). */
  readonly map?: string;
}

export interface AdaptedViews {
  readonly files: SchemaFile[];
  readonly keys: readonly ViewKey[];
  /** `view.@@index` for each index attribute left out. */
  readonly droppedIndexes: readonly string[];
  /** The files that were changed. */
  readonly changed: readonly string[];
}

const FIELD_ID = /(^|[^@\w])@id\b/;
const BLOCK_INDEX = /@@(index|fulltext)\s*\(/g;

/** Blanks `text` from `start` to the `)` matching the `(` at `open`, keeping newlines. */
function blankCall(text: string, start: number, open: number): string {
  let depth = 0;
  let end = text.length;
  for (let i = open; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') {
      for (i += 1; i < text.length && text[i] !== '"'; i += 1) if (text[i] === '\\') i += 1;
    } else if (ch === '(' || ch === '[' || ch === '{') depth += 1;
    else if (ch === ')' || ch === ']' || ch === '}') {
      depth -= 1;
      if (depth === 0) {
        end = i + 1;
        break;
      }
    }
  }
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
}

function fieldListOf(args: string): string[] {
  const list = /\[([^\]]*)\]/.exec(args)?.[1] ?? '';
  return list
    .replace(/\([^()]*\)/g, '')
    .split(',')
    .map((item) => /^\s*(\w+)/.exec(item)?.[1])
    .filter((f): f is string => f !== undefined);
}

const MAP_ARGUMENT = /\bmap\s*:\s*"((?:[^"\\]|\\.)*)"/;

function mapOf(args: string): string | undefined {
  return MAP_ARGUMENT.exec(args)?.[1];
}

function commentStart(line: string): number {
  let inString = false;
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] === '"' && line[i - 1] !== '\\') inString = !inString;
    if (!inString && line[i] === '/' && line[i + 1] === '/') return i;
  }
  return line.length;
}

function inComment(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return commentStart(text.slice(lineStart, index)) < index - lineStart;
}

/** One view body adapted: `@id` → `@unique`, `@@id` → `@@unique`, `@@index`/`@@fulltext` blanked. */
function adaptBody(view: string, body: string, keys: ViewKey[], dropped: string[]): string {
  const lines = body.split('\n').map((line) => {
    const cut = commentStart(line);
    const code = line.slice(0, cut);
    const field = /^\s*(\w+)\s/.exec(code)?.[1];
    if (!field || code.trimStart().startsWith('@@') || !FIELD_ID.test(code)) return line;
    const alsoUnique = /(^|[^@\w])@unique\b/.test(code);
    const args = /(?:^|[^@\w])@id\s*\(([^)]*)\)/.exec(code)?.[1] ?? '';
    const map = mapOf(args);
    keys.push({ view, fields: [field], alsoUnique, ...(map !== undefined ? { map } : {}) });
    // A view's `@unique` takes no arguments (sort, length, clustered say nothing of the key); a second one is not allowed.
    const adapted = code.replace(/(^|[^@\w])@id\b(\s*\([^)]*\))?/, (_, before: string) => (alsoUnique ? before : `${before}@unique`));
    return adapted + line.slice(cut);
  });
  let text = lines.join('\n');
  const original = text;
  text = text.replace(/@@id\s*\(((?:[^()]|\([^()]*\))*)\)/g, (whole: string, args: string, offset: number) => {
    if (inComment(original, offset)) return whole;
    const map = mapOf(args);
    keys.push({ view, fields: fieldListOf(args), alsoUnique: false, ...(map !== undefined ? { map } : {}) });
    const name = /\bname\s*:\s*("(?:[^"\\]|\\.)*")/.exec(args)?.[1];
    return `@@unique([${fieldListOf(args).join(', ')}]${name ? `, name: ${name}` : ''})`;
  });
  for (let match = BLOCK_INDEX.exec(text); match; match = BLOCK_INDEX.exec(text)) {
    if (inComment(text, match.index)) continue;
    dropped.push(`${view}.@@${match[1]}`);
    text = blankCall(text, match.index, match.index + match[0].length - 1);
  }
  return text;
}

/** The files with every `view` block adapted for Prisma 7, and what was adapted. */
export function adaptPrisma5Views(files: readonly SchemaFile[]): AdaptedViews {
  const keys: ViewKey[] = [];
  const droppedIndexes: string[] = [];
  const changed: string[] = [];
  const adapted = files.map((file) => {
    const before = keys.length + droppedIndexes.length;
    const content = file.content.replace(/^(\s*view\s+(\w+)\s*\{)([\s\S]*?)(^\s*\})/gm, (_, open: string, view: string, body: string, close: string) =>
      `${open}${adaptBody(view, body, keys, droppedIndexes)}${close}`,
    );
    if (keys.length + droppedIndexes.length > before) changed.push(file.path);
    return { path: file.path, content };
  });
  return { files: adapted, keys, droppedIndexes, changed };
}

/** The DMMF with each adapted view key an `id` again, as Prisma 5 read it. */
export function restoreViewKeys(datamodel: DMMF.Datamodel, keys: readonly ViewKey[]): DMMF.Datamodel {
  if (keys.length === 0) return datamodel;
  const same = (index: DMMF.Index, key: ViewKey) =>
    index.model === key.view && index.fields.length === key.fields.length && index.fields.every((f, i) => f.name === key.fields[i]);
  const indexes: DMMF.Index[] = [];
  for (const index of datamodel.indexes) {
    const key = index.type === 'unique' ? keys.find((k) => same(index, k)) : undefined;
    if (!key) indexes.push(index);
    else {
      const id: DMMF.Index = { ...index, type: 'id', ...(key.map !== undefined ? { dbName: key.map } : {}) };
      indexes.push(...(key.alsoUnique ? [id, index] : [id]));
    }
  }
  const models = datamodel.models.map((model) => {
    const modelKeys = keys.filter((k) => k.view === model.name);
    if (modelKeys.length === 0) return model;
    const single = new Set(modelKeys.filter((k) => k.fields.length === 1).map((k) => k.fields[0]));
    const compound = modelKeys.find((k) => k.fields.length > 1);
    const isCompound = (fields: readonly string[]) => compound !== undefined && fields.join(',') === compound.fields.join(',');
    const uniqueIndex = compound ? model.uniqueIndexes.find((u) => isCompound(u.fields)) : undefined;
    return {
      ...model,
      fields: model.fields.map((f) => (single.has(f.name) ? { ...f, isId: true, isUnique: modelKeys.some((k) => k.alsoUnique && k.fields[0] === f.name) } : f)),
      ...(compound ? { primaryKey: { name: uniqueIndex?.name ?? null, fields: [...compound.fields] } } : {}),
      uniqueFields: model.uniqueFields.filter((u) => !isCompound(u)),
      uniqueIndexes: model.uniqueIndexes.filter((u) => !isCompound(u.fields)),
    };
  });
  return { ...datamodel, models, indexes };
}

/** The one warning line for what was adapted (`shown` names a file), or undefined when nothing was. */
export function viewsAdaptedWarning(adapted: AdaptedViews, shown: (file: string) => string = (f) => f): string | undefined {
  const parts: string[] = [];
  const views = [...new Set(adapted.keys.map((k) => k.view))];
  if (views.length > 0) parts.push(`the @id/@@id of view ${views.join(', ')} kept as its key`);
  if (adapted.droppedIndexes.length > 0) parts.push(`${adapted.droppedIndexes.join(', ')} left out (no unique)`);
  if (parts.length === 0) return undefined;
  return `${adapted.changed.map(shown).join(', ')}: read as Prisma 5 read views (Prisma 6.2 and later reject keys and indexes on views): ${parts.join('; ')}`;
}
