import { findFilterKey } from '../analysis';
import type { AnalyzedDatabase, AnalyzedRelation, DatabaseRelation } from '../analysis';
import { columnsLabel } from '../model';
import { keptIdentifier } from '../sql';
import { databaseLabel, keyLabel, linkData, oneToOnesInDatabase } from './database-data';
import { createRule } from './rule';
import type { RuleReport } from './rule';
import { dependentRef, oneToOnes, relationData } from './relation-data';

export const databaseUniqueMissing = createRule({
  id: 'database-unique-missing',
  description: 'The unique that backs a one-to-one in the schema must exist in the database and in the migrations.',
  defaultSeverity: 'error',
  messages: {
    missing:
      'one-to-one {{relation}}: the schema backs {{fk}} with {{key}}, but {{database}} has no unique on those columns, so it accepts many {{dependent}} rows per {{principal}} row',
    noTable: 'one-to-one {{relation}}: {{database}} has no table {{dependent}}',
    noColumns: 'one-to-one {{relation}}: {{database}} has table {{dependent}} without the column(s) {{columns}}',
    linkNotUnique:
      'one-to-one {{relation}}: {{database}} links it by a FOREIGN KEY on {{linkFk}} (not declared in the entities) without a unique on those columns, so it accepts many {{holder}} rows per {{linkTarget}} row',
    otherName:
      'one-to-one {{relation}}: {{database}} backs {{fk}} with {{actual}}, not {{key}} as the schema names it',
    filtered:
      'one-to-one {{relation}} holds only over the {{dependent}} rows its filter {{filter}} keeps; the schema backs it with {{key}} on {{fk}} WHERE {{where}}, but {{database}} has no partial unique on those columns with that predicate, so it accepts many such rows per {{principal}} row',
    filteredNoPartialIndexes:
      'one-to-one {{relation}} holds only over the {{dependent}} rows its filter {{filter}} keeps; the schema backs it with {{key}} on {{fk}} WHERE {{where}}, but {{database}} is MySQL, which has no partial (WHERE) indexes, so nothing there backs it and it accepts many such rows per {{principal}} row',
  },
  help: {
    missing:
      'Run `oto generate sql` for a migration that adds it (after a guard that stops on duplicate keys, naming them), or let the ORM create it.',
    noTable: 'Apply the migrations that create it, or check that oto reads the right database.',
    noColumns: 'Apply the migrations that add them, or check that oto reads the right database.',
    linkNotUnique:
      'Declare the join column in the entities (the schema check then asks for its unique), and run `oto generate sql` for a migration that adds the unique.',
    otherName: 'Rename one of them so that the next migration the ORM generates does not drop and recreate it.',
    filtered:
      'Run `oto generate sql` for a migration that adds it (CREATE UNIQUE INDEX … WHERE {{where}}, after a guard that stops on duplicate keys among those rows), or apply the ORM migration that creates it.',
    filteredNoPartialIndexes:
      'Enforce it another way on MySQL (a generated column that is NULL outside the filter, with a unique over it), or declare the relation many.',
  },
  check({ model, database, report }) {
    // A FOREIGN KEY the entities lack but the database has is checked for its unique like any other.
    for (const r of oneToOnes(model.relations)) {
      const link = database?.links.get(r.relation);
      if (!database || !link || link.backing) continue;
      const { table, foreignKey } = link;
      report({
        messageId: 'linkNotUnique',
        data: { ...relationData(r), ...linkData(link), database: databaseLabel(database) },
        target: { relation: r },
        fix: { kind: 'add-unique', scope: 'database', table: table.schema ? { name: table.name, schema: table.schema } : { name: table.name }, columns: foreignKey.columns, keyKind: 'constraint' },
      });
    }
    for (const { r, actual } of oneToOnesInDatabase(model.relations, database)) {
      const fk = r.relation.foreignKey;
      const filtered = !r.backing && database ? filteredFinding(r, actual, database) : undefined;
      if (filtered) report(filtered);
      if (!r.backing || !database || !fk) continue;
      const data = { ...relationData(r), key: keyLabel(r.backing), database: databaseLabel(database) };
      if (!actual.table) {
        report({ messageId: 'noTable', data, target: { relation: r, at: 'dependent-table' } });
      } else if (actual.missingColumns.length > 0) {
        report({ messageId: 'noColumns', data: { ...data, columns: actual.missingColumns.join(', ') }, target: { relation: r } });
      } else if (!actual.backing) {
        // A migration that dropped the key is reported by migration-drops-one-to-one-unique, with its name.
        // The schema's unique goes in under the schema's name; a primary key the database lacks is
        // backed by a unique (changing a primary key is the ORM's migration to write).
        const name = r.backing.kind === 'unique' ? r.backing.name : undefined;
        if (!actual.droppedBy) {
          report({
            messageId: 'missing',
            data,
            target: { relation: r },
            fix: { kind: 'add-unique', scope: 'database', table: dependentRef(r), columns: r.backing.columns, ...(name ? { name } : {}), keyKind: r.backing.index ? 'index' : 'constraint' },
          });
        }
      } else if (r.backing.kind === 'unique' && actual.backing.kind === 'unique' && r.backing.name && actual.backing.name && keptIdentifier(r.backing.name, database.facts.model.dialect) !== actual.backing.name) {
        // A primary key is the primary key whatever its name (MySQL calls every one PRIMARY); a name
        // PostgreSQL cut to 63 bytes is the name the schema wrote.
        report({
          messageId: 'otherName',
          data: { ...data, actual: keyLabel(actual.backing), fk: columnsLabel(actual.table.name, actual.backing.columns) },
          target: { relation: r },
          severity: 'info',
          fix: {
            kind: 'rename-unique',
            scope: 'database',
            table: dependentRef(r),
            columns: actual.backing.columns,
            from: actual.backing.name,
            to: r.backing.name,
            keyKind: actual.backing.index ? 'index' : 'constraint',
          },
        });
      }
    }
  },
});

