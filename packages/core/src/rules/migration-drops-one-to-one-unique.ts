import { databaseLabel, keyLabel, oneToOnesInDatabase } from './database-data';
import { createRule } from './rule';
import { dependentRef, relationData } from './relation-data';

export const migrationDropsOneToOneUnique = createRule({
  id: 'migration-drops-one-to-one-unique',
  description: 'A migration must not drop the unique that backs a one-to-one the schema still declares.',
  defaultSeverity: 'error',
  messages: {
    dropped:
      'one-to-one {{relation}}: migration {{migration}} drops {{key}} on {{fk}}, and no later migration restores it, but the schema still declares the one-to-one',
  },
  help: {
    dropped:
      'Recreate the unique in a new migration, or, if the relation became one-to-many, declare it so in the schema.',
  },
  check({ model, database, report }) {
    for (const { r, actual } of oneToOnesInDatabase(model.relations, database)) {
      if (!actual.droppedBy || !database) continue;
      const { key } = actual.droppedBy;
      const name = key.kind === 'unique' ? key.name : undefined;
      report({
        messageId: 'dropped',
        data: { ...relationData(r), migration: actual.droppedBy.migration, key: keyLabel(actual.droppedBy.key), database: databaseLabel(database) },
        target: { relation: r },
        fix: { kind: 'add-unique', scope: 'database', table: dependentRef(r), columns: key.columns, ...(name ? { name } : {}), keyKind: key.index ? 'index' : 'constraint' },
      });
    }
  },
});
