import { relationKind, sameList, tableKey } from '../model';
import type { ForeignKey, Relation, RelationKind, SchemaModel, Table, UniqueKey } from '../model';
import { findBackingKey, findConditionalKeys, findFilterKey } from './backing-key';
import type { BackingKey } from './backing-key';

/** A relation with what the schema says about its keys. */
export interface AnalyzedRelation {
  readonly relation: Relation;
  readonly kind: RelationKind;
  readonly dependent?: Table;
  readonly principal?: Table;
  /** The key that makes the foreign key unique on the dependent; null when there is none. */
  readonly backing: BackingKey | null;
  /** Partial uniques over the foreign key (a conditional one-to-one). */
  readonly conditional: readonly UniqueKey[];
  /** The partial unique whose predicate is the relation's filter (a filtered one-to-one it backs). */
  readonly filterKey?: UniqueKey;
  /** The key that makes the referenced columns unique on the principal; null when there is none. */
  readonly target: BackingKey | null;
  /** The foreign key constraint on the dependent with the relation's columns, if any. */
  readonly constraint?: ForeignKey;
}

export interface AnalyzedModel {
  readonly model: SchemaModel;
  readonly relations: readonly AnalyzedRelation[];
}

function findConstraint(table: Table | undefined, relation: Relation): ForeignKey | undefined {
  const fk = relation.foreignKey;
  if (!table || !fk) return undefined;
  return table.foreignKeys.find(
    (c) => c.referencedTable === relation.principal.table && sameList(c.columns, fk.columns),
  );
}

/** Classifies every relation of the model: kind, ends, backing key, conditional keys. */
export function analyze(model: SchemaModel): AnalyzedModel {
  const tables = new Map(model.tables.map((t) => [tableKey(t), t] as const));
  const table = (name: string, schema?: string) => tables.get(tableKey({ name, schema }));
  const relations = model.relations.map((relation): AnalyzedRelation => {
    const dependent = table(relation.dependent.table, relation.dependent.schema);
    const principal = table(relation.principal.table, relation.principal.schema);
    const fk = relation.foreignKey;
    const constraint = findConstraint(dependent, relation);
    const filtered = relation.filter?.sql;
    const filterKey = dependent && fk && filtered !== undefined ? findFilterKey(dependent, fk.columns, filtered) : undefined;
    return {
      relation,
      kind: relationKind(relation),
      ...(dependent ? { dependent } : {}),
      ...(principal ? { principal } : {}),
      backing: dependent && fk ? findBackingKey(dependent, fk.columns) : null,
      conditional: dependent && fk ? findConditionalKeys(dependent, fk.columns) : [],
      ...(filterKey ? { filterKey } : {}),
      target: principal && fk ? findBackingKey(principal, fk.referencedColumns) : null,
      ...(constraint ? { constraint } : {}),
    };
  });
  return { model, relations };
}
