/**
 * Drizzle table objects → oto tables, through drizzle's own `getTableConfig` of each dialect.
 * Pure: the table objects in, plain data out.
 */
import type { Column as OtoColumn, Dialect, ForeignKey, PrimaryKey, ReferentialAction, Table, UniqueKey } from '@oto/core';
import { UserError } from '@oto/core';
import { Column, getTableColumns, getTableName, is, SQL, Table as DrizzleTable } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import { getTableConfig as mysqlTableConfig, MySqlDialect, MySqlTable } from 'drizzle-orm/mysql-core';
import { getTableConfig as pgTableConfig, PgDialect, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteSyncDialect, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { kitColumnUniqueName, kitForeignKeyName, kitIndexName, kitPrimaryKeyName, kitUniqueName, pgObjectName } from './drizzle-kit-names';

export type Casing = 'snake_case' | 'camelCase';

/** The dialect a drizzle table object belongs to, or undefined for anything else. */
export function tableDialect(value: unknown): Dialect | undefined {
  if (is(value, PgTable)) return 'postgresql';
  if (is(value, MySqlTable)) return 'mysql';
  if (is(value, SQLiteTable)) return 'sqlite';
  return undefined;
}

export function isDrizzleTable(value: unknown): value is DrizzleTable {
  return is(value, DrizzleTable);
}

/** What the three dialects' `getTableConfig` have in common, read loosely. */
interface TableConfig {
  readonly name: string;
  readonly schema?: string;
  readonly columns: readonly Column[];
  readonly indexes: readonly { readonly config: IndexConfig }[];
  readonly foreignKeys: readonly DrizzleForeignKey[];
  /** `isNameExplicit` only on drizzle-orm 1.0's keys. */
  readonly primaryKeys: readonly { readonly columns: readonly Column[]; readonly isNameExplicit?: boolean; getName(): string | undefined }[];
  /** `isNameExplicit` only on drizzle-orm 1.0's uniques. */
  readonly uniqueConstraints: readonly { readonly columns: readonly Column[]; readonly isNameExplicit?: boolean; getName(): string | undefined }[];
}
interface IndexConfig {
  readonly name?: string;
  readonly unique: boolean;
  readonly columns: readonly unknown[];
  readonly where?: SQL;
}
interface DrizzleForeignKey {
  readonly onDelete?: string;
  readonly onUpdate?: string;
  reference(): { readonly columns: readonly Column[]; readonly foreignTable: DrizzleTable; readonly foreignColumns: readonly Column[] };
  getName(): string;
  /** drizzle-orm 1.0 only: drizzle-kit 1.0 then names an unnamed key itself. */
  isNameExplicit?(): boolean;
}
/** The runtime fields of a drizzle column that its public type leaves out. */
interface ColumnFields {
  readonly name: string;
  readonly keyAsName: boolean;
  readonly notNull: boolean;
  readonly primary: boolean;
  readonly isUnique: boolean;
  /** Always set by drizzle-orm 0.x; drizzle-orm 1.0 leaves an unnamed `.unique()` unnamed. */
  readonly uniqueName?: string;
  readonly columnType: string;
  readonly table: DrizzleTable;
}

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  cascade: 'cascade',
  restrict: 'restrict',
  'no action': 'no-action',
  'set null': 'set-null',
  'set default': 'set-default',
};

function tableConfig(table: DrizzleTable, dialect: Dialect): TableConfig {
  switch (dialect) {
    case 'postgresql':
      return pgTableConfig(table as PgTable) as unknown as TableConfig;
    case 'mysql':
      return mysqlTableConfig(table as MySqlTable) as unknown as TableConfig;
    case 'sqlite':
      return sqliteTableConfig(table as SQLiteTable) as unknown as TableConfig;
    default:
      throw new UserError(`unsupported Drizzle dialect "${dialect}"`);
  }
}

function renderSql(sql: SQL, dialect: Dialect): string {
  const renderer = dialect === 'mysql' ? new MySqlDialect() : dialect === 'sqlite' ? new SQLiteSyncDialect() : new PgDialect();
  return renderer.sqlToQuery(sql, 'indexes').sql;
}

function action(value: string | undefined): ReferentialAction {
  // Without an ON DELETE / ON UPDATE clause the database takes NO ACTION.
  return (value && ACTIONS[value]) || 'no-action';
}

/** The foreign key's name as the project's drizzle-kit writes it: 1.0 names an unnamed key itself. */
function foreignKeyName(fk: DrizzleForeignKey, table: string, dialect: Dialect): string {
  if (typeof fk.isNameExplicit !== 'function' || fk.isNameExplicit()) return fk.getName();
  const { columns, foreignTable, foreignColumns } = fk.reference();
  const raw = (c: Column) => (c as unknown as ColumnFields).name;
  return kitForeignKeyName(dialect, { table, columns: columns.map(raw), tableTo: getTableName(foreignTable), columnsTo: foreignColumns.map(raw) });
}

