/**
 * TypeORM entity metadata → SchemaModel. Pure: reads the metadata a DataSource built (tables,
 * columns by database name, keys, foreign keys, relations) and adds the UNIQUE that TypeORM
 * creates by itself for the join columns of an owning `@OneToOne`, marked `implicit`, under the
 * name the DataSource's naming strategy gives it.
 */
import type { Column, Dialect, ForeignKey, Origin, ReferentialAction, Relation, RelationEnd, SchemaModel, Table, UniqueKey } from '@oto/core';
import { sameList, tableKey } from '@oto/core';
import type { EntityMetadata, NamingStrategyInterface } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { RelationMetadata } from 'typeorm/metadata/RelationMetadata';
import { locateKeyDecorator, locateMember, locateRelationDecorator } from './class-text';

export interface TypeormSchemaInput {
  readonly dialect: Dialect;
  /** `dataSource.entityMetadatas`, built. */
  readonly entities: readonly EntityMetadata[];
  /** The DataSource's naming strategy: it names the primary keys and the implicit uniques. */
  readonly naming: Pick<NamingStrategyInterface, 'primaryKeyName' | 'relationConstraintName'>;
  /** Where each entity class is declared (class → file and line). */
  readonly origins?: ReadonlyMap<unknown, Origin>;
  /** The texts of the files the origins name, to locate properties. */
  readonly files?: ReadonlyMap<string, string>;
  /** The database type of a column (the driver's `normalizeType`). */
  readonly columnType?: (column: ColumnMetadata) => string | undefined;
}

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  CASCADE: 'cascade',
  RESTRICT: 'restrict',
  'NO ACTION': 'no-action',
  'SET NULL': 'set-null',
  'SET DEFAULT': 'set-default',
};

function action(value: string | undefined): ReferentialAction | undefined {
  return value === undefined ? undefined : ACTIONS[value.toUpperCase()];
}

const names = (columns: readonly ColumnMetadata[]) => columns.map((c) => c.databaseName);

/**
 * The unique TypeORM adds for an owning one-to-one, as its RelationJoinColumnBuilder does: only
 * with a foreign key constraint, and not when the join columns are the primary key.
 */
function implicitUniqueName(relation: RelationMetadata, naming: TypeormSchemaInput['naming']): string | undefined {
  if (!relation.isOneToOne || relation.foreignKeys.length === 0) return undefined;
  const columns = relation.foreignKeys[0]?.columns ?? [];
  if (columns.length === 0 || columns.every((c) => c.isPrimary)) return undefined;
  return naming.relationConstraintName(relation.entityMetadata.tableName, names(columns));
}

/** The class that declares a relation property (a parent's, in a hierarchy), where its origin is known. */
function declaringClass(relation: RelationMetadata, input: TypeormSchemaInput): Origin | undefined {
  return input.origins?.get(relation.target) ?? input.origins?.get(relation.entityMetadata.target);
}

/** The line of the relation's `@OneToOne` / `@ManyToOne`: where its foreign key's options are written. */
function relationDecorator(relation: RelationMetadata, input: TypeormSchemaInput): { origin?: Origin } {
  const origin = locateRelationDecorator(declaringClass(relation, input), relation.propertyName, input.files);
  return origin ? { origin } : {};
}

