import type { AnalyzedRelation } from '../analysis';
import type { TableRef } from '../fix/fix';
import { columnsLabel, relationLabel } from '../model';

/** The dependent table, as a fix names it. */
export function dependentRef(analyzed: AnalyzedRelation): TableRef {
  const { table, schema } = analyzed.relation.dependent;
  return schema ? { name: table, schema } : { name: table };
}

/** The placeholders every relation message may use. */
export function relationData(analyzed: AnalyzedRelation) {
  const { relation } = analyzed;
  const fk = relation.foreignKey;
  return {
    relation: relationLabel(relation),
    dependent: relation.dependent.table,
    principal: relation.principal.table,
    fk: fk ? columnsLabel(relation.dependent.table, fk.columns) : relation.dependent.table,
    target: fk ? columnsLabel(relation.principal.table, fk.referencedColumns) : relation.principal.table,
    kind: analyzed.kind,
  };
}

/** Declared one-to-one relations whose dependent table is in the model. */
export function oneToOnes(relations: readonly AnalyzedRelation[]) {
  return relations.filter((r) => r.kind === 'one-to-one');
}
