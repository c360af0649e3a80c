import { z } from 'zod';
import type { AnalyzedRelation } from '../analysis';
import type { Column } from '../model';
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

/** A validity column that closes a period (`valid_to`, `ended_at`); the others open one (`valid_from`). */
const END = /(to|until|through|end|ended|ends|expires|expired|expiry)(at|on|date|time)?$/;

/**
 * How strongly the dependent's shape says "many rows over time, one of them current": 2 is a
 * finding at the configured severity, 1 at most a note, 0 nothing. A period (start and end), a
 * flag column (`is_active`, `is_primary`, …), a partial unique over such a column, or a relation
 * named `primary…` weigh 2; a lone end date weighs 1 (a subscription's `ends_at` is the current
 * state of the one row); a start alone is no history. A shared primary key lowers the weight by
 * one: the dependent row is the principal's own extension, so such columns describe its state.
 */
interface Signals {
  readonly weight: number;
  readonly messageId: 'timeSliced' | 'endDate' | 'primaryOfMany';
  readonly data: Readonly<Record<string, string>>;
  readonly columns?: readonly string[];
}

function signalsOf(
  r: AnalyzedRelation,
  columns: readonly Column[],
  is: { readonly timeSlice: (n: string) => boolean; readonly flag: (n: string) => boolean; readonly primaryName: (n: string) => boolean },
): Signals | undefined {
  const matches = (test: (n: string) => boolean) => columns.filter((c) => test(c.name) || (c.field !== undefined && test(c.field)));
  const validity = matches(is.timeSlice);
  const ends = validity.filter((c) => END.test(normalize(c.name)) || (c.field !== undefined && END.test(normalize(c.field))));
  const flags = matches(is.flag);
  const mentioned = (where: string) => [...validity, ...flags].some((c) => new RegExp(`\\b${c.name.replace(/[^\w]/g, '\\$&')}\\b`, 'i').test(where));
  const partial = r.conditional.find((u) => u.where !== undefined && mentioned(u.where));
  const names = [r.relation.dependent.field, r.relation.principal.field, r.relation.name].filter((n): n is string => n !== undefined);
  const named = names.find(is.primaryName);
  const shared = r.backing?.kind === 'primary-key' ? 1 : 0;
  const nameList = (list: readonly Column[]) => list.map((c) => c.name);
  if (ends.length > 0 && ends.length < validity.length) {
    return { weight: 2 - shared, messageId: 'timeSliced', data: { columns: nameList(validity).join(', ') }, columns: nameList(validity) };
  }
  const flag = flags[0];
  if (flag || named) {
    const signal = flag ? `the column ${r.relation.dependent.table}.${flag.name}` : `the name ${named}`;
    const which = flag ? normalize(flag.name).replace(/^is/, '') : 'primary';
    return { weight: 2 - shared, messageId: 'primaryOfMany', data: { signal, which, flag: flag?.name ?? 'is_primary' } };
  }
  if (partial) {
    return { weight: 2 - shared, messageId: 'timeSliced', data: { columns: nameList(validity).join(', ') }, columns: nameList(validity) };
  }
  if (ends.length > 0) {
    return { weight: 1 - shared, messageId: 'endDate', data: { columns: nameList(ends).join(', ') }, columns: nameList(ends) };
  }
  return undefined;
}

export const falseOneToOne = createRule({
  id: 'false-one-to-one',
  description:
    'Time-sliced roles ("one CEO at a time") and one-current-of-many ("one primary address", "the active plan") are one-to-many with a partial unique, not one-to-one.',
  defaultSeverity: 'warning',
  messages: {
    timeSliced:
      'one-to-one {{relation}}: {{dependent}} has validity columns ({{columns}}), a time-sliced role: a one-to-one keeps no history, so each change overwrites or deletes the previous {{dependent}}',
    endDate:
      'one-to-one {{relation}}: {{dependent}} has an end date ({{columns}}) and no start: fine if the row holds the current state; if rows end and new ones begin, it is a time-sliced role',
    primaryOfMany:
      'one-to-one {{relation}}: {{signal}} marks one current of many: there are many {{dependent}} rows per {{principal}} and one of them is the {{which}} one',
  },
  help: {
    timeSliced:
      'Declare it one-to-many and enforce "one current row" with a partial unique (e.g. UNIQUE ({{fkColumns}}) WHERE valid_to IS NULL).',
    endDate:
      'If ended rows are kept, declare it one-to-many with a partial unique (UNIQUE ({{fkColumns}}) WHERE {{columns}} IS NULL); otherwise nothing to do.',
    primaryOfMany:
      'Declare it one-to-many and enforce "one {{which}}" with a partial unique (e.g. UNIQUE ({{fkColumns}}) WHERE {{flag}}).',
  },
  options: z
    .object({
      /** Regular expressions over normalized column names that mark validity periods. */
      timeSliceColumns: patterns,
      /** Regular expressions over normalized column names of a flag that picks one of many (primary, default, current, active). */
      primaryColumns: patterns,
      /** Regular expressions over normalized relation and field names that say "primary". */
      primaryNames: patterns,
    })
    .strict(),
  defaultOptions: {
    timeSliceColumns: [
      '^valid(from|to|until|through|since)$',
      '^effective',
      '^(started|starts|start)(at|on|date|time)$',
      '^(ended|ends|end)(at|on|date|time)$',
    ],
    primaryColumns: ['^(is)?(primary|default|current|active)$'],
    primaryNames: ['^primary'],
  },
  check({ model, options, report }) {
    const matcher = (sources: readonly string[]) => {
      const regexes = sources.map((s) => new RegExp(s, 'i'));
      return (name: string) => regexes.some((re) => re.test(normalize(name)));
    };
    const is = { timeSlice: matcher(options.timeSliceColumns), flag: matcher(options.primaryColumns), primaryName: matcher(options.primaryNames) };
    for (const r of oneToOnes(model.relations)) {
      const table = r.dependent;
      const fk = r.relation.foreignKey;
      if (!table || !fk) continue;
      // A filtered one-to-one (Drizzle v1's `one({ where })`) backed by the partial unique its filter
      // matches is already the "one current of many" the help asks for.
      if (r.relation.filter && r.backing === null && r.filterKey) continue;
      const found = signalsOf(r, table.columns, is);
      if (!found || found.weight <= 0) continue;
      report({
        messageId: found.messageId,
        data: { ...relationData(r), fkColumns: fk.columns.join(', '), ...found.data },
        target: { relation: r, ...(found.columns ? { columns: found.columns } : {}) },
        ...(found.weight < 2 ? { severity: 'info' as const } : {}),
      });
    }
  },
});