function fromEntityTable(entity: EntityMetadata, input: TypeormSchemaInput): Table {
  const origin = input.origins?.get(entity.target);
  const member = (target: unknown, property: string) => locateMember(input.origins?.get(target) ?? origin, property, input.files);
  const columns: Column[] = entity.columns
    .filter((c) => !c.isVirtualProperty)
    .map((c) => {
      const type = input.columnType?.(c);
      const at = c.isVirtual ? undefined : member(c.target, c.propertyName);
      return {
        name: c.databaseName,
        ...(c.isVirtual ? {} : { field: c.propertyPath }),
        ...(type ? { type } : {}),
        nullable: c.isNullable,
        ...(at ? { origin: at } : {}),
      };
    });
  const primary = entity.primaryColumns;
  const implicit = new Map<string, readonly string[]>();
  for (const relation of entity.relations) {
    const name = implicitUniqueName(relation, input.naming);
    if (name) implicit.set(name, names(relation.foreignKeys[0]?.columns ?? []));
  }
  // Where a key the user wrote is declared: its @Unique / @Index, else its one column's property.
  const keyOrigin = (key: { givenName?: string; columns: readonly ColumnMetadata[] }): { origin?: Origin } => {
    const properties = key.columns.map((c) => c.propertyName);
    const [only] = key.columns;
    const at = locateKeyDecorator(origin, { ...(key.givenName ? { name: key.givenName } : {}), properties }, input.files) ?? (only && key.columns.length === 1 ? member(only.target, only.propertyName) : undefined);
    return at ? { origin: at } : {};
  };
  // Implicit: built by TypeORM from a relation (no columns given by the user), with the name and columns it derives.
  const isImplicit = (key: { name: string; columns: readonly ColumnMetadata[]; givenColumnNames?: unknown }) =>
    key.givenColumnNames === undefined && sameList([...(implicit.get(key.name) ?? [])].sort(), names(key.columns).sort());
  const uniques: UniqueKey[] = [
    ...entity.uniques.map((u): UniqueKey => ({ name: u.name, columns: names(u.columns), kind: 'constraint', ...(isImplicit(u) ? { implicit: true } : keyOrigin(u)) })),
    ...entity.indices
      .filter((i) => i.isUnique)
      .map((i): UniqueKey => {
        const byRelation = isImplicit(i);
        // SQL Server's implicit unique is an index WHERE every column IS NOT NULL: the standard
        // meaning of UNIQUE (NULLs never collide), not a condition on the one-to-one.
        const where = byRelation ? undefined : i.where;
        return { name: i.name, columns: names(i.columns), kind: 'index', ...(where ? { where } : {}), ...(byRelation ? { implicit: true } : keyOrigin(i)) };
      }),
  ];
  const foreignKeys: ForeignKey[] = entity.foreignKeys.map((fk) => {
    const onDelete = action(fk.onDelete);
    const onUpdate = action(fk.onUpdate);
    const referenced = fk.referencedEntityMetadata;
    // The relation that makes it (none for a many-to-many's join table).
    const relation = entity.relations.find((r) => r.foreignKeys.includes(fk));
    return {
      name: fk.name,
      columns: fk.columnNames,
      referencedTable: referenced.tableName,
      ...(referenced.schema ? { referencedSchema: referenced.schema } : {}),
      referencedColumns: fk.referencedColumnNames,
      ...(onDelete ? { onDelete } : {}),
      ...(onUpdate ? { onUpdate } : {}),
      ...(fk.deferrable ? { deferrable: fk.deferrable === 'INITIALLY DEFERRED' ? 'initially-deferred' : 'initially-immediate' } : {}),
      ...(relation ? relationDecorator(relation, input) : {}),
    };
  });
  const primaryKey =
    primary.length > 0
      ? {
          name:
            input.dialect === 'mysql'
              ? 'PRIMARY'
              : (primary[0]?.primaryKeyConstraintName ?? input.naming.primaryKeyName(entity.tablePath, names(primary))),
          columns: names(primary),
        }
      : undefined;
  return {
    name: entity.tableName,
    ...(entity.schema ? { schema: entity.schema } : {}),
    ...(entity.tableType === 'junction' ? {} : { entity: entity.name }),
    columns,
    ...(primaryKey ? { primaryKey } : {}),
    uniques,
    foreignKeys,
    ...(origin ? { origin } : {}),
  };
}

/** Entities sharing a table (single-table inheritance) make one table with every column and key. */
function mergeTables(into: Table, other: Table): Table {
  const add = <T>(list: readonly T[], more: readonly T[], key: (x: T) => string) => {
    const seen = new Set(list.map(key));
    return [...list, ...more.filter((x) => !seen.has(key(x)))];
  };
  return {
    ...into,
    columns: add(into.columns, other.columns, (c) => c.name),
    uniques: add(into.uniques, other.uniques, (u) => `${u.name}:${u.columns.join(',')}`),
    foreignKeys: add(into.foreignKeys, other.foreignKeys, (f) => `${f.name}:${f.columns.join(',')}`),
  };
}

