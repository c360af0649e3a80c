import { findColumn } from '../model';
import { createRule } from './rule';
import { at, dependentRef, foreignKeyOrigin, oneToOnes, relationData } from './relation-data';

export const oneToOneOnDelete = createRule({
  id: 'one-to-one-on-delete',
  description: 'ON DELETE must fit the one-to-one: SET NULL needs nullable columns, SET DEFAULT collides with the unique.',
  defaultSeverity: 'warning',
  messages: {
    setNullOnRequired:
      'one-to-one {{relation}}: ON DELETE SET NULL on {{fk}}, but {{columns}} is NOT NULL, so deleting a {{principal}} row that has a {{dependent}} fails',
    setDefaultOnUnique:
      'one-to-one {{relation}}: ON DELETE SET DEFAULT on the unique {{fk}} gives every orphaned {{dependent}} the same key, so the second such delete breaks the unique',
    setNullOnSqlServerUnique:
      'one-to-one {{relation}}: ON DELETE SET NULL on the unique {{fk}}, but SQL Server lets a unique hold only one NULL, so the second such delete fails',
  },
  help: {
    setNullOnRequired:
      'Use ON DELETE CASCADE (the {{dependent}} lives and dies with its {{principal}}) or RESTRICT, or make {{columns}} nullable.',
    setDefaultOnUnique: 'Use ON DELETE CASCADE, SET NULL (with nullable columns) or RESTRICT.',
    setNullOnSqlServerUnique: 'Use a filtered unique index (WHERE … IS NOT NULL) to back the one-to-one, or ON DELETE CASCADE.',
  },
  check({ model, report }) {
    for (const r of oneToOnes(model.relations)) {
      const table = r.dependent;
      const constraint = r.constraint;
      const onDelete = constraint?.onDelete;
      if (!table || !constraint || !onDelete) continue;
      const fk = r.relation.foreignKey;
      if (!fk) continue;
      // At the constraint's declaration, where its ON DELETE is written; the fix names the constraint without it.
      const where = at(foreignKeyOrigin(r));
      const { origin: _origin, ...foreignKey } = constraint;
      if (onDelete === 'set-null') {
        const notNull = fk.columns.filter((c) => findColumn(table, c)?.nullable === false);
        if (notNull.length > 0) {
          report({
            messageId: 'setNullOnRequired',
            data: { ...relationData(r), columns: notNull.join(', ') },
            target: { relation: r, columns: notNull, ...where },
            fix: { kind: 'change-on-delete', scope: 'schema', table: dependentRef(r), foreignKey, from: onDelete },
          });
        } else if (r.backing && model.model.dialect === 'sqlserver') {
          report({ messageId: 'setNullOnSqlServerUnique', data: relationData(r), target: { relation: r, ...where } });
        }
      } else if (onDelete === 'set-default' && r.backing) {
        report({
          messageId: 'setDefaultOnUnique',
          data: relationData(r),
          target: { relation: r, ...where },
          fix: { kind: 'change-on-delete', scope: 'schema', table: dependentRef(r), foreignKey, from: onDelete },
        });
      }
    }
  },
});
