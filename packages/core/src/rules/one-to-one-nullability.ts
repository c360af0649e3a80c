import { findColumn } from '../model';
import { createRule } from './rule';
import { at, dependentRef, oneToOnes, relationData } from './relation-data';

export const oneToOneNullability = createRule({
  id: 'one-to-one-nullability',
  description: "The dependent side's optionality must match the NULLability of its foreign key columns.",
  defaultSeverity: 'warning',
  messages: {
    requiredButNullable:
      'one-to-one {{relation}} is declared required, but {{columns}} of {{dependent}} may be NULL: rows without a {{principal}} are allowed',
    optionalButNotNull:
      'one-to-one {{relation}} is declared optional, but {{fk}} is NOT NULL: every {{dependent}} row has a {{principal}}',
  },
  help: {
    requiredButNullable: 'Make {{columns}} NOT NULL, or declare the relation optional.',
    optionalButNotNull: 'Declare the relation required, or make {{fk}} nullable if a {{dependent}} may exist alone.',
  },
  check({ model, report }) {
    for (const r of oneToOnes(model.relations)) {
      const fk = r.relation.foreignKey;
      if (!r.dependent || !fk) continue;
      const table = r.dependent;
      const nullable = fk.columns.filter((c) => findColumn(table, c)?.nullable ?? false);
      if (!r.relation.dependent.optional && nullable.length > 0) {
        report({
          messageId: 'requiredButNullable',
          data: { ...relationData(r), columns: nullable.join(', ') },
          // At the nullable column, where NOT NULL is declared.
          target: { relation: r, columns: nullable, ...at(findColumn(table, nullable[0] ?? '')?.origin) },
          fix: { kind: 'set-not-null', scope: 'schema', table: dependentRef(r), columns: nullable },
        });
      } else if (r.relation.dependent.optional && r.relation.dependent.field && nullable.length === 0) {
        report({ messageId: 'optionalButNotNull', data: relationData(r), target: { relation: r } });
      }
    }
  },
});
