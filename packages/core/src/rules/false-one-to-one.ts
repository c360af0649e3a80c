import { z } from 'zod';
import { createRule } from './rule';
import { oneToOnes, relationData } from './relation-data';

/** Column names are compared lower-cased without `_` and `-`: `valid_from`, `validFrom` and `VALIDFROM` are one. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

const patterns = z.array(
  z.string().refine((s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression'),
);

export const falseOneToOne = createRule({
  id: 'false-one-to-one',
  description:
    'Time-sliced roles ("one CEO at a time") and primary-of-many ("one primary address") are one-to-many with a partial unique, not one-to-one.',
  defaultSeverity: 'warning',
  messages: {
    timeSliced:
      'one-to-one {{relation}}: {{dependent}} has validity columns ({{columns}}), a time-sliced role: a one-to-one keeps no history, so each change overwrites or deletes the previous {{dependent}}',
    primaryOfMany:
      'one-to-one {{relation}}: {{signal}} marks a primary-of-many: there are many {{dependent}} rows per {{principal}} and one of them is primary',
  },
  help: {
    timeSliced:
      'Declare it one-to-many and enforce "one current row" with a partial unique (e.g. UNIQUE ({{fkColumns}}) WHERE valid_to IS NULL).',
    primaryOfMany:
      'Declare it one-to-many and enforce "one primary" with a partial unique (e.g. UNIQUE ({{fkColumns}}) WHERE is_primary).',
  },
  options: z
    .object({
      /** Regular expressions over normalized column names that mark validity periods. */
      timeSliceColumns: patterns,
      /** Regular expressions over normalized column names that flag the primary one of many. */
      primaryColumns: patterns,
      /** Regular expressions over normalized relation and field names that say "primary". */
      primaryNames: patterns,
    })
    .strict(),
  defaultOptions: {
    timeSliceColumns: ['^valid(from|to|until|through|since)$', '^effective', '^(ended|ends|end)(at|on|date|time)$', '^iscurrent$'],
    primaryColumns: ['^(is)?primary$'],
    primaryNames: ['^primary'],
  },
  check({ model, options, report }) {
    const matcher = (sources: readonly string[]) => {
      const regexes = sources.map((s) => new RegExp(s, 'i'));
      return (name: string) => regexes.some((re) => re.test(normalize(name)));
    };
    const isTimeSlice = matcher(options.timeSliceColumns);
    const isPrimaryColumn = matcher(options.primaryColumns);
    const isPrimaryName = matcher(options.primaryNames);
    for (const r of oneToOnes(model.relations)) {
      const table = r.dependent;
      const fk = r.relation.foreignKey;
      if (!table || !fk) continue;
      const data = { ...relationData(r), fkColumns: fk.columns.join(', ') };
      const validity = table.columns.filter((c) => isTimeSlice(c.name) || (c.field !== undefined && isTimeSlice(c.field)));
      if (validity.length > 0) {
        const columns = validity.map((c) => c.name);
        report({ messageId: 'timeSliced', data: { ...data, columns: columns.join(', ') }, target: { relation: r, columns } });
        continue;
      }
      const flag = table.columns.find((c) => isPrimaryColumn(c.name) || (c.field !== undefined && isPrimaryColumn(c.field)));
      const names = [r.relation.dependent.field, r.relation.principal.field, r.relation.name].filter(
        (n): n is string => n !== undefined,
      );
      const named = names.find(isPrimaryName);
      if (flag || named) {
        const signal = flag ? `the column ${table.name}.${flag.name}` : `the name ${named}`;
        report({ messageId: 'primaryOfMany', data: { ...data, signal }, target: { relation: r } });
      }
    }
  },
});
