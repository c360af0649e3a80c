import { databaseLabel, linkData, oneToOnesInDatabase } from './database-data';
import { createRule } from './rule';
import { at, foreignKeyOrigin, oneToOnes, relationData } from './relation-data';

export const oneToOneNoForeignKey = createRule({
  id: 'one-to-one-no-foreign-key',
  description: 'A declared one-to-one needs foreign key columns and a FOREIGN KEY constraint.',
  defaultSeverity: 'warning',
  messages: {
    noColumns:
      'one-to-one {{relation}} has no foreign key column on either side: nothing in the database links a {{dependent}} row to its {{principal}} row',
    noJoinColumn:
      'one-to-one {{relation}} has no join column in the entities, but {{database}} links them by a FOREIGN KEY on {{linkFk}} to {{linkTarget}}: the ORM neither writes nor reads it',
    noConstraint:
      'one-to-one {{relation}}: {{fk}} references {{target}} without a FOREIGN KEY constraint, so it may point at rows that do not exist',
    noDatabaseConstraint:
      'one-to-one {{relation}}: the schema declares a FOREIGN KEY on {{fk}}, but {{database}} has none, so it may point at rows that do not exist',
  },
  help: {
    noColumns: 'Give one side the foreign key (TypeORM: @JoinColumn on the owning side).',
    noJoinColumn: 'Declare the join column the database has on {{holder}} (TypeORM: @JoinColumn({ name: "{{linkColumns}}" }) on its side of the relation).',
    noConstraint: 'Declare the reference (Drizzle: .references(() => …); TypeORM: createForeignKeyConstraints: true).',
    noDatabaseConstraint: 'Add the constraint in a migration, or apply the migrations that create it.',
  },
  check({ model, database, report }) {
    for (const r of oneToOnes(model.relations)) {
      const link = database?.links.get(r.relation);
      if (!r.relation.foreignKey && database && link) {
        report({ messageId: 'noJoinColumn', data: { ...relationData(r), ...linkData(link), database: databaseLabel(database) }, target: { relation: r } });
      } else if (!r.relation.foreignKey) {
        report({ messageId: 'noColumns', data: relationData(r), target: { relation: r } });
      } else if (r.dependent && !r.constraint) {
        // Where the reference would be declared (Drizzle: the column's `.references()`; TypeORM: the relation's decorator).
        report({ messageId: 'noConstraint', data: relationData(r), target: { relation: r, ...at(foreignKeyOrigin(r)) } });
      }
    }
    // The database: a constraint the schema declares (not one the ORM only emulates) must be there.
    for (const { r, actual } of oneToOnesInDatabase(model.relations, database)) {
      if (!database || !r.constraint || r.constraint.emulated || !actual.table || actual.missingColumns.length > 0) continue;
      if (!actual.constraint) {
        report({ messageId: 'noDatabaseConstraint', data: { ...relationData(r), database: databaseLabel(database) }, target: { relation: r, ...at(foreignKeyOrigin(r)) } });
      }
    }
  },
});
