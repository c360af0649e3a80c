import { columnsLabel, relationLabel } from '../model';
import type { AnalyzedRelation } from '../analysis';
import { createRule } from '../rules/rule';
import type { OnPair, QueryJoin } from '../usage/query';
import { codeTarget, isUnique } from './query-keys';

const same = (a: { table: string; schema?: string | undefined }, table: string, schema: string | undefined) =>
  a.table === table && (a.schema ?? undefined) === (schema ?? undefined);

/** The ON pairs are the relation's foreign key against its referenced columns (either way round). */
function onRelationKey(r: AnalyzedRelation, pairs: readonly OnPair[]): boolean {
  const fk = r.relation.foreignKey;
  if (!fk || pairs.length !== fk.columns.length) return false;
  return pairs.every((p) =>
    [[p.left, p.right], [p.right, p.left]].some(([dep, pri]) => {
      const i = fk.columns.indexOf(dep!.column);
      return same(r.relation.dependent, dep!.table, dep!.schema) && same(r.relation.principal, pri!.table, pri!.schema) && i >= 0 && fk.referencedColumns[i] === pri!.column;
    }),
  );
}

/** The declared one-to-ones between the joined table and the table on the other side of the ON. */
function oneToOnesBetween(relations: readonly AnalyzedRelation[], j: QueryJoin, other: { table: string; schema?: string | undefined }) {
  return relations.filter((r) => {
    if (r.kind !== 'one-to-one') return false;
    const { dependent: d, principal: p } = r.relation;
    return (same(d, j.table, j.schema) && same(p, other.table, other.schema)) || (same(p, j.table, j.schema) && same(d, other.table, other.schema));
  });
}

export const usageJoinOffKey = createRule({
  id: 'usage-join-off-key',
  description: 'A join between the two tables of a one-to-one over other columns than its key, where the joined columns are not unique.',
  defaultSeverity: 'error',
  messages: {
    'off-key':
      'this join of {{joined}} is on {{columns}}, not on the key of the one-to-one {{relation}} ({{fk}} → {{target}}), and {{columns}} is not unique: each row meets several {{joined}} rows',
  },
  help: {
    'off-key': 'Join on {{fk}} = {{target}} (the relation\'s key), or make {{columns}} unique if the join is meant.',
  },
  check({ model, queries, report }) {
    for (const q of queries) {
      for (const j of q.joins) {
        const byOther = new Map<string, OnPair[]>();
        for (const p of j.on) byOther.set(`${p.left.schema ?? ''}.${p.left.table}`, [...(byOther.get(`${p.left.schema ?? ''}.${p.left.table}`) ?? []), p]);
        for (const pairs of byOther.values()) {
          const other = pairs[0]!.left;
          const columns = pairs.map((p) => p.right.column);
          if (isUnique(model, j.table, j.schema, columns) !== false) continue;
          for (const r of oneToOnesBetween(model.relations, j, other)) {
            if (onRelationKey(r, pairs)) continue;
            const fk = r.relation.foreignKey;
            if (!fk) continue;
            report({
              messageId: 'off-key',
              data: {
                joined: j.table,
                columns: columnsLabel(j.table, columns),
                relation: relationLabel(r.relation),
                fk: columnsLabel(r.relation.dependent.table, fk.columns),
                target: columnsLabel(r.relation.principal.table, fk.referencedColumns),
              },
              target: { relation: r, columns, code: codeTarget(q, j.location) },
            });
          }
        }
      }
    }
  },
});