/** The relation on the other entity that pairs with `relation` (declared on either side). */
function inverseOf(relation: RelationMetadata): RelationMetadata | undefined {
  return relation.inverseRelation ?? relation.inverseEntityMetadata.relations.find((r) => r.inverseRelation === relation);
}

function endOf(
  entity: EntityMetadata,
  relation: RelationMetadata | undefined,
  cardinality: 'one' | 'many',
  optional: boolean,
  locate: (relation: RelationMetadata) => Origin | undefined,
): RelationEnd {
  const origin = relation ? locate(relation) : undefined;
  return {
    table: entity.tableName,
    ...(entity.schema ? { schema: entity.schema } : {}),
    entity: entity.name,
    ...(relation ? { field: relation.propertyPath } : {}),
    cardinality,
    optional,
    ...(origin ? { origin } : {}),
  };
}

function fromRelations(input: TypeormSchemaInput): Relation[] {
  const locate = (relation: RelationMetadata) => locateMember(declaringClass(relation, input), relation.propertyName, input.files);
  const relations: Relation[] = [];
  const done = new Set<RelationMetadata>();
  for (const entity of input.entities) {
    for (const relation of entity.relations) {
      if (done.has(relation) || relation.isManyToMany || relation.isOneToMany) continue;
      const inverse = inverseOf(relation);
      done.add(relation);
      if (inverse) done.add(inverse);
      const owning = relation.joinColumns.length > 0 ? relation : inverse && inverse.joinColumns.length > 0 ? inverse : undefined;
      // The side with the join columns is the dependent; with none on either side, the side read first.
      const dependent = owning ?? relation;
      const principal = dependent === relation ? inverse : relation;
      const joinColumns = dependent.joinColumns;
      const optional = dependent.isNullable && (joinColumns.length === 0 || joinColumns.some((c) => c.isNullable));
      relations.push({
        name: `${dependent.entityMetadata.name}.${dependent.propertyPath}`,
        dependent: endOf(dependent.entityMetadata, dependent, 'one', optional, locate),
        principal: endOf(dependent.inverseEntityMetadata, principal, dependent.isOneToOne ? 'one' : 'many', true, locate),
        ...(joinColumns.length > 0
          ? {
              foreignKey: {
                columns: names(joinColumns),
                referencedColumns: joinColumns.map((c) => c.referencedColumn?.databaseName ?? c.databaseName),
                // With the constraint or without it (createForeignKeyConstraints: false), its options are on the decorator.
                ...relationDecorator(dependent, input),
              },
            }
          : {}),
      });
    }
  }
  return relations;
}

/**
 * The entities in the order of their declarations (file, then line), then by name: TypeORM lists
 * entities from a glob in the file system's order, which differs between machines.
 */
function inSourceOrder(input: TypeormSchemaInput): TypeormSchemaInput {
  const where = (entity: EntityMetadata) => input.origins?.get(entity.target);
  const order = (a: EntityMetadata, b: EntityMetadata) => {
    const [x, y] = [where(a), where(b)];
    if (x && !y) return -1;
    if (y && !x) return 1;
    return (x && y ? compareText(x.file, y.file) || (x.line ?? 0) - (y.line ?? 0) : 0) || compareText(a.name, b.name);
  };
  return { ...input, entities: [...input.entities].sort(order) };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function fromTypeorm(given: TypeormSchemaInput): SchemaModel {
  const input = inSourceOrder(given);
  const tables = new Map<string, Table>();
  for (const entity of input.entities) {
    if (entity.tableType === 'view') continue;
    const table = fromEntityTable(entity, input);
    const key = tableKey(table);
    const known = tables.get(key);
    // The parent of a single-table hierarchy names the table; its children add their columns.
    tables.set(key, known ? (entity.tableType === 'entity-child' ? mergeTables(known, table) : mergeTables(table, known)) : table);
  }
  return { source: 'typeorm', dialect: input.dialect, tables: [...tables.values()], relations: fromRelations(input) };
}
