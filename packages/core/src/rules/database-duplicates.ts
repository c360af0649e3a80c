import type { DuplicateKeys } from '../model';
import { databaseLabel, oneToOnesInDatabase } from './database-data';
import { createRule } from './rule';
import { relationData } from './relation-data';

/** `42`, `(1, 'a')`; NULL for a null column of a partly null composite key. */
function sampleLabel(samples: DuplicateKeys['samples']): string {
  return samples.map((s) => (s.length === 1 ? (s[0] ?? 'NULL') : `(${s.map((v) => v ?? 'NULL').join(', ')})`)).join(', ');
}

export const databaseDuplicates = createRule({
  id: 'database-duplicates',
  description: 'Rows in the database that already break a one-to-one: foreign key values held by more than one row.',
  defaultSeverity: 'error',
  messages: {
    duplicates:
      'one-to-one {{relation}}: in {{database}}, {{groups}} value(s) of {{fk}} are held by {{rows}} rows (e.g. {{samples}}), so reads of the one-to-one return an arbitrary row',
    filteredDuplicates:
      'one-to-one {{relation}}: in {{database}}, among the {{dependent}} rows its filter {{filter}} keeps (WHERE {{where}}), {{groups}} value(s) of {{fk}} are held by {{rows}} rows (e.g. {{samples}}), so reads of the one-to-one return an arbitrary row',
  },
  help: {
    duplicates: 'Keep one {{dependent}} row per key (merge or delete the others), then add the unique.',
    filteredDuplicates: 'Keep one {{dependent}} row per key among those rows (merge them, or change the others so the filter no longer keeps them), then add the partial unique.',
  },
  check({ model, database, report }) {
    for (const { r, actual } of oneToOnesInDatabase(model.relations, database)) {
      const d = actual.duplicates;
      if (!d || d.groups === 0 || !database) continue;
      const data = { ...relationData(r), database: databaseLabel(database), groups: d.groups, rows: d.rows, samples: sampleLabel(d.samples) };
      const filter = r.relation.filter;
      report(
        d.where !== undefined && filter
          ? { messageId: 'filteredDuplicates', data: { ...data, filter: filter.text, where: d.where }, target: { relation: r } }
          : { messageId: 'duplicates', data, target: { relation: r } },
      );
    }
  },
});
