import { endLabel } from '../model';
import { createRule } from './rule';
import { relationData } from './relation-data';

export const hiddenOneToOne = createRule({
  id: 'hidden-one-to-one',
  description: 'A foreign key with a unique (or primary key) is a one-to-one, whatever the relation declares.',
  defaultSeverity: 'warning',
  messages: {
    hidden:
      '{{declaredBy}} is declared {{kind}}, but {{fk}} is unique ({{key}}): the database allows at most one {{dependent}} per {{principal}}',
  },
  help: {
    hidden: 'Declare the relation one-to-one so code reads a single row, or drop the unique if many rows are meant.',
  },
  check({ model, report }) {
    for (const r of model.relations) {
      if (r.kind === 'one-to-one' || !r.backing) continue;
      const key = r.backing.name ?? (r.backing.kind === 'primary-key' ? 'primary key' : 'unique');
      // The field that makes it to-many: the list on the principal (one-to-many), else the reference.
      const list = r.kind === 'one-to-many' && r.relation.principal.field !== undefined;
      const declaredBy = endLabel(list ? r.relation.principal : r.relation.dependent);
      report({
        messageId: 'hidden',
        data: { ...relationData(r), key, declaredBy },
        target: { relation: r, at: list ? 'principal-field' : 'field' },
      });
    }
  },
});
