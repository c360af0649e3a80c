/**
 * Which single-row accessors a model gets, ORM-independent: for every relation declared
 * one-to-one, one accessor on each end's table that reads the row at the other end. The ORM
 * adapters render these plans as code (a Prisma Client extension, Drizzle or TypeORM functions).
 *
 * An accessor takes the row's key — its primary key, or the relation's own columns on a table
 * without one — and reads the other table with at most two rows. When the key is the join
 * columns themselves (a foreign key that references the primary key, or a shared primary key),
 * the read filters the other table directly; otherwise it joins through the given table.
 */
import { relationKind, relationLabel, tableKey } from '../model';
import type { Column, Relation, SchemaModel, Table } from '../model';

export interface JoinPair {
  /** The column of the table the accessor is on. */
  readonly from: Column;
  /** The column of the table it reads. */
  readonly to: Column;
}

export interface Accessor {
  readonly relation: Relation;
  /** `to-dependent`: from the referenced row to the row holding the foreign key; `to-principal`: back. */
  readonly direction: 'to-dependent' | 'to-principal';
  /** The table whose row is given. */
  readonly from: Table;
  /** The table read. */
  readonly to: Table;
  /** The relation field on `from` (absent when the ORM declares only the other end). */
  readonly field?: string;
  /** The relation field on `to` pointing back (absent likewise). */
  readonly inverseField?: string;
  /** Unique among the accessors of `from`: the field, else the other table's entity name. */
  readonly name: string;
  /** How errors name the relation: `User.profile`. */
  readonly label: string;
  /** The other side may hold no row: the accessor returns null instead of throwing. */
  readonly optional: boolean;
  /** The columns of `from` the caller passes. */
  readonly key: readonly Column[];
  readonly join: readonly JoinPair[];
  /**
   * The key columns are exactly the join columns of `from`: `to` is read by its join columns.
   * `join[i]` is then the pair whose `from` is `key[i]`.
   */
  readonly direct: boolean;
}

export interface SkippedAccessor {
  readonly relation: string;
  readonly reason: string;
}

export interface AccessorPlan {
  readonly accessors: readonly Accessor[];
  readonly skipped: readonly SkippedAccessor[];
}

/** `CeoAssignment` → `ceoAssignment`: how Prisma names a model on its client, among others. */
export const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `app_user` → `appUser`, `Profile` → `profile`: a name for code. */
export function camelName(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w, i) => (i === 0 ? w : upperFirst(w))).join('');
  const name = lowerFirst(joined || 'row');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

export function pascalName(text: string): string {
  return upperFirst(camelName(text).replace(/^_/, ''));
}

/**
 * Makes names unique in order: a taken name gets `2`, `3`, … appended. `taken` holds names
 * already in use (imports, reserved words); the result's names are added to it.
 */
export function uniqueNames(wanted: readonly string[], taken: Set<string> = new Set()): string[] {
  return wanted.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
    taken.add(candidate);
    return candidate;
  });
}

function columnOf(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

type Draft = Omit<Accessor, 'name'> & { readonly wanted: string; readonly fromField: boolean };

function draft(relation: Relation, direction: Accessor['direction'], from: Table, to: Table, fromColumns: readonly string[], toColumns: readonly string[]): Draft | string {
  const join: JoinPair[] = [];
  for (const [i, name] of fromColumns.entries()) {
    const f = columnOf(from, name);
    const t = columnOf(to, toColumns[i] ?? '');
    if (!f || !t) return `column ${f ? `${to.name}.${toColumns[i]}` : `${from.name}.${name}`} is not in the model`;
    join.push({ from: f, to: t });
  }
  const keyNames = from.primaryKey && from.primaryKey.columns.length > 0 ? from.primaryKey.columns : fromColumns;
  const key: Column[] = [];
  for (const name of keyNames) {
    const column = columnOf(from, name);
    if (!column) return `primary key column ${from.name}.${name} is not in the model`;
    key.push(column);
  }
  const direct = sameSet(keyNames, fromColumns);
  // Keep key and join in the same order when direct, so renderers pair them by index.
  const orderedJoin = direct ? key.map((k) => join.find((p) => p.from.name === k.name) as JoinPair) : join;
  const [end, other] = direction === 'to-dependent' ? [relation.principal, relation.dependent] : [relation.dependent, relation.principal];
  const wanted = end.field ?? camelName(to.entity ?? to.name);
  return {
    relation,
    direction,
    from,
    to,
    ...(end.field ? { field: end.field } : {}),
    ...(other.field ? { inverseField: other.field } : {}),
    label: `${from.entity ?? from.name}.${wanted}`,
    optional: direction === 'to-dependent' ? relation.principal.optional || end.field === undefined : relation.dependent.optional,
    key,
    join: orderedJoin,
    direct,
    wanted,
    fromField: end.field !== undefined,
  };
}

/** The accessors of every relation declared one-to-one, in model order, each end's table first by the principal. */
export function planAccessors(model: SchemaModel): AccessorPlan {
  const tables = new Map(model.tables.map((t) => [tableKey(t), t] as const));
  const drafts: Draft[] = [];
  const skipped: SkippedAccessor[] = [];
  for (const relation of model.relations) {
    if (relationKind(relation) !== 'one-to-one') continue;
    const label = relationLabel(relation);
    const fk = relation.foreignKey;
    const dependent = tables.get(tableKey({ name: relation.dependent.table, schema: relation.dependent.schema }));
    const principal = tables.get(tableKey({ name: relation.principal.table, schema: relation.principal.schema }));
    if (!fk || fk.columns.length === 0) {
      skipped.push({ relation: label, reason: 'no foreign key columns on either side: nothing joins the two rows' });
      continue;
    }
    if (!dependent || !principal) {
      skipped.push({ relation: label, reason: `table ${!dependent ? relation.dependent.table : relation.principal.table} is not in the model` });
      continue;
    }
    for (const made of [
      draft(relation, 'to-dependent', principal, dependent, fk.referencedColumns, fk.columns),
      draft(relation, 'to-principal', dependent, principal, fk.columns, fk.referencedColumns),
    ]) {
      if (typeof made === 'string') skipped.push({ relation: label, reason: made });
      else drafts.push(made);
    }
  }
  return { accessors: nameAccessors(drafts), skipped };
}

/**
 * Names unique per table: a relation field keeps its name (fields are unique on a table); a name
 * taken from the other table gets `By<join columns>` when it collides, then a number.
 */
function nameAccessors(drafts: readonly Draft[]): Accessor[] {
  const byTable = new Map<string, Draft[]>();
  for (const d of drafts) byTable.set(tableKey(d.from), [...(byTable.get(tableKey(d.from)) ?? []), d]);
  const names = new Map<Draft, string>();
  for (const group of byTable.values()) {
    const taken = new Set(group.filter((d) => d.fromField).map((d) => d.wanted));
    const derived = group.filter((d) => !d.fromField);
    const count = (name: string) => derived.filter((d) => d.wanted === name).length + (taken.has(name) ? 1 : 0);
    const wanted = derived.map((d) =>
      count(d.wanted) > 1 ? `${d.wanted}By${d.join.map((p) => pascalName(p.to.field ?? p.to.name)).join('')}` : d.wanted,
    );
    uniqueNames(wanted, taken).forEach((name, i) => names.set(derived[i] as Draft, name));
    for (const d of group) if (d.fromField) names.set(d, d.wanted);
  }
  return drafts.map((d) => {
    const { wanted, fromField: _fromField, ...accessor } = d;
    return { ...accessor, name: names.get(d) ?? wanted };
  });
}
