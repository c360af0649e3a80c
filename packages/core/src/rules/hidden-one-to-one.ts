import { createRule } from './rule';
import { relationData } from './relation-data';

export const hiddenOneToOne = createRule({
  id: 'hidden-one-to-one',
  description: 'A foreign key with a unique (or primary key) is a one-to-one, whatever the relation declares.',
  defaultSeverity: 'warning',
  messages: {
    hidden:
      '{{relation}} is declared {{kind}}, but {{fk}} is unique ({{key}}): the database allows at most one {{dependent}} per {{principal}}',
  },
  help: {
    hidden: 'Declare the relation one-to-one so code reads a single row, or drop the unique if many rows are meant.',
  },
  check({ model, report }) {
    for (const r of model.relations) {
      if (r.kind === 'one-to-one' || !r.backing) continue;
      const key = r.backing.name ?? (r.backing.kind === 'primary-key' ? 'primary key' : 'unique');
      report({ messageId: 'hidden', data: { ...relationData(r), key }, target: { relation: r } });
    }
  },
});
