import type { AnalyzedRelation } from '../analysis';
import type { TableRef } from '../fix/fix';
import type { Origin } from '../model';
import { columnsLabel, findColumn, relationLabel } from '../model';

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

/** Where the foreign key's first column is declared on the dependent (where a unique or NOT NULL goes), when known. */
export function fkColumnOrigin(analyzed: AnalyzedRelation): Origin | undefined {
  const column = analyzed.relation.foreignKey?.columns[0];
  return analyzed.dependent && column !== undefined ? findColumn(analyzed.dependent, column)?.origin : undefined;
}

/**
 * Where the relation's FOREIGN KEY constraint is declared (where its ON DELETE is written), else
 * where one would be declared; undefined when the adapter knows neither (the field locates it).
 */
export function foreignKeyOrigin(analyzed: AnalyzedRelation): Origin | undefined {
  return analyzed.constraint?.origin ?? analyzed.relation.foreignKey?.origin;
}

/** A report target's `origin`, only when there is one (the target's default otherwise). */
export function at(origin: Origin | undefined): { readonly origin?: Origin } {
  return origin ? { origin } : {};
}
