/**
 * `oto fix`: the changes a schema source lacks (planned by planSqlChanges with target 'schema', so
 * names are decided exactly as the SQL decides them) and what each ORM's editor made of them. The
 * editors live with their adapters (Prisma schema text; Drizzle and TypeORM through ts-morph); this
 * is what they share: the result, and finding the declarations a change is about.
 */
import { tableFinder } from '../analysis/compare-database';
import { sameList } from '../model';
import type { Column, SchemaModel, Table } from '../model';
import type { PlannedChange, SetAside } from './plan-sql-changes';

export interface SourceEdits {
  /** The new text of each file the edits change, by the file as the model's origins name it. */
  readonly files: ReadonlyMap<string, string>;
  /** The changes made, each with the findings it fixes. */
  readonly applied: readonly PlannedChange[];
  /** Findings whose fix the editor could not make, and why. */
  readonly setAside: readonly SetAside[];
}

/** Every finding of a planned change, set aside for one reason. */
export function setAsideChange(planned: PlannedChange, reason: string): SetAside[] {
  return planned.findings.map((finding) => ({ finding, reason }));
}

/** The schema's table a change is about. */
export function changedTable(model: SchemaModel, planned: PlannedChange): Table | undefined {
  return tableFinder(model.tables)(planned.change.table.name, planned.change.table.schema);
}

/**
 * The ORM names of a change's columns: each column's field (Prisma leaves it out when it is the
 * column's name); for a foreign key the ORM declares only through the relation (a TypeORM join
 * column has no property), the relation's field on the dependent.
 */
export function fieldsOf(model: SchemaModel, table: Table, columns: readonly string[]): string[] | undefined {
  const fieldOf = (c: Column | undefined) => c?.field ?? (c && model.source !== 'typeorm' ? c.name : undefined);
  const found = columns.map((name) => fieldOf(table.columns.find((c) => c.name === name)));
  if (found.every((f) => f !== undefined)) return found;
  const relation = model.relations.find((r) => r.dependent.table === table.name && r.dependent.field && r.foreignKey && sameList(r.foreignKey.columns, columns));
  return relation?.dependent.field ? [relation.dependent.field] : undefined;
}

/** Applies edits in order to a set of file texts read on demand; collects what was applied and set aside. */
export class SourceEditor {
  private readonly texts = new Map<string, string>();
  private readonly original = new Map<string, string>();
  private readonly applied: PlannedChange[] = [];
  private readonly setAside: SetAside[] = [];

  constructor(private readonly read: (file: string) => string) {}

  text(file: string): string {
    let text = this.texts.get(file);
    if (text === undefined) {
      text = this.read(file);
      this.original.set(file, text);
      this.texts.set(file, text);
    }
    return text;
  }

  /** Records the outcome of one change: the file's new text, or why it was set aside. */
  record(planned: PlannedChange, outcome: { readonly file: string; readonly text: string } | { readonly reason: string }): void {
    if ('reason' in outcome) {
      this.setAside.push(...setAsideChange(planned, outcome.reason));
      return;
    }
    this.texts.set(outcome.file, outcome.text);
    this.applied.push(planned);
  }

  result(): SourceEdits {
    const files = new Map([...this.texts].filter(([file, text]) => this.original.get(file) !== text));
    return { files, applied: this.applied, setAside: this.setAside };
  }
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
