/**
 * Drizzle v1's relations (`defineRelations` / `defineRelationsPart`, "relations v2") read as
 * relation field declarations. Pure.
 *
 * drizzle-orm 1.0 normalises the relations itself when the schema module runs: `defineRelations`
 * calls its `processRelations`, which gives every `r.many.*` (and config-less `r.one.*`) the
 * columns of the relation that points back, paired by `alias`, with that relation's `through` and
 * `where`. oto reads those normalised `One` / `Many` objects as drizzle's relational queries do,
 * and never re-derives a pairing. Several parts are merged as `drizzle({ relations })` merges a
 * spread of them: by table, the later part's fields over the earlier's.
 */
import type { Column } from 'drizzle-orm';
import { getTableUniqueName, Table as DrizzleTable } from 'drizzle-orm';
import type { ColumnNames } from './drizzle-tables';
import { isDrizzleTable } from './drizzle-tables';

const ENTITY_KIND = Symbol.for('drizzle:entityKind');

/** The entity kinds of a drizzle object and its ancestors (`OneV2`, `RelationV2`, …). */
function entityKinds(value: unknown): string[] {
  const kinds: string[] = [];
  if (!value || typeof value !== 'object') return kinds;
  for (let c = (value as object).constructor as unknown; c; c = Object.getPrototypeOf(c)) {
    const kind = (c as Record<symbol, unknown>)[ENTITY_KIND];
    if (typeof kind === 'string' && !kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

/** The runtime shape of a v1 `One` / `Many` after `processRelations`. */
export interface RelationV2 {
  readonly relationType: 'one' | 'many';
  readonly fieldName: string;
  readonly sourceTable: DrizzleTable;
  readonly targetTable: DrizzleTable;
  readonly sourceColumns?: readonly BuilderColumn[];
  readonly targetColumns?: readonly BuilderColumn[];
  readonly alias?: string;
  readonly where?: unknown;
  readonly optional?: boolean;
  readonly through?: { readonly source: readonly BuilderColumn[]; readonly target: readonly BuilderColumn[] };
  readonly throughTable?: DrizzleTable;
  /** Set by `processRelations` on a relation that took its columns (and filter) from the other end. */
  readonly isFilterReversed?: boolean;
}
interface BuilderColumn {
  readonly _: { readonly column: unknown; readonly key: string; readonly tableName: string };
}

export function isRelationV2(value: unknown): value is RelationV2 {
  return entityKinds(value).includes('RelationV2');
}

interface TableConfigV2 {
  readonly table: DrizzleTable;
  readonly name: string;
  readonly relations: Readonly<Record<string, unknown>>;
}

/** What `defineRelations` / `defineRelationsPart` return: `{ [tsName]: { table, name, relations } }`. */
export function isRelationsV2Config(value: unknown): value is Readonly<Record<string, TableConfigV2>> {
  if (!value || typeof value !== 'object' || Array.isArray(value) || isDrizzleTable(value)) return false;
  const entries = Object.values(value as object) as unknown[];
  return (
    entries.length > 0 &&
    entries.every((e) => {
      if (!e || typeof e !== 'object') return false;
      const c = e as Partial<TableConfigV2>;
      return isDrizzleTable(c.table) && typeof c.name === 'string' && !!c.relations && typeof c.relations === 'object' && Object.values(c.relations).every(isRelationV2);
    })
  );
}

/** One v2 relation field, the way from-drizzle declares it. */
export interface DeclarationV2 {
  readonly tableKey: string;
  readonly tsName: string;
  readonly field: string;
  readonly kind: 'one' | 'many';
  readonly relationName?: string;
  readonly columns: readonly string[];
  readonly otherKey: string;
  readonly otherColumns: readonly string[];
  /** `optional: false` on a `one`. */
  readonly required: boolean;
  /** A `one` given `from`/`to` itself (not taken from the relation pointing back). */
  readonly hasFields: boolean;
  /** The `where` of a `one`, on the target table's rows, when it wrote one itself. */
  readonly filter?: unknown;
}

/** A foreign key of a `through` junction: a many-to-one from the junction, declared by no field. */
export interface JunctionLink {
  readonly tableKey: string;
  readonly columns: readonly string[];
  readonly otherKey: string;
  readonly otherColumns: readonly string[];
}

export interface ReadV2 {
  readonly declarations: readonly DeclarationV2[];
  readonly junctions: readonly JunctionLink[];
  /** Every table a relations part names, by its table key, with the part's tsName. */
  readonly tsNames: ReadonlyMap<string, string>;
}

const EMPTY_FILTER_KIND = 'EmptyFilter';

function hasFilter(where: unknown): boolean {
  if (where === undefined || where === null) return false;
  if (entityKinds(where).includes(EMPTY_FILTER_KIND)) return false;
  return typeof where === 'object' && Object.keys(where as object).length > 0;
}

/** Reads the relations of every part; later parts' fields win, as in a spread `{ ...a, ...b }`. */
export function readRelationsV2(parts: readonly Readonly<Record<string, TableConfigV2>>[], names: ColumnNames): ReadV2 {
  const merged = new Map<string, { table: DrizzleTable; relations: Map<string, RelationV2> }>();
  for (const part of parts) {
    for (const [tsName, config] of Object.entries(part)) {
      let entry = merged.get(tsName);
      if (!entry) merged.set(tsName, (entry = { table: config.table, relations: new Map() }));
      for (const [field, relation] of Object.entries(config.relations)) entry.relations.set(field, relation as RelationV2);
    }
  }
  const columnsOf = (list: readonly BuilderColumn[] | undefined) => names.all((list ?? []).map((c) => c._.column as Column));
  const keyOf = (table: DrizzleTable) => getTableUniqueName(table);
  const declarations: DeclarationV2[] = [];
  const junctions: JunctionLink[] = [];
  const tsNames = new Map<string, string>();
  for (const [tsName, { table, relations }] of merged) {
    tsNames.set(keyOf(table), tsName);
    for (const [field, r] of relations) {
      const tableKey = keyOf(table);
      if (r.throughTable && r.through) {
        // Many-to-many: never a one-to-one; its junction's two foreign keys are the relations.
        const junction = keyOf(r.throughTable);
        junctions.push({ tableKey: junction, columns: columnsOf(r.through.source), otherKey: tableKey, otherColumns: columnsOf(r.sourceColumns) });
        junctions.push({ tableKey: junction, columns: columnsOf(r.through.target), otherKey: keyOf(r.targetTable), otherColumns: columnsOf(r.targetColumns) });
        continue;
      }
      const one = r.relationType === 'one';
      const explicit = r.isFilterReversed === undefined;
      declarations.push({
        tableKey,
        tsName,
        field,
        kind: one ? 'one' : 'many',
        ...(r.alias ? { relationName: r.alias } : {}),
        columns: columnsOf(r.sourceColumns),
        otherKey: keyOf(r.targetTable),
        otherColumns: columnsOf(r.targetColumns),
        required: one && r.optional === false,
        hasFields: one && explicit,
        ...(one && explicit && hasFilter(r.where) ? { filter: r.where } : {}),
      });
    }
  }
  return { declarations, junctions, tsNames };
}
