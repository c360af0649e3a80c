/**
 * Which side of a Drizzle relation is the dependent (holds the foreign key) and which the
 * principal. Drizzle has no relation object, only fields; the FOREIGN KEY decides when there is
 * one, and the schema's shape when there is none. Pure.
 */
import type { Table } from '@oto/core';
import { findBackingKey } from '@oto/core';

/** What direction needs of one relation field declaration. */
export interface SideDeclaration {
  readonly tableKey: string;
  readonly kind: 'one' | 'many';
  readonly otherKey: string;
  /** A `one()` with `fields`. */
  readonly hasFields: boolean;
}

/** One side of a relation: a table's columns, and the field declared there (if any). */
export interface Side<D extends SideDeclaration = SideDeclaration> {
  readonly tableKey: string;
  readonly columns: readonly string[];
  declaration?: D;
}

function pairsKey(columns: readonly string[], others: readonly string[]): string {
  return columns.map((c, i) => `${c}=${others[i] ?? ''}`).sort().join(',');
}

/** The table holds a foreign key from exactly these columns to those of `target`. */
function holdsForeignKey(table: Table, columns: readonly string[], target: Table, targetColumns: readonly string[]): boolean {
  const wanted = pairsKey(columns, targetColumns);
  return table.foreignKeys.some(
    (fk) =>
      fk.referencedTable === target.name &&
      fk.referencedSchema === target.schema &&
      pairsKey(fk.columns, fk.referencedColumns) === wanted,
  );
}

function isKey(table: Table, columns: readonly string[]): boolean {
  return findBackingKey(table, columns) !== null;
}

/** The columns are exactly the table's primary key. */
function isPrimaryKey(table: Table, columns: readonly string[]): boolean {
  const pk = table.primaryKey?.columns;
  return pk !== undefined && pk.length === columns.length && pk.every((c) => columns.includes(c));
}


/**
 * How many other tables point at each table: hold a FOREIGN KEY to it or declare a `one()` to it.
 * The table most relations point at is the principal one (workspaces, not their limits).
 */
export function pointedAtCounts(tables: ReadonlyMap<string, Table>, declarations: readonly SideDeclaration[]): ReadonlyMap<string, ReadonlySet<string>> {
  const byName = new Map([...tables].map(([key, t]) => [`${t.schema ?? ''}.${t.name}`, key] as const));
  const counts = new Map<string, Set<string>>();
  const add = (target: string | undefined, from: string) => {
    if (target === undefined || target === from) return;
    let set = counts.get(target);
    if (!set) counts.set(target, (set = new Set()));
    set.add(from);
  };
  for (const [key, t] of tables) for (const fk of t.foreignKeys) add(byName.get(`${fk.referencedSchema ?? ''}.${fk.referencedTable}`), key);
  for (const d of declarations) if (d.kind === 'one') add(d.otherKey, d.tableKey);
  return counts;
}

/**
 * [dependent, principal]. The side holding the FOREIGN KEY is the dependent. Without one (a
 * PlanetScale-style schema, `relationMode`-like), in this order: the side whose columns are not a
 * key is the dependent; the side whose columns are its primary key is the principal; a `one()`
 * with `fields` on one side only (drizzle's convention: `fields` are the referencing columns); the
 * table more other tables point at is the principal; only then the order of declaration.
 */
export function orient<S extends Side>(a: S, b: S, tables: ReadonlyMap<string, Table>, pointedAt: ReadonlyMap<string, ReadonlySet<string>>): [S, S] {
  const ta = tables.get(a.tableKey);
  const tb = tables.get(b.tableKey);
  if (ta && tb) {
    if (holdsForeignKey(ta, a.columns, tb, b.columns)) return [a, b];
    if (holdsForeignKey(tb, b.columns, ta, a.columns)) return [b, a];
    const aKey = isKey(ta, a.columns);
    const bKey = isKey(tb, b.columns);
    if (bKey && !aKey) return [a, b];
    if (aKey && !bKey) return [b, a];
    const aPk = isPrimaryKey(ta, a.columns);
    const bPk = isPrimaryKey(tb, b.columns);
    if (bPk && !aPk) return [a, b];
    if (aPk && !bPk) return [b, a];
  }
  if (b.declaration?.hasFields && !a.declaration?.hasFields) return [b, a];
  if (a.declaration?.hasFields && !b.declaration?.hasFields) return [a, b];
  const others = (side: Side, other: Side) => [...(pointedAt.get(side.tableKey) ?? [])].filter((k) => k !== other.tableKey).length;
  const aCount = others(a, b);
  const bCount = others(b, a);
  if (aCount > bCount) return [b, a];
  return [a, b];
}
