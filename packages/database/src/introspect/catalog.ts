/**
 * Catalog rows as every dialect's queries return them, normalised: the pure `from-catalog`
 * transform turns them into tables. One row per column, per key and per foreign key.
 */
import type { ReferentialAction } from '@oto/core';

export interface ColumnRow {
  readonly schema: string | null;
  readonly table: string;
  readonly column: string;
  readonly type: string;
  readonly nullable: boolean;
}

export interface KeyRow {
  readonly schema: string | null;
  readonly table: string;
  readonly name: string | null;
  readonly kind: 'primary-key' | 'unique-constraint' | 'unique-index';
  /** Plain key columns in key order (expression parts left out). */
  readonly columns: readonly string[];
  /** The predicate of a partial unique index. */
  readonly where?: string | null;
  /** Some key parts are expressions. */
  readonly expression?: boolean;
}

export interface ForeignKeyRow {
  readonly schema: string | null;
  readonly table: string;
  readonly name: string | null;
  readonly columns: readonly string[];
  readonly referencedSchema: string | null;
  readonly referencedTable: string;
  readonly referencedColumns: readonly string[];
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly deferrable?: 'initially-immediate' | 'initially-deferred';
}

export interface Catalog {
  /** The schema unqualified names resolve to (PostgreSQL `current_schema()`, the MySQL database). */
  readonly defaultSchema: string | null;
  readonly columns: readonly ColumnRow[];
  readonly keys: readonly KeyRow[];
  readonly foreignKeys: readonly ForeignKeyRow[];
}

/** `CASCADE`, `SET NULL`, … as information_schema and PRAGMA spell them. */
export function actionFromWords(words: string | null | undefined): ReferentialAction | undefined {
  switch ((words ?? '').toUpperCase()) {
    case 'CASCADE':
      return 'cascade';
    case 'RESTRICT':
      return 'restrict';
    case 'NO ACTION':
      return 'no-action';
    case 'SET NULL':
      return 'set-null';
    case 'SET DEFAULT':
      return 'set-default';
    default:
      return undefined;
  }
}
