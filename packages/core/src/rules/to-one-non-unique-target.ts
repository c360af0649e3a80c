import { createRule } from './rule';
import { relationData } from './relation-data';

export const toOneNonUniqueTarget = createRule({
  id: 'to-one-non-unique-target',
  description: 'A to-one relation must reference columns that are unique on the target table.',
  defaultSeverity: 'error',
  messages: {
    nonUnique:
      '{{relation}} reads one {{principal}} row through {{target}}, which is not unique: the relation returns an arbitrary one of the matching rows',
  },
  help: {
    nonUnique: 'Reference the primary key or a unique of {{principal}}, or add a UNIQUE on {{target}}.',
  },
  check({ model, report }) {
    for (const r of model.relations) {
      if (!r.principal || !r.relation.foreignKey || r.target) continue;
      // At the one() / @relation that declares the to-one (where the user edits its references).
      const { dependent, principal } = r.relation;
      const at = dependent.field !== undefined ? 'field' : principal.field !== undefined ? 'principal-field' : 'principal-table';
      report({ messageId: 'nonUnique', data: relationData(r), target: { relation: r, at } });
    }
  },
});
