/**
 * `oto fix`: the changes a schema source lacks (planned by planSqlChanges with target 'schema', so
 * names are decided exactly as the SQL decides them) and what each ORM's editor made of them. The
 * editors live with their adapters (Prisma schema text; Drizzle and TypeORM through ts-morph); this
 * is what they share: the result, and finding the declarations a change is about.
 */
import { tableFinder } from '../analysis/compare-database';
import { sameList } from '../model';
import type { SchemaModel, Table } from '../model';
import type { PlannedChange, SetAside, SqlChange } from './plan-sql-changes';
import { restoreLayout, toEditable } from './text-layout';

export interface SourceEdits {
  /** The new text of each file the edits change, by the file as the model's origins name it. */
  readonly files: ReadonlyMap<string, string>;
  /** The changes made, each with the findings it fixes. */
  readonly applied: readonly PlannedChange[];
  /** Findings whose fix the editor could not make, and why. */
  readonly setAside: readonly SetAside[];
}

/**
 * The ORM names of a change's columns: each column's field (Prisma leaves it out when it is the
 * column's name); for a foreign key the ORM declares only through the relation (a TypeORM join
 * column has no property), the relation's field on the dependent.
 */
export function fieldsOf(model: SchemaModel, table: Table, columns: readonly string[]): string[] | undefined {
  const relationOver = (cols: readonly string[]) =>
    model.relations.find((r) => r.dependent.table === table.name && r.foreignKey && sameList(r.foreignKey.columns, cols))?.dependent.field;
  const fieldOf = (name: string) => {
    const column = table.columns.find((c) => c.name === name);
    return column?.field ?? (column && model.source !== 'typeorm' ? column.name : relationOver([name]));
  };
  const found = columns.map(fieldOf);
  if (found.every((f) => f !== undefined)) return found;
  const whole = relationOver(columns);
  return whole ? [whole] : undefined;
}

/** What an editor makes of one change: the file's new text, or why it cannot. */
export type SourceEdit = string | { readonly reason: string };

/**
 * Runs an ORM's editor over the planned changes, in order: finds each change's table in the
 * schema and the file that declares it (by the table's origin), hands the editor that file's
 * current text, and collects the new texts, the changes made and what was set aside. `read` gives
 * a file's text by the name the model's origins use. The editor sees the text without a BOM and
 * with `\n` line breaks; the new texts come back in each file's own layout (text-layout.ts).
 */
export function editSources(
  model: SchemaModel,
  changes: readonly PlannedChange[],
  read: (file: string) => string,
  edit: (change: SqlChange, table: Table & { readonly entity: string }, file: string, text: string) => SourceEdit,
): SourceEdits {
  const texts = new Map<string, string>();
  const original = new Map<string, string>();
  const applied: PlannedChange[] = [];
  const setAside: SetAside[] = [];
  const find = tableFinder(model.tables);
  for (const planned of changes) {
    const { change } = planned;
    const table = find(change.table.name, change.table.schema);
    const file = table?.origin?.file;
    let outcome: SourceEdit;
    if (!table?.entity || !file) outcome = { reason: `oto does not know where table ${change.table.name} is declared: edit the schema by hand` };
    else {
      if (!texts.has(file)) {
        const text = read(file);
        original.set(file, text);
        texts.set(file, toEditable(text));
      }
      outcome = edit(change, { ...table, entity: table.entity }, file, texts.get(file)!);
    }
    if (typeof outcome === 'string') {
      texts.set(file!, outcome);
      applied.push(planned);
    } else setAside.push(...planned.findings.map((finding) => ({ finding, reason: outcome.reason })));
  }
  const changed = [...texts].filter(([file, text]) => toEditable(original.get(file)!) !== text);
  return { files: new Map(changed.map(([file, text]) => [file, restoreLayout(original.get(file)!, text)])), applied, setAside };
}

/**
 * A one-line object literal's text with `property` (`key: value`) added last, kept on one line
 * (ts-morph would spread it over lines); undefined for an object written over several lines.
 */
export function addToOneLineObject(text: string, property: string): string | undefined {
  if (text.includes('\n')) return undefined;
  const inner = text.replace(/^\{\s*|\s*\}$/g, '').replace(/,\s*$/, '');
  return inner === '' ? `{ ${property} }` : `{ ${inner}, ${property} }`;
}

/**
 * `value` as a TypeScript string literal in the file's quotes: backslashes and the quote escaped,
 * and every line terminator (a `'…'` string ends at \n, \r, U+2028 and U+2029) written as its escape.
 */
export function stringLiteral(value: string, quote: "'" | '"'): string {
  if (quote === '"') return JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  const escaped = value.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  return `'${escaped.replace(/[\n\r\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}
