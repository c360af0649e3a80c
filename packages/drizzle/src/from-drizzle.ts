/**
 * Drizzle schema exports → SchemaModel. Pure: the values a schema's modules export (with where
 * they are declared) in, the model out.
 *
 * Drizzle declares a relation field by field (`one()` / `many()` in `relations()`), never as a
 * pair. oto resolves each field the way drizzle's relational queries do (`normalizeRelation`:
 * a `many()` or a config-less `one()` takes the columns of the `one()` that points back, matched
 * by `relationName`), then joins every declaration over the same pair of column lists into one
 * relation. Its dependent is the side whose columns hold the foreign key, whichever side wrote
 * `fields`: real schemas declare `one()` with `fields` on both sides.
 */
import type { Dialect, Origin, Relation, RelationEnd, SchemaModel, Table } from '@oto/core';
import { oneLine, UserError } from '@oto/core';
import type { Column, Relation as DrizzleRelation, TableRelationalConfig } from 'drizzle-orm';
import {
  createTableRelationsHelpers,
  extractTablesRelationalConfig,
  getTableUniqueName,
  is,
  Many,
  normalizeRelation,
  One,
  Relations,
  Table as DrizzleTable,
} from 'drizzle-orm';
import type { Casing } from './drizzle-tables';
import { ColumnNames, fromDrizzleTable, isDrizzleTable, tableDialect, tableName } from './drizzle-tables';
import type { Side as DirectionSide } from './relation-direction';
import { orient, pointedAtCounts } from './relation-direction';
import type { RelationFilter } from './relation-filter';
import { relationFilter } from './relation-filter';
import { groupKeys } from './relation-groups';
import { isRelationsV2Config, readRelationsV2 } from './relations-v2';
import { lazyRelationFieldLocator } from './lazy-relation-field-locator';
import { locateTableParts } from './source-text';

/** A value one of the schema's modules exports, and where it is declared. */
export interface DrizzleExport {
  readonly name: string;
  readonly value: unknown;
  readonly origin?: Origin;
}

export interface DrizzleSchemaInput {
  readonly exports: readonly DrizzleExport[];
  /** drizzle.config's `dialect`; by default the dialect of the tables. */
  readonly dialect?: Dialect;
  /** drizzle.config's `casing`, for columns named by their key. */
  readonly casing?: Casing;
  /** The texts of the files the origins name, to locate relation fields. */
  readonly files?: ReadonlyMap<string, string>;
}

interface Declaration {
  readonly tableKey: string;
  readonly field: string;
  readonly kind: 'one' | 'many';
  readonly relationName?: string;
  /** Columns on this declaration's table, and the columns they meet on the other table. */
  readonly columns: readonly string[];
  readonly otherKey: string;
  readonly otherColumns: readonly string[];
  /** A `one()` with `fields` whose columns are all NOT NULL: drizzle types it non-null. */
  readonly required: boolean;
  readonly hasFields: boolean;
  /** Drizzle v1's `where` on a `one`, over the rows of the other table. */
  readonly filter?: RelationFilter;
  readonly origin?: Origin;
}


function at(origin: Origin | undefined): string {
  if (!origin) return '';
  return origin.line ? `${origin.file}:${origin.line}: ` : `${origin.file}: `;
}

type Side = DirectionSide<Declaration>;

/** A relation field drizzle itself cannot resolve (its queries throw on it); oto leaves it out. */
export interface UnresolvedRelation {
  /** `entity.field` */
  readonly relation: string;
  /** drizzle's reason. */
  readonly reason: string;
  readonly origin?: Origin;
}

export interface DrizzleModel {
  readonly model: SchemaModel;
  readonly unresolved: readonly UnresolvedRelation[];
}

