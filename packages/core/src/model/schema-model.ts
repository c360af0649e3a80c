/**
 * The schema model: what every adapter (Prisma, Drizzle, TypeORM, the live database) produces and
 * every rule reads. Plain readonly data, serialisable to JSON. Names are database names; ORM names
 * (model, class or variable; field or property) ride alongside where the ORM has them.
 */

export type SchemaSource = 'prisma' | 'drizzle' | 'typeorm' | 'database';

export type Dialect = 'postgresql' | 'cockroachdb' | 'mysql' | 'sqlite' | 'sqlserver' | 'mongodb';

export type ReferentialAction = 'cascade' | 'restrict' | 'no-action' | 'set-null' | 'set-default';

/** Where something is declared in the user's sources. */
export interface Origin {
  readonly file: string;
  /** 1-based. */
  readonly line?: number;
}

export interface Column {
  /** Name in the database. */
  readonly name: string;
  /** Name in the ORM, when it differs or is known. */
  readonly field?: string;
  readonly type?: string;
  readonly nullable: boolean;
  readonly origin?: Origin;
}

export interface PrimaryKey {
  readonly name?: string;
  readonly columns: readonly string[];
}

export interface UniqueKey {
  readonly name?: string;
  readonly columns: readonly string[];
  /** A UNIQUE constraint, or a unique index. */
  readonly kind: 'constraint' | 'index';
  /** The predicate of a partial unique index: such a key does not back a one-to-one. */
  readonly where?: string;
  /** The index has expression keys; `columns` then lists only its plain columns. */
  readonly expression?: boolean;
  /** Added by the ORM itself, not written by the user (TypeORM's `REL_…` on a OneToOne join column). */
  readonly implicit?: boolean;
  /** Where the unique is declared (`.unique()`, `@@unique`, `@Unique`), when the adapter knows. */
  readonly origin?: Origin;
}

export interface ForeignKey {
  readonly name?: string;
  readonly columns: readonly string[];
  readonly referencedTable: string;
  readonly referencedSchema?: string;
  readonly referencedColumns: readonly string[];
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly deferrable?: 'initially-immediate' | 'initially-deferred';
  /** Enforced by the ORM, not by a database constraint (Prisma `relationMode = "prisma"`). */
  readonly emulated?: boolean;
  /**
   * Where the constraint is declared, when the adapter knows: the line its ON DELETE is written on
   * (Drizzle the column's `.references()` or the table's `foreignKey(…)`, TypeORM the owning side's
   * `@OneToOne` / `@ManyToOne`, Prisma the `@relation` field).
   */
  readonly origin?: Origin;
}

export interface Table {
  /** Name in the database. */
  readonly name: string;
  readonly schema?: string;
  /** Model, class or variable name in the ORM. */
  readonly entity?: string;
  readonly columns: readonly Column[];
  readonly primaryKey?: PrimaryKey;
  readonly uniques: readonly UniqueKey[];
  readonly foreignKeys: readonly ForeignKey[];
  readonly origin?: Origin;
}

export type Cardinality = 'one' | 'many';

/**
 * One end of a relation, described by the relation field the ORM declares on that end's table
 * (if any): `cardinality` is how many rows of the other table that field holds, `optional`
 * whether it may hold none.
 */
export interface RelationEnd {
  readonly table: string;
  readonly schema?: string;
  readonly entity?: string;
  /** The relation field on this end's table; absent when the ORM declares only the other end. */
  readonly field?: string;
  readonly cardinality: Cardinality;
  readonly optional: boolean;
  readonly origin?: Origin;
}

/** The columns of the dependent that reference the principal, in matching order. */
export interface RelationForeignKey {
  readonly columns: readonly string[];
  readonly referencedColumns: readonly string[];
  /**
   * Where a FOREIGN KEY constraint over these columns is declared, or would be (the schema may
   * have none): Drizzle the first column (`.references()` goes there), TypeORM the owning side's
   * relation decorator (`createForeignKeyConstraints`), Prisma the `@relation` field.
   */
  readonly origin?: Origin;
}

/**
 * A relation as the ORM declares it. The dependent holds the foreign key (TypeORM: the owning
 * side), the principal is referenced. The ends are the declared cardinality; see `relationKind`.
 */
export interface Relation {
  /** The ORM's relation name (Prisma `relationName`, Drizzle `relationName`, …) or a derived one. */
  readonly name: string;
  readonly dependent: RelationEnd;
  readonly principal: RelationEnd;
  /** Absent when the ORM declares no foreign key columns on either side. */
  readonly foreignKey?: RelationForeignKey;
  /**
   * A filtered relation (Drizzle v1's `one({ where })`): it holds only over the dependent rows the
   * filter keeps. `text` is the filter as written, `sql` its predicate over the dependent's columns
   * when oto can express it (the WHERE of the partial unique that backs it).
   */
  readonly filter?: { readonly text: string; readonly sql?: string };
}

export interface SchemaModel {
  readonly source: SchemaSource;
  readonly dialect: Dialect;
  readonly tables: readonly Table[];
  readonly relations: readonly Relation[];
}

export type RelationKind = 'one-to-one' | 'one-to-many' | 'many-to-one';

/**
 * The kind the ORM declares: one-to-one when the principal's side holds one dependent; otherwise
 * one-to-many when the principal declares the list, many-to-one when only the dependent declares
 * its reference.
 */
export function relationKind(relation: Relation): RelationKind {
  if (relation.principal.cardinality === 'one') return 'one-to-one';
  return relation.principal.field === undefined ? 'many-to-one' : 'one-to-many';
}
