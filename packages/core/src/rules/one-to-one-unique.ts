import { createRule } from './rule';
import { at, dependentRef, fkColumnOrigin, oneToOnes, relationData } from './relation-data';

export const oneToOneUnique = createRule({
  id: 'one-to-one-unique',
  description: 'A declared one-to-one needs a UNIQUE (or the primary key) on its foreign key.',
  defaultSeverity: 'error',
  messages: {
    missing:
      'one-to-one {{relation}}: the foreign key {{fk}} has no unique constraint, so the database lets many {{dependent}} rows point at one {{principal}} row and reads return an arbitrary one',
    conditional:
      'one-to-one {{relation}}: the foreign key {{fk}} is unique only WHERE {{where}} (partial unique {{key}}): a conditional one-to-one',
    filtered:
      'one-to-one {{relation}} holds only over the {{dependent}} rows its filter {{filter}} keeps, but no partial unique on {{fk}} WHERE {{where}} backs it, so the database lets many such rows point at one {{principal}} row',
  },
  help: {
    missing: 'Add a UNIQUE on {{fk}} (or make it the primary key), or declare the relation one-to-many.',
    conditional:
      'Declare the relation one-to-many and keep the partial unique as its "at most one current" rule, or make the unique total.',
    filtered: 'Add the partial unique on {{fk}} WHERE {{where}} (Drizzle: uniqueIndex(...).on(...).where(sql`{{where}}`)), or declare the relation many.',
  },
  check({ model, report }) {
    for (const r of oneToOnes(model.relations)) {
      const fk = r.relation.foreignKey;
      if (!r.dependent || !fk || r.backing) continue;
      const filter = r.relation.filter;
      if (filter) {
        // A filtered one-to-one: sound when a partial unique with the filter's predicate backs it.
        if (r.filterKey) continue;
        report({
          messageId: 'filtered',
          data: { ...relationData(r), filter: filter.text, where: filter.sql ?? `<the filter ${filter.text} in SQL>` },
          target: { relation: r, ...at(fkColumnOrigin(r)) },
          // The partial unique `oto fix` adds (a filter oto cannot write as SQL gets none).
          ...(filter.sql !== undefined ? { fix: { kind: 'add-unique' as const, scope: 'schema' as const, table: dependentRef(r), columns: fk.columns, keyKind: 'index' as const, where: filter.sql } } : {}),
        });
        continue;
      }
      const partial = r.conditional[0];
      if (partial) {
        report({
          messageId: 'conditional',
          data: { ...relationData(r), where: partial.where ?? '', key: partial.name ?? '(unnamed)' },
          // At the partial unique (to make it total), else the foreign key column.
          target: { relation: r, ...at(partial.origin ?? fkColumnOrigin(r)) },
        });
      } else {
        report({
          messageId: 'missing',
          data: relationData(r),
          // At the foreign key column, where the unique is declared.
          target: { relation: r, ...at(fkColumnOrigin(r)) },
          // What the ORM makes of the unique `oto fix` adds: Prisma's @unique is a unique index.
          fix: { kind: 'add-unique', scope: 'schema', table: dependentRef(r), columns: fk.columns, keyKind: model.model.source === 'prisma' ? 'index' : 'constraint' },
        });
      }
    }
  },
});
