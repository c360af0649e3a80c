/** Rows of one key per column → one entry per key, columns in the rows' order. */
export function groupBy<R, K extends string>(rows: readonly R[], key: (row: R) => K): Map<K, R[]> {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** MySQL and SQLite return booleans and counts as 0/1 numbers or strings. */
export function truthy(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'YES' || value === 't';
}
