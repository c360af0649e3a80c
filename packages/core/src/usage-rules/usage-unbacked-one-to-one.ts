import { columnsLabel, relationLabel } from '../model';
import { createRule } from '../rules/rule';
import { findTable, relationOfField } from '../usage/relation-field';
import { codeTarget, isSingleRowRead, unbackedBy, unbackedKeyLabel, unbackedKeysFiltered } from './query-keys';

export const usageUnbackedOneToOne = createRule({
  id: 'usage-unbacked-one-to-one',
  description: 'Code that reads or writes through a one-to-one whose foreign key has no unique: it gets an arbitrary row, or writes many.',
  defaultSeverity: 'error',
  messages: {
    read: '{{field}} reads the one-to-one {{relation}}, but {{fk}} is not unique ({{finding}}): it returns an arbitrary one of the {{dependent}} rows',
    'single-row': 'this single-row read of {{dependent}} is filtered by {{fk}} of the one-to-one {{relation}}, which is not unique ({{finding}}): it returns an arbitrary one of several rows',
    write: 'this {{kind}} of {{dependent}} is keyed by {{fk}} of the one-to-one {{relation}}, which is not unique ({{finding}}): it {{verb}} every row of the key, not one',
  },
  help: {
    read: 'Add the unique on {{fk}} (see the {{finding}} finding), or declare the relation one-to-many and read a list.',
    'single-row': 'Add the unique on {{fk}} (see the {{finding}} finding), or filter by a unique key.',
    write: 'Add the unique on {{fk}} (see the {{finding}} finding), or key the {{kind}} by a unique key.',
  },
  check({ model, database, queries, report }) {
    for (const q of queries) {
      for (const read of q.reads) {
        const found = relationOfField(model, read.table, read.schema, read.field);
        const by = found && found.direction === 'to-dependent' ? unbackedBy(found.relation, database) : undefined;
        if (!found || !by) continue;
        const { relation } = found.relation;
        report({
          messageId: 'read',
          data: { field: [findTable(model, q.table, q.schema)?.entity ?? q.table, ...read.path].join('.'), relation: relationLabel(relation), fk: unbackedKeyLabel(found.relation), dependent: relation.dependent.table, finding: by },
          target: { relation: found.relation, columns: relation.foreignKey?.columns ?? [], code: codeTarget(q, read.location) },
        });
      }
      // An ordered single-row read picks its row deliberately (the latest of many): not an arbitrary one.
      if (q.kind === 'select' && (!isSingleRowRead(q) || q.ordered)) continue;
      for (const { relation: r, by } of unbackedKeysFiltered(model, database, q)) {
        const { relation } = r;
        const data = { relation: relationLabel(relation), fk: columnsLabel(relation.dependent.table, relation.foreignKey?.columns ?? []), dependent: relation.dependent.table, finding: by };
        report({
          messageId: q.kind === 'select' ? 'single-row' : 'write',
          data: { ...data, kind: q.kind, verb: q.kind === 'update' ? 'updates' : 'deletes' },
          target: { relation: r, columns: relation.foreignKey?.columns ?? [], code: codeTarget(q) },
        });
      }
    }
  },
});
