/**
 * The parts every ORM's generated accessor shares: the file header, the key parameter, the guard
 * call and the doc comment. The ORM renderers write the query and the types around them.
 */
import { tableKey } from '../model';
import type { Column, Table } from '../model';
import type { Accessor, SkippedAccessor } from '../accessors';
import { camelName, uniqueNames } from '../accessors';
import { GENERATED_MARK, writeGeneratedFile } from './generated-file';
import type { WriteOutcome } from './generated-file';

/** A TypeScript string literal, single-quoted. */
export function tsString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property name as written in an object type or literal. */
export function tsProperty(name: string): string {
  return IDENTIFIER.test(name) ? name : tsString(name);
}

/** `obj.name` or `obj['na me']`. */
export function tsMember(object: string, name: string): string {
  return IDENTIFIER.test(name) ? `${object}.${name}` : `${object}[${tsString(name)}]`;
}

/** The header of a generated module: what it was generated from and the command that rewrites it. */
export function generatedHeader(source: string, command: string): string {
  return [
    `${GENERATED_MARK} from ${source}. Do not edit: \`${command}\` writes it again.`,
    '// One-to-one accessors: each reads at most two rows, returns the single row, and throws',
    "// OneToOneViolationError (from @oto/runtime) when the database holds two.",
  ].join('\n');
}

/** The ORM's name of a column: the field (property) when it has one, else the database name. */
export function fieldOf(column: Column): string {
  return column.field ?? column.name;
}

export interface KeyParameter {
  /** `id: number` or `key: { a: A; b: B }` */
  readonly declaration: string;
  /** The expression of the value of each key column, in `accessor.key` order. */
  readonly values: readonly string[];
  /** The key as the error reports it: `{ id }` or `key`. */
  readonly report: string;
}

/**
 * The accessor's key: one column is a plain parameter named after its field, several are one
 * object keyed by field. `typeOf` writes a column's TypeScript type; `taken` holds the other
 * parameter names.
 */
export function keyParameter(accessor: Accessor, typeOf: (column: Column) => string, taken: readonly string[]): KeyParameter {
  const [only] = accessor.key;
  if (accessor.key.length === 1 && only) {
    const field = fieldOf(only);
    const [name = 'key'] = uniqueNames([IDENTIFIER.test(field) ? field : camelName(field)], new Set(taken));
    return { declaration: `${name}: ${typeOf(only)}`, values: [name], report: name === field ? `{ ${name} }` : `{ ${tsProperty(field)}: ${name} }` };
  }
  const [name = 'key'] = uniqueNames(['key'], new Set(taken));
  const members = accessor.key.map((c) => `${tsProperty(fieldOf(c))}: ${typeOf(c)}`);
  return { declaration: `${name}: { ${members.join('; ')} }`, values: accessor.key.map((c) => tsMember(name, fieldOf(c))), report: name };
}

/** `atMostOne(rows, { … })` or `exactlyOne(rows, { … })`. */
export function guardCall(accessor: Accessor, rows: string, key: KeyParameter, table: string): string {
  const guard = accessor.optional ? 'atMostOne' : 'exactlyOne';
  return `${guard}(${rows}, { relation: ${tsString(accessor.label)}, table: ${tsString(table)}, key: ${key.report} })`;
}

/** The doc comment of an accessor. */
export function accessorDoc(accessor: Accessor, indent = ''): string {
  const none = accessor.optional ? 'null when there is none' : 'throws OneToOneNotFoundError when there is none';
  return [
    `${indent}/**`,
    `${indent} * Reads the ${accessor.to.name} row for the given ${accessor.from.name} row (${accessor.label}): ${none}.`,
    `${indent} * Throws OneToOneViolationError when the database holds two.`,
    `${indent} */`,
  ].join('\n');
}

/** The import of the guards the accessors call, if any. */
export function runtimeImport(accessors: readonly Accessor[]): string[] {
  const guards = [...new Set(accessors.map((a) => (a.optional ? 'atMostOne' : 'exactlyOne')))].sort();
  return guards.length > 0 ? [`import { ${guards.join(', ')} } from '@oto/runtime';`] : [];
}

/**
 * One import line per module of the tables (Drizzle exports, TypeORM classes), modules and names
 * sorted; a table whose `entity` name is taken locally is imported `as` its local name.
 */
export function tableImports(tables: readonly Table[], moduleOf: (table: Table) => string, localName: (table: Table) => string): string[] {
  const byModule = new Map<string, string[]>();
  for (const t of tables) {
    const exported = t.entity ?? t.name;
    const binding = exported === localName(t) ? exported : `${exported} as ${localName(t)}`;
    const specifier = moduleOf(t);
    byModule.set(specifier, [...(byModule.get(specifier) ?? []), binding]);
  }
  return [...byModule.keys()].sort().map((specifier) => `import { ${(byModule.get(specifier) ?? []).sort().join(', ')} } from '${specifier}';`);
}

/** The tables the accessors read or start from, each once, in first-use order. */
export function accessorTables(accessors: readonly Accessor[]): Table[] {
  const tables = new Map<string, Table>();
  for (const a of accessors) for (const t of [a.from, a.to]) tables.set(tableKey(t), t);
  return [...tables.values()];
}

/** A generated accessors module, rendered, not yet written. */
export interface RenderedAccessors {
  /** The absolute path to write, and how the user sees it. */
  readonly out: string;
  readonly file: string;
  readonly text: string;
  readonly accessors: number;
  readonly skipped: readonly SkippedAccessor[];
}

export interface GeneratedAccessors extends Omit<RenderedAccessors, 'out' | 'text'> {
  readonly outcome: WriteOutcome;
}

export function writeAccessors(rendered: RenderedAccessors): GeneratedAccessors {
  const { out, text, ...rest } = rendered;
  return { ...rest, outcome: writeGeneratedFile(out, text, rendered.file) };
}
