import { z } from 'zod';
import type { AnalyzedDatabase, AnalyzedModel, AnalyzedRelation } from '../analysis';
import type { DiagnosticLocation, Severity } from '../diagnostics';
import type { Fix } from '../fix/fix';
import type { CodeLocation, Query } from '../usage/query';
import type { Origin } from '../model';

export type MessageData = Readonly<Record<string, string | number>>;

/**
 * What a rule reports on: a relation, located where the user would edit it: its dependent field
 * (default), the principal's field (the list a to-many declares), the dependent table's
 * declaration, or the principal table (the principal's with the referenced columns). `origin` overrides the line
 * (the declaration of a unique, say) when it is known.
 */
export interface ReportTarget {
  readonly relation?: AnalyzedRelation;
  readonly columns?: readonly string[];
  readonly at?: 'field' | 'principal-field' | 'dependent-table' | 'principal-table';
  readonly origin?: Origin;
  /** A finding in application code (the usage rules): located at the code, not the schema. */
  readonly code?: { readonly location: CodeLocation; readonly table: string; readonly schema?: string };
}

export interface RuleReport<M extends string> {
  readonly messageId: M;
  readonly data?: MessageData;
  readonly target: ReportTarget;
  /** At most this severity: a note a rule adds beside its findings (the configured one otherwise). */
  readonly severity?: Severity;
  /** What would fix it (see fix/fix.ts). */
  readonly fix?: Fix;
}

export interface RuleContext<M extends string, O> {
  readonly model: AnalyzedModel;
  readonly options: O;
  /** The declared schema compared with a database or replayed migrations, when the check has one. */
  readonly database?: AnalyzedDatabase;
  /** The queries of the application code, when the check has them (`--usage`): the usage rules read these. */
  readonly queries: readonly Query[];
  report(report: RuleReport<M>): void;
}

export interface RuleDefinition<M extends string, O> {
  /** The rule id: also the file name, the test name and the doc page name. */
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** Message templates with `{{name}}` placeholders, by message id. */
  readonly messages: Readonly<Record<M, string>>;
  /** What to do, by message id, with the same placeholders. */
  readonly help?: Readonly<Partial<Record<M, string>>>;
  /** Validates the rule's options (with the defaults filled in). */
  readonly options: z.ZodType<O>;
  readonly defaultOptions: O;
  check(context: RuleContext<M, O>): void;
}

/** A rule with its types erased, as the engine and the registry hold it. */
export type Rule = RuleDefinition<string, unknown>;

const NO_OPTIONS = z.object({}).strict();

/** Defines a rule; a rule without options may leave out `options` and `defaultOptions`. */
export function createRule<M extends string, O = Record<string, never>>(
  definition: Omit<RuleDefinition<M, O>, 'options' | 'defaultOptions'> & Partial<Pick<RuleDefinition<M, O>, 'options' | 'defaultOptions'>>,
): Rule {
  return { options: NO_OPTIONS, defaultOptions: {}, ...definition } as unknown as Rule;
}

/** Fills `{{name}}` placeholders. A placeholder without data is a bug in the rule: it throws. */
export function interpolate(template: string, data: MessageData = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    const value = data[key];
    if (value === undefined) throw new Error(`message placeholder {{${key}}} has no data`);
    return String(value);
  });
}

/** The location of a report target: database names, ORM names, file and line. */
export function locate(target: ReportTarget): DiagnosticLocation {
  if (target.code) {
    const { location, table, schema } = target.code;
    return compact({
      table,
      schema,
      relation: target.relation?.relation.name,
      columns: target.columns,
      file: location.file,
      line: location.line,
      column: location.column,
    });
  }
  if (!target.relation) throw new Error('a report target needs a relation or a code location');
  const { relation, dependent, principal } = target.relation;
  const at = target.at ?? 'field';
  const onPrincipal = at === 'principal-table' || at === 'principal-field';
  const end = onPrincipal ? relation.principal : relation.dependent;
  const table = onPrincipal ? principal : dependent;
  const declared = at === 'field' || at === 'principal-field' ? (end.origin ?? table?.origin) : table?.origin;
  const origin = target.origin ?? declared;
  const columns = onPrincipal ? relation.foreignKey?.referencedColumns : relation.foreignKey?.columns;
  return compact({
    table: end.table,
    schema: end.schema,
    entity: end.entity,
    relation: relation.name,
    field: at === 'principal-field' ? relation.principal.field : relation.dependent.field,
    columns: target.columns ?? columns,
    file: origin?.file,
    line: origin?.line,
  });
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
