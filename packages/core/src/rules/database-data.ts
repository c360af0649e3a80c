import type { AnalyzedDatabase, AnalyzedRelation, BackingKey, DatabaseLink, DatabaseRelation } from '../analysis';
import { columnsLabel } from '../model';
import { oneToOnes } from './relation-data';

/** How a key is named in messages: `unique REL_…`, `the primary key`, `unique (a, b)`. */
export function keyLabel(key: BackingKey): string {
  if (key.kind === 'primary-key') return key.name ? `primary key ${key.name}` : 'the primary key';
  return key.name ? `unique ${key.name}` : `unique (${key.columns.join(', ')})`;
}

/** How the database is named in messages. */
export function databaseLabel(database: AnalyzedDatabase): string {
  const { kind, label } = database.facts;
  return kind === 'migrations' ? `the database replayed from ${label}` : `the database ${label}`;
}

/** Declared one-to-ones with their comparison with the database (none without a database). */
export function oneToOnesInDatabase(
  relations: readonly AnalyzedRelation[],
  database: AnalyzedDatabase | undefined,
): { readonly r: AnalyzedRelation; readonly actual: DatabaseRelation }[] {
  if (!database) return [];
  return oneToOnes(relations).flatMap((r) => {
    const actual = database.relations.get(r.relation);
    return actual && r.dependent ? [{ r, actual }] : [];
  });
}

/** The placeholders of a FOREIGN KEY the database has but the entities do not declare. */
export function linkData(link: DatabaseLink) {
  const { table, foreignKey } = link;
  return {
    linkFk: columnsLabel(table.name, foreignKey.columns),
    linkTarget: columnsLabel(foreignKey.referencedTable, foreignKey.referencedColumns),
    linkColumns: foreignKey.columns.join(', '),
    holder: table.name,
  };
}
