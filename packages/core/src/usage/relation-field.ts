import type { AnalyzedModel, AnalyzedRelation } from '../analysis';
import type { Table } from '../model';

/** A relation field of a table, with the way it goes: to the principal (`to-principal`) or to the dependent. */
export interface FieldRelation {
  readonly relation: AnalyzedRelation;
  readonly direction: 'to-principal' | 'to-dependent';
  /** The table the field leads to. */
  readonly target: { readonly table: string; readonly schema?: string };
}

const sameTable = (a: { table: string; schema?: string | undefined }, table: string, schema: string | undefined) =>
  a.table === table && (a.schema ?? undefined) === (schema ?? undefined);

/**
 * The relation a field of `table` declares, as the ORM resolves it at run time (drizzle's
 * `tableConfig.relations[field]`, Prisma's relation field, TypeORM's relation property): by the
 * table and the field name, never by a similar name elsewhere.
 */
export function relationOfField(model: AnalyzedModel, table: string, schema: string | undefined, field: string): FieldRelation | undefined {
  for (const r of model.relations) {
    const { dependent, principal } = r.relation;
    if (dependent.field === field && sameTable(dependent, table, schema)) {
      return { relation: r, direction: 'to-principal', target: { table: principal.table, ...(principal.schema ? { schema: principal.schema } : {}) } };
    }
    if (principal.field === field && sameTable(principal, table, schema)) {
      return { relation: r, direction: 'to-dependent', target: { table: dependent.table, ...(dependent.schema ? { schema: dependent.schema } : {}) } };
    }
  }
  return undefined;
}

/** The table of the model by database name (and schema). */
export function findTable(model: AnalyzedModel, table: string, schema?: string): Table | undefined {
  return model.model.tables.find((t) => t.name === table && (t.schema ?? undefined) === (schema ?? undefined));
}
