/**
 * What would fix a finding, as data: rules attach one to the findings that a change to the schema
 * or to the database resolves. `oto generate sql` turns them into DDL for the database the check
 * read (or the one the schema describes), `oto fix` into edits of the schema source. A fix names
 * tables and columns by their database names; it says what to change, and the generators decide
 * how (the unique's name when the schema gives none, the ON DELETE action, whether to rename).
 */
import type { ForeignKey, ReferentialAction } from '../model';

export interface TableRef {
  readonly name: string;
  readonly schema?: string;
}

/**
 * Where the change is missing: `schema` — the schema itself lacks it (so does every database made
 * from it, and `oto fix` can add it); `database` — the schema has it, the database does not.
 */
export type FixScope = 'schema' | 'database';

/** A UNIQUE constraint, or a unique index: what the ORM makes of the key (Prisma makes indexes). */
export type UniqueKeyKind = 'constraint' | 'index';

/**
 * A UNIQUE over the foreign key columns; `name` when the schema already names it; `keyKind` as the
 * schema (or the ORM, when the schema has none) makes it, so the ORM's next diff finds no drift.
 */
export interface AddUniqueFix {
  readonly kind: 'add-unique';
  readonly scope: FixScope;
  readonly table: TableRef;
  readonly columns: readonly string[];
  readonly name?: string;
  readonly keyKind: UniqueKeyKind;
  /**
   * A partial unique (a unique index `WHERE` this predicate, in the dialect's SQL over the table's
   * columns): what backs a filtered one-to-one (Drizzle v1's `one({ where })`). PostgreSQL and
   * SQLite have partial indexes, MySQL none.
   */
  readonly where?: string;
}

/** NOT NULL on the foreign key columns of a required side. */
export interface SetNotNullFix {
  readonly kind: 'set-not-null';
  readonly scope: FixScope;
  readonly table: TableRef;
  readonly columns: readonly string[];
}

/** The FOREIGN KEY again with another ON DELETE: `from` is the action that contradicts the one-to-one. */
export interface ChangeOnDeleteFix {
  readonly kind: 'change-on-delete';
  readonly scope: FixScope;
  readonly table: TableRef;
  readonly foreignKey: ForeignKey;
  readonly from: ReferentialAction;
}

/** The dependent table under the oto_ convention name. */
export interface RenameTableFix {
  readonly kind: 'rename-table';
  readonly scope: FixScope;
  readonly table: TableRef;
  readonly to: string;
}

/** The backing unique under the oto_ convention name (`to`), or the name the schema gives it. */
export interface RenameUniqueFix {
  readonly kind: 'rename-unique';
  readonly scope: FixScope;
  readonly table: TableRef;
  readonly columns: readonly string[];
  readonly from: string;
  readonly to: string;
  /** PostgreSQL renames a constraint and an index differently. */
  readonly keyKind: UniqueKeyKind;
}

export type Fix = AddUniqueFix | SetNotNullFix | ChangeOnDeleteFix | RenameTableFix | RenameUniqueFix;
