import { columnsLabel } from '../model';
import { createRule } from '../rules/rule';
import { codeTarget, isUnique, joinedKeyColumns } from './query-keys';

export const usageJoinFansOut = createRule({
  id: 'usage-join-fans-out',
  description: 'A single-row read of a query that joins a table over columns not unique on it: the join multiplies rows and the first is arbitrary.',
  defaultSeverity: 'warning',
  messages: {
    'fans-out':
      'this query is read as one row but joins {{joined}} on {{columns}}, which is not unique: the join multiplies the rows and the first is an arbitrary one',
  },
  help: {
    'fans-out': 'Join on a unique key of {{joined}}, read every row, or pick the row with an order.',
  },
  check({ model, queries, report }) {
    for (const q of queries) {
      if (q.kind !== 'select' || q.consumption === 'many') continue;
      for (const j of q.joins) {
        const columns = [...new Set(j.on.map((p) => p.right.column))];
        if (columns.length === 0 || isUnique(model, j.table, j.schema, joinedKeyColumns(q, j)) !== false) continue;
        report({ messageId: 'fans-out', data: { joined: j.table, columns: columnsLabel(j.table, columns) }, target: { columns, code: codeTarget(q, j.location) } });
      }
    }
  },
});
