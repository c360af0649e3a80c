import { createRule } from './rule';
import { oneToOnes, relationData } from './relation-data';

export const oneToOneBothRequired = createRule({
  id: 'one-to-one-both-required',
  description: 'A one-to-one required on both sides (1..1) cannot be enforced by plain foreign keys.',
  defaultSeverity: 'info',
  messages: {
    bothRequired:
      'one-to-one {{relation}} is required on both sides: the foreign key makes every {{dependent}} have a {{principal}}, but nothing makes every {{principal}} have a {{dependent}}',
  },
  help: {
    bothRequired:
      'Enforce the other direction with a DEFERRABLE INITIALLY DEFERRED foreign key and create both rows in one transaction, or declare the {{principal}} side optional.',
  },
  check({ model, report }) {
    for (const r of oneToOnes(model.relations)) {
      const { dependent, principal } = r.relation;
      if (dependent.optional || principal.optional || principal.field === undefined) continue;
      report({ messageId: 'bothRequired', data: relationData(r), target: { relation: r } });
    }
  },
});
