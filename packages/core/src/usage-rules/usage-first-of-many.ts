import { columnsLabel } from '../model';
import { createRule } from '../rules/rule';
import { codeTarget, filterColumns, isSingleRowRead, isUnique, unbackedKeysFiltered } from './query-keys';

export const usageFirstOfMany = createRule({
  id: 'usage-first-of-many',
  description: 'A single-row read filtered by columns that are no unique key, without an order: the database returns an arbitrary row.',
  defaultSeverity: 'warning',
  messages: {
    arbitrary: 'this single-row read of {{table}} is filtered by {{columns}}, which is no unique key, and has no order: the database returns an arbitrary one of the matching rows',
  },
  help: {
    arbitrary: 'Order it (the latest of many is then deliberate), filter by a unique key, or read every row.',
  },
  check({ model, database, queries, report }) {
    for (const q of queries) {
      if (!isSingleRowRead(q) || q.ordered || !q.filter?.complete || q.joins.length > 0) continue;
      const columns = filterColumns(q);
      if (columns.length === 0 || isUnique(model, q.table, q.schema, columns) !== false) continue;
      // A filter by the foreign key of a one-to-one lacking its unique is that rule's finding.
      if (unbackedKeysFiltered(model, database, q).length > 0) continue;
      report({ messageId: 'arbitrary', data: { table: q.table, columns: columnsLabel(q.table, columns) }, target: { columns, code: codeTarget(q) } });
    }
  },
});