export function fromDrizzle(input: DrizzleSchemaInput): DrizzleModel {
  // One entry per object: a schema index re-exports what its files declare.
  const seen = new Map<unknown, DrizzleExport>();
  for (const e of input.exports) {
    const known = seen.get(e.value);
    if (!known || (!known.origin && e.origin)) seen.set(e.value, e);
  }
  const exports = [...seen.values()];
  const tableExports = exports.filter((e) => isDrizzleTable(e.value));
  const relationExports = exports.filter((e) => is(e.value, Relations));
  // drizzle-orm 1.0's defineRelations / defineRelationsPart (relations v2).
  const relationsV2Exports = exports.filter((e) => isRelationsV2Config(e.value));

  const dialect = input.dialect ?? tableDialect(tableExports[0]?.value) ?? 'postgresql';
  for (const e of tableExports) {
    const own = tableDialect(e.value);
    if (own !== dialect) {
      throw new UserError(
        `${at(e.origin)}table "${e.name}" is a ${own ?? 'unsupported'} table, but the schema's dialect is ${dialect}: one drizzle config holds one dialect`,
      );
    }
  }

  const names = new ColumnNames(input.casing);
  const keyOf = (table: DrizzleTable) => getTableUniqueName(table);
  const tables = new Map<string, Table>();
  for (const e of tableExports) {
    const table = e.value as DrizzleTable;
    tables.set(keyOf(table), located(fromDrizzleTable(table, dialect, names), e, input.files));
  }

  // drizzle's own reading of the relations, under unique names (two files may export the same name).
  const schema: Record<string, unknown> = {};
  const used = new Set<string>();
  const unique = (name: string) => {
    let candidate = name;
    for (let i = 2; used.has(candidate); i++) candidate = `${name}_${i}`;
    used.add(candidate);
    return candidate;
  };
  for (const e of tableExports) schema[unique(e.name)] = e.value;
  for (const e of relationExports) {
    const declared = (e.value as Relations).table;
    if (!tables.has(keyOf(declared))) {
      throw new UserError(
        `${at(e.origin)}relations "${e.name}" are declared for table "${tableName(declared).name}", which no schema file exports: export the table from a schema file`,
      );
    }
    schema[unique(e.name)] = e.value;
  }
  const relationOrigins = new Map<string, DrizzleExport>();
  for (const e of relationExports) relationOrigins.set(keyOf((e.value as Relations).table), e);
  let config: ReturnType<typeof extractTablesRelationalConfig>;
  try {
    config = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
  } catch (error) {
    // A relations() callback that throws (e.g. one() with a config but no fields) fails drizzle too.
    const files = [...new Set(relationExports.flatMap((e) => (e.origin ? [e.origin.file] : [])))];
    throw new UserError(`${files.join(', ') || 'schema'}: drizzle cannot read the relations() declarations: ${oneLine(error)}; fix them as drizzle's relational queries would need`);
  }

  const locate = lazyRelationFieldLocator(input.files);
  const declarations: Declaration[] = [];
  const unresolved: UnresolvedRelation[] = [];
  for (const tableConfig of Object.values(config.tables) as TableRelationalConfig[]) {
    for (const [field, relation] of Object.entries(tableConfig.relations) as [string, DrizzleRelation][]) {
      const sourceKey = keyOf(relation.sourceTable);
      const owner = relationOrigins.get(sourceKey);
      const origin = locate(owner?.origin, [field]);
      const label = `${tables.get(sourceKey)?.entity ?? tableConfig.tsName}.${field}`;
      const targetKey = keyOf(relation.referencedTable);
      if (!tables.has(targetKey)) {
        throw new UserError(
          `${at(origin)}relation ${label} refers to table "${tableName(relation.referencedTable).name}", which no schema file exports: export the table from a schema file`,
        );
      }
      let normalized: { fields: Column[]; references: Column[] };
      try {
        normalized = normalizeRelation(config.tables, config.tableNamesMap, relation);
      } catch (error) {
        // drizzle fails on it only when a query reads it; many schemas carry such a field unused.
        const reason = oneLine(error).replace(/\.$/, '');
        unresolved.push({ relation: label, reason, ...(origin ? { origin } : {}) });
        continue;
      }
      const withFields = is(relation, One) && relation.config !== undefined;
      declarations.push({
        tableKey: sourceKey,
        field,
        kind: is(relation, Many) ? 'many' : 'one',
        ...(relation.relationName ? { relationName: relation.relationName } : {}),
        columns: names.all(normalized.fields),
        otherKey: targetKey,
        otherColumns: names.all(normalized.references),
        required: withFields && (relation as One).isNullable,
        hasFields: withFields,
        ...(origin ? { origin } : {}),
      });
    }
  }

  const v2 = readRelationsV2(
    relationsV2Exports.map((e) => e.value as Parameters<typeof readRelationsV2>[0][number]),
    names,
  );
  const v2Owner = relationsV2Exports.find((e) => e.origin)?.origin;
  const drizzleTables = new Map<string, DrizzleTable>(tableExports.map((e) => [keyOf(e.value as DrizzleTable), e.value as DrizzleTable]));
  for (const d of v2.declarations) {
    if (!tables.has(d.tableKey) || !tables.has(d.otherKey)) {
      const missing = tables.has(d.tableKey) ? d.otherKey : d.tableKey;
      throw new UserError(`${at(v2Owner)}relation ${d.tsName}.${d.field} refers to table "${missing.replace(/^.*\./, '')}", which no schema file exports: export the table from a schema file`);
    }
    // The field's line: the table's key in the callback of the part that declares it (the last one
    // does, as parts are merged), then the field under that key.
    const origin = locate(v2Part(relationsV2Exports, d.tsName, d.field)?.origin ?? v2Owner, [d.tsName, d.field]);
    const target = drizzleTables.get(d.otherKey);
    const { tsName: _tsName, filter, ...declaration } = d;
    // A filter that keeps every row (all its parts skipped, as drizzle skips them) filters nothing.
    const written = filter !== undefined && target ? relationFilter(filter, target, names, dialect) : undefined;
    declarations.push({
      ...declaration,
      ...(written ? { filter: written } : {}),
      ...(origin ? { origin } : {}),
    });
  }

  // Every declaration over the same two column lists is one relation, but a filtered `one` (v1's
  // `where`) holds over the rows its filter keeps: it is a relation of its own beside a `many` (or
  // another filtered `one`) on its side over the same columns, whichever is declared first.
  const groupKey = groupKeys(declarations);
  const groups = new Map<string, { a: Side; b: Side }>();
  for (const d of declarations) {
    const key = groupKey(d);
    let group = groups.get(key);
    if (!group) {
      group = { a: { tableKey: d.tableKey, columns: d.columns }, b: { tableKey: d.otherKey, columns: d.otherColumns } };
      groups.set(key, group);
    }
    const side = group.a.tableKey === d.tableKey && group.a.columns.join() === d.columns.join() ? group.a : group.b;
    side.declaration ??= d;
  }
  // A `through` junction's foreign keys: many-to-one relations no field declares.
  for (const j of v2.junctions) {
    const key = [`${j.tableKey}(${j.columns.join(',')})`, `${j.otherKey}(${j.otherColumns.join(',')})`].sort().join(' ~ ');
    if (!groups.has(key)) groups.set(key, { a: { tableKey: j.tableKey, columns: j.columns }, b: { tableKey: j.otherKey, columns: j.otherColumns } });
  }

  const pointedAt = pointedAtCounts(tables, declarations);
  const relations: Relation[] = [];
  for (const { a, b } of groups.values()) {
    const [dependent, principal] = orient(a, b, tables, pointedAt);
    relations.push(toRelation(dependent, principal, tables));
  }

  return { model: { source: 'drizzle', dialect, tables: [...tables.values()], relations }, unresolved };
}

