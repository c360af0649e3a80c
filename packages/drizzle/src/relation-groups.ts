/**
 * Which relation each Drizzle relation field declaration belongs to. Pure.
 *
 * Every declaration over the same two column lists is one relation (drizzle declares fields, never
 * pairs), except a filtered `one` (v1's `where`), which holds over the rows its filter keeps: it is
 * a relation of its own when another field is declared on its side over the same columns (a `many`,
 * or another filtered `one`), whatever the order they are declared in.
 */

/** What grouping reads of a declaration. */
export interface GroupedDeclaration {
  readonly tableKey: string;
  readonly field: string;
  readonly columns: readonly string[];
  readonly otherKey: string;
  readonly otherColumns: readonly string[];
  readonly filter?: unknown;
}

const sideKey = (d: GroupedDeclaration) => `${d.tableKey}(${d.columns.join(',')})`;

/** The key of the relation over the two column lists, the same from either side. */
export const columnsKey = (d: GroupedDeclaration) => [sideKey(d), `${d.otherKey}(${d.otherColumns.join(',')})`].sort().join(' ~ ');

/**
 * The relation each declaration belongs to: the one over its two column lists, except a filtered
 * `one` that is not alone on its side there (an unfiltered field, or another filtered one, is
 * declared on the same side), which is a relation of its own, keyed by its field.
 */
export function groupKeys(declarations: readonly GroupedDeclaration[]): (d: GroupedDeclaration) => string {
  const taken = new Map<string, { unfiltered: number; filtered: number }>();
  for (const d of declarations) {
    const at = `${columnsKey(d)} @ ${sideKey(d)}`;
    const count = taken.get(at) ?? { unfiltered: 0, filtered: 0 };
    if (d.filter) count.filtered++;
    else count.unfiltered++;
    taken.set(at, count);
  }
  return (d) => {
    const key = columnsKey(d);
    const count = taken.get(`${key} @ ${sideKey(d)}`);
    const alone = !count || (count.unfiltered === 0 && count.filtered === 1);
    return d.filter && !alone ? `${key} : ${d.tableKey}.${d.field}` : key;
  };
}
