import type { SchemaModel, Table } from './schema-model';

/**
 * What a database holds, as oto compares it with the declared schema: a live database, or the
 * database that replaying a migrations folder leaves behind.
 */
export type DatabaseKind = 'database' | 'migrations';

/** Foreign key values shared by more than one row: rows that already break a one-to-one. */
export interface DuplicateKeys {
  readonly table: string;
  readonly schema?: string;
  readonly columns: readonly string[];
  /** Counted among the rows this predicate keeps only (a filtered one-to-one's filter, in SQL). */
  readonly where?: string;
  /** How many key values occur more than once. */
  readonly groups: number;
  /** How many rows hold those values. */
  readonly rows: number;
  /** Up to five of those key values (the key columns only, never other data), most repeated first. */
  readonly samples: readonly (readonly (string | null)[])[];
}

/** The tables as one migration left them (keys only matter here). */
export interface MigrationStep {
  readonly name: string;
  readonly tables: readonly Table[];
}

export interface DatabaseFacts {
  readonly kind: DatabaseKind;
  /** How the database is named in messages: a URL without its password, or the migrations folder. */
  readonly label: string;
  /** The database as introspected: tables only, `source: 'database'`. */
  readonly model: SchemaModel;
  /** The schema unqualified names live in (`public`), so a declared `public.x` finds `x`. */
  readonly defaultSchema?: string;
  /** Duplicate foreign key values of one-to-ones the database does not back. */
  readonly duplicates?: readonly DuplicateKeys[];
  /** After each migration, in order (migration replay only). */
  readonly steps?: readonly MigrationStep[];
  /** What the replay changed to run at all (a shimmed extension), one line each, shown as warnings. */
  readonly warnings?: readonly string[];
}