/** The relations part export whose table `tsName` has `field` (the last such: later parts win), else the last to name the table. */
function v2Part(parts: readonly DrizzleExport[], tsName: string, field: string): DrizzleExport | undefined {
  const relationsOf = (e: DrizzleExport) => (e.value as Readonly<Record<string, { readonly relations?: object } | undefined>>)[tsName]?.relations;
  const located = parts.filter((e) => e.origin);
  return located.findLast((e) => Object.hasOwn(relationsOf(e) ?? {}, field)) ?? located.findLast((e) => relationsOf(e) !== undefined);
}

/** The table with its entity and origin, its columns and uniques located at their lines in the text. */
function located(table: Omit<Table, 'entity' | 'origin'>, e: DrizzleExport, files: ReadonlyMap<string, string> | undefined): Table {
  const parts = locateTableParts(e.origin, files, { keyOf: (name) => table.columns.find((c) => c.name === name)?.field ?? name });
  const withOrigin = <T extends object>(value: T, origin: Origin | undefined): T => (origin ? { ...value, origin } : value);
  return {
    ...table,
    columns: table.columns.map((c) => withOrigin(c, parts.column(c.name))),
    uniques: table.uniques.map((u) => withOrigin(u, parts.unique(u))),
    foreignKeys: table.foreignKeys.map((f) => withOrigin(f, parts.foreignKey(f))),
    entity: e.name,
    ...(e.origin ? { origin: e.origin } : {}),
  };
}

function end(side: Side, role: 'dependent' | 'principal', tables: ReadonlyMap<string, Table>): RelationEnd {
  const table = tables.get(side.tableKey);
  const base = {
    table: table?.name ?? side.tableKey,
    ...(table?.schema ? { schema: table.schema } : {}),
    ...(table?.entity ? { entity: table.entity } : {}),
  };
  const d = side.declaration;
  if (d) {
    return {
      ...base,
      field: d.field,
      cardinality: d.kind,
      optional: d.kind === 'many' || !d.required,
      ...(d.origin ? { origin: d.origin } : {}),
    };
  }
  if (role === 'dependent') {
    const nullable = side.columns.some((name) => table?.columns.find((c) => c.name === name)?.nullable ?? true);
    return { ...base, cardinality: 'one', optional: nullable };
  }
  // Only the dependent declares the relation: drizzle says nothing of the principal's side.
  return { ...base, cardinality: 'many', optional: true };
}

function toRelation(dependent: Side, principal: Side, tables: ReadonlyMap<string, Table>): Relation {
  const dep = end(dependent, 'dependent', tables);
  const pri = end(principal, 'principal', tables);
  const named = dependent.declaration?.relationName ?? principal.declaration?.relationName;
  const label = dep.field
    ? `${dep.entity ?? dep.table}.${dep.field}`
    : pri.field
      ? `${pri.entity ?? pri.table}.${pri.field}`
      : `${dep.entity ?? dep.table}(${dependent.columns.join(',')})`;
  // A v1 `one` with `where` on the dependent's rows (the principal's field filters them) is a filtered one-to-one.
  const filter = principal.declaration?.filter;
  // Where a FOREIGN KEY over the columns is (or would be) declared: the first column, `.references()` goes there.
  const reference = tables.get(dependent.tableKey)?.columns.find((c) => c.name === dependent.columns[0])?.origin;
  return {
    name: named ?? label,
    dependent: dep,
    principal: pri,
    foreignKey: { columns: dependent.columns, referencedColumns: principal.columns, ...(reference ? { origin: reference } : {}) },
    ...(filter ? { filter } : {}),
  };
}
