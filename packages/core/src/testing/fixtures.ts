/**
 * A small language for building schema models in tests: hand-written, readable fixtures.
 * Columns are written `name` (NOT NULL) or `name?` (nullable), and `name=field` where the ORM's
 * property differs from the database name (`spouse_id=spouseId?`).
 */
import type { DatabaseFacts, Dialect, DuplicateKeys, ForeignKey, MigrationStep, ReferentialAction, Relation, SchemaModel, Table, UniqueKey } from '../model';

export interface TableSpec {
  readonly columns: readonly string[];
  readonly pk?: readonly string[];
  readonly uniques?: readonly (readonly string[] | UniqueKey)[];
  readonly fks?: readonly ForeignKey[];
  readonly entity?: string;
}

export function table(name: string, spec: TableSpec): Table {
  return {
    name,
    ...(spec.entity ? { entity: spec.entity } : {}),
    columns: spec.columns.map((c) => {
      const [name = '', field] = c.replace(/\?$/, '').split('=');
      return { name, ...(field ? { field } : {}), nullable: c.endsWith('?') };
    }),
    ...(spec.pk ? { primaryKey: { columns: spec.pk } } : {}),
    uniques: (spec.uniques ?? []).map((u) =>
      Array.isArray(u) ? { columns: u as readonly string[], kind: 'constraint' as const } : (u as UniqueKey),
    ),
    foreignKeys: spec.fks ?? [],
  };
}

export function fk(
  columns: readonly string[],
  referencedTable: string,
  referencedColumns: readonly string[],
  onDelete?: ReferentialAction,
): ForeignKey {
  return { columns, referencedTable, referencedColumns, ...(onDelete ? { onDelete } : {}) };
}

export interface RelationSpec {
  readonly name?: string;
  readonly dependent: string;
  readonly principal: string;
  readonly columns?: readonly string[];
  readonly references?: readonly string[];
  /** Declared cardinality of the principal's field: `one` (one-to-one) or `many`. */
  readonly kind?: 'one' | 'many';
  /** `null`: the dependent declares no field (only the principal declares the relation). */
  readonly dependentField?: string | null;
  /** `null`: the principal declares no field. */
  readonly principalField?: string | null;
  readonly dependentOptional?: boolean;
  readonly principalOptional?: boolean;
  /** The relation declares no foreign key columns. */
  readonly noForeignKey?: boolean;
}

export function relation(spec: RelationSpec): Relation {
  const principalField = spec.principalField === undefined ? spec.dependent : spec.principalField;
  const dependentField = spec.dependentField === undefined ? spec.principal : spec.dependentField;
  return {
    name: spec.name ?? `${spec.dependent}To${spec.principal}`,
    dependent: {
      table: spec.dependent,
      ...(dependentField !== null ? { field: dependentField } : {}),
      cardinality: 'one',
      optional: spec.dependentOptional ?? false,
    },
    principal: {
      table: spec.principal,
      ...(principalField !== null ? { field: principalField } : {}),
      cardinality: spec.kind ?? 'one',
      optional: spec.principalOptional ?? true,
    },
    ...(spec.noForeignKey
      ? {}
      : { foreignKey: { columns: spec.columns ?? [`${spec.principal}_id`], referencedColumns: spec.references ?? ['id'] } }),
  };
}

export function schema(tables: readonly Table[], relations: readonly Relation[], dialect: Dialect = 'postgresql'): SchemaModel {
  return { source: 'prisma', dialect, tables, relations };
}

/** `users(id)` and `profile(id, users_id)` with a one-to-one from profile to users; override any part. */
export function userProfile(
  profile: Partial<TableSpec> = {},
  rel: Partial<RelationSpec> = {},
  dialect: Dialect = 'postgresql',
): SchemaModel {
  return schema(
    [
      table('users', { columns: ['id'], pk: ['id'] }),
      table('profile', {
        columns: ['id', 'users_id'],
        pk: ['id'],
        uniques: [['users_id']],
        fks: [fk(['users_id'], 'users', ['id'], 'cascade')],
        ...profile,
      }),
    ],
    [relation({ dependent: 'profile', principal: 'users', ...rel })],
    dialect,
  );
}

/** A database holding `tables` (a live one, or the migrations' when `steps` are given). */
export function database(
  tables: readonly Table[],
  extra: { readonly duplicates?: readonly DuplicateKeys[]; readonly steps?: readonly MigrationStep[] } = {},
): DatabaseFacts {
  return {
    kind: extra.steps ? 'migrations' : 'database',
    label: extra.steps ? 'migrations' : 'postgresql://oto@localhost/app',
    model: { source: 'database', dialect: 'postgresql', tables, relations: [] },
    ...extra,
  };
}

/** The tables of a model (to build a database that matches the schema, then change it). */
export function tablesOf(model: SchemaModel, change: (table: Table) => Table = (t) => t): Table[] {
  return model.tables.map(change);
}