/** Reads database names of columns, honouring drizzle's `casing` for columns named by their key. */
export class ColumnNames {
  private readonly casing: CasingCache;
  constructor(casing?: Casing) {
    this.casing = new CasingCache(casing);
  }
  of(column: Column): string {
    return this.casing.getColumnCasing(column);
  }
  all(columns: readonly Column[]): string[] {
    return columns.map((c) => this.of(c));
  }
}

/** The table's name and schema as drizzle keeps them. */
export function tableName(table: DrizzleTable): { name: string; schema?: string } {
  const name = getTableName(table);
  const schema = (table as unknown as Record<symbol, string | undefined>)[Symbol.for('drizzle:Schema')];
  return schema ? { name, schema } : { name };
}

/** One drizzle table object → an oto table (without origin or entity: the caller knows those). */
export function fromDrizzleTable(table: DrizzleTable, dialect: Dialect, names: ColumnNames): Omit<Table, 'entity' | 'origin'> {
  const config = tableConfig(table, dialect);
  const fields = (c: Column) => c as unknown as ColumnFields;
  const byRawName = new Map(config.columns.map((c) => [fields(c).name, c] as const));
  const keys = new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [column, key] as const));
  const columns: OtoColumn[] = config.columns.map((c) => {
    const name = names.of(c);
    const key = keys.get(c);
    return { name, ...(key && key !== name ? { field: key } : {}), type: fields(c).columnType, nullable: !fields(c).notNull && !fields(c).primary };
  });

  let primaryKey: PrimaryKey | undefined;
  const columnPk = config.columns.filter((c) => fields(c).primary);
  // A column's PRIMARY KEY is written bare: PostgreSQL names it itself.
  const defaultPkName = dialect === 'postgresql' ? pgObjectName(config.name, undefined, 'pkey') : dialect === 'mysql' ? 'PRIMARY' : undefined;
  if (columnPk.length > 0) {
    primaryKey = { ...(defaultPkName ? { name: defaultPkName } : {}), columns: names.all(columnPk) };
  } else if (config.primaryKeys[0]) {
    const pk = config.primaryKeys[0];
    const name = dialect === 'mysql' ? 'PRIMARY' : pk.isNameExplicit === false ? kitPrimaryKeyName(dialect, config.name) : pk.getName();
    primaryKey = { ...(name ? { name } : {}), columns: names.all(pk.columns) };
  }

  // A UNIQUE is an index in MySQL and SQLite; PostgreSQL keeps it a constraint.
  const constraintKind: UniqueKey['kind'] = dialect === 'postgresql' ? 'constraint' : 'index';
  const uniques: UniqueKey[] = [];
  for (const c of config.columns) {
    if (!fields(c).isUnique) continue;
    const name = fields(c).uniqueName ?? kitColumnUniqueName(dialect, config.name, names.of(c));
    uniques.push({ ...(name ? { name } : {}), columns: [names.of(c)], kind: constraintKind });
  }
  for (const u of config.uniqueConstraints) {
    const ormName = u.getName();
    const name = u.isNameExplicit === false && ormName ? kitUniqueName(dialect, names.all(u.columns), ormName) : ormName;
    uniques.push({ ...(name ? { name } : {}), columns: names.all(u.columns), kind: constraintKind });
  }
  for (const { config: index } of config.indexes) {
    if (!index.unique) continue;
    const plain = index.columns.filter((c) => !is(c, SQL)) as { name: string }[];
    const columnsOfIndex = plain.map((c) => {
      const column = byRawName.get(c.name);
      return column ? names.of(column) : c.name;
    });
    const expression = plain.length < index.columns.length;
    const name = index.name ?? (expression ? undefined : kitIndexName(dialect, config.name, columnsOfIndex));
    uniques.push({
      ...(name ? { name } : {}),
      columns: columnsOfIndex,
      kind: 'index',
      ...(index.where ? { where: renderSql(index.where, dialect) } : {}),
      ...(expression ? { expression: true } : {}),
    });
  }

  const foreignKeys: ForeignKey[] = config.foreignKeys.map((fk) => {
    const reference = fk.reference();
    const target = tableName(reference.foreignTable);
    return {
      name: foreignKeyName(fk, config.name, dialect),
      columns: names.all(reference.columns),
      referencedTable: target.name,
      ...(target.schema ? { referencedSchema: target.schema } : {}),
      referencedColumns: names.all(reference.foreignColumns),
      onDelete: action(fk.onDelete),
      onUpdate: action(fk.onUpdate),
    };
  });

  return {
    name: config.name,
    ...(config.schema ? { schema: config.schema } : {}),
    columns,
    ...(primaryKey ? { primaryKey } : {}),
    uniques,
    foreignKeys,
  };
}