/** The schema's partial unique as messages name it. */
const partialLabel = (name: string | undefined, columns: readonly string[]) => (name ? `partial unique ${name}` : `a partial unique (${columns.join(', ')})`);

/**
 * A filtered one-to-one (Drizzle v1's `one({ where })`) that the schema backs with a partial unique
 * matching its filter: the database needs a partial unique over the same columns whose predicate
 * means the same (compared with the database's column types). MySQL has no partial indexes at all.
 */
function filteredFinding(
  r: AnalyzedRelation,
  actual: DatabaseRelation,
  database: AnalyzedDatabase,
): RuleReport<'noTable' | 'noColumns' | 'filtered' | 'filteredNoPartialIndexes'> | undefined {
  const fk = r.relation.foreignKey;
  const filter = r.relation.filter;
  const where = filter?.sql;
  const key = r.filterKey;
  if (!fk || !filter || where === undefined || !key) return undefined;
  const data = {
    ...relationData(r),
    key: partialLabel(key.name, key.columns),
    filter: filter.text,
    where,
    database: databaseLabel(database),
  };
  if (!actual.table) return { messageId: 'noTable', data, target: { relation: r, at: 'dependent-table' } };
  if (actual.missingColumns.length > 0) return { messageId: 'noColumns', data: { ...data, columns: actual.missingColumns.join(', ') }, target: { relation: r } };
  if (findFilterKey(actual.table, fk.columns, where)) return undefined;
  // Said once, without a fix: no migration can add a partial unique there.
  if (database.facts.model.dialect === 'mysql') return { messageId: 'filteredNoPartialIndexes', data, target: { relation: r } };
  // The partial unique goes in under the schema's name, with the filter's predicate.
  return {
    messageId: 'filtered',
    data,
    target: { relation: r },
    fix: { kind: 'add-unique', scope: 'database', table: dependentRef(r), columns: fk.columns, ...(key.name ? { name: key.name } : {}), keyKind: 'index', where },
  };
}
