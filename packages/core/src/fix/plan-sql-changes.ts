/**
 * The fixes of a check's findings, resolved against the tables the SQL will run on (the database
 * the check read, or the schema's own tables when it read none): what is already there is left
 * out, names are chosen, policy applies (renames, the ON DELETE action), duplicates merge, and
 * what a dialect cannot change in place is set aside with the reason. Pure: findings in, changes out.
 */
import type { Diagnostic } from '../diagnostics';
import type { ForeignKey, ReferentialAction, Table } from '../model';
import { findColumn, sameList, tableKey } from '../model';
import { findBackingKey, findFilterKey } from '../analysis/backing-key';
import { tableFinder } from '../analysis/compare-database';
import type { Fix, TableRef, UniqueKeyKind } from './fix';
import { fitIdentifier } from '../sql/identifier';

/**
 * What the SQL changes, every name decided (a foreign key the schema leaves unnamed is named '' when
 * the target is the schema: its editors find it by its columns).
 */
export type SqlChange =
  | { readonly kind: 'add-unique'; readonly table: TableRef; readonly columns: readonly string[]; readonly name: string; readonly keyKind: UniqueKeyKind; readonly where?: string }
  | { readonly kind: 'set-not-null'; readonly table: TableRef; readonly columns: readonly string[] }
  | { readonly kind: 'replace-foreign-key'; readonly table: TableRef; readonly foreignKey: ForeignKey & { readonly name: string }; readonly onDelete: ReferentialAction }
  | { readonly kind: 'rename-unique'; readonly table: TableRef; readonly columns: readonly string[]; readonly from: string; readonly to: string; readonly keyKind: UniqueKeyKind }
  | { readonly kind: 'rename-table'; readonly table: TableRef; readonly to: string };

export interface PlannedChange {
  readonly change: SqlChange;
  /** The findings it fixes (the same change may fix several). */
  readonly findings: readonly Diagnostic[];
}

export interface SetAside {
  readonly finding: Diagnostic;
  readonly reason: string;
}

export interface SqlPlan {
  readonly dialect: SqlDialect;
  readonly changes: readonly PlannedChange[];
  /** Findings with a fix that this SQL does not make, and why. */
  readonly setAside: readonly SetAside[];
}

export type SqlDialect = 'postgresql' | 'mysql' | 'sqlite';

export interface SqlPlanOptions {
  readonly dialect: SqlDialect;
  /** The tables the SQL runs on: the database's, or the schema's when the check read no database. */
  readonly tables: readonly Table[];
  /** The schema unqualified names live in (`public`). */
  readonly defaultSchema?: string;
  /** The name of a unique the schema does not name. */
  readonly uniqueName: (table: string, columns: readonly string[]) => string;
  /** Make the rename fixes of the naming rule (off by default: a rename breaks code that names the table). */
  readonly renames: boolean;
  /** The ON DELETE that replaces one contradicting the one-to-one. */
  readonly onDelete: ReferentialAction;
  /**
   * What the changes are for: the SQL a database runs (default), or `oto fix`'s edits of the schema
   * source (then only the fixes the schema lacks, each whatever the dialect can do in place, against
   * the schema's own tables).
   */
  readonly target?: 'database' | 'schema';
}

/** The order changes run in: new keys first, renames last (the statements before name tables as they are). */
const ORDER: readonly SqlChange['kind'][] = ['add-unique', 'set-not-null', 'replace-foreign-key', 'rename-unique', 'rename-table'];

const NOT_IN_PLACE: Partial<Record<SqlDialect, Partial<Record<Fix['kind'], string>>>> = {
  sqlite: {
    'set-not-null': 'SQLite cannot change a column\'s NULLability in place (only by rebuilding the table): fix the schema (oto fix) and let the ORM\'s migration tool rebuild it',
    'change-on-delete': 'SQLite cannot change a foreign key in place (only by rebuilding the table): fix the schema (oto fix) and let the ORM\'s migration tool rebuild it',
  },
  mysql: {
    'set-not-null': 'MySQL changes NULLability only by restating the whole column (MODIFY), which would drop its default and comment: fix the schema (oto fix) and let the ORM\'s migration tool write it',
  },
};

function changeKey(change: SqlChange): string {
  const table = tableKey(change.table);
  switch (change.kind) {
    case 'add-unique':
      return `${change.kind} ${table} ${[...change.columns].sort().join(',')}${change.where !== undefined ? ` WHERE ${change.where}` : ''}`;
    case 'set-not-null':
      return `${change.kind} ${table} ${[...change.columns].sort().join(',')}`;
    case 'replace-foreign-key':
      return `${change.kind} ${table} ${change.foreignKey.name}`;
    case 'rename-unique':
      return `${change.kind} ${table} ${change.from}`;
    case 'rename-table':
      return `${change.kind} ${table}`;
  }
}

type Resolved = { readonly change: SqlChange } | { readonly reason: string };

function resolve(fix: Fix, find: (ref: TableRef) => Table | undefined, options: SqlPlanOptions): Resolved {
  const notInPlace = options.target === 'schema' ? undefined : NOT_IN_PLACE[options.dialect]?.[fix.kind];
  if (notInPlace) return { reason: notInPlace };
  const table = find(fix.table);
  if (!table) return { reason: `the database has no table ${tableKey(fix.table)}: apply the ORM's migrations first` };
  const fitted = (name: string) => fitIdentifier(name, options.dialect);
  switch (fix.kind) {
    case 'add-unique': {
      const missing = fix.columns.filter((c) => !findColumn(table, c));
      if (missing.length > 0) return { reason: `${table.name} has no column ${missing.join(', ')}: apply the ORM's migrations first` };
      if (findBackingKey(table, fix.columns)) return { reason: 'already there: a key backs those columns' };
      if (fix.where !== undefined) return partialUnique(fix, fix.where, table, options);
      return { change: { kind: 'add-unique', table: fix.table, columns: fix.columns, name: fitted(fix.name ?? options.uniqueName(table.name, fix.columns)), keyKind: fix.keyKind } };
    }
    case 'set-not-null': {
      const nullable = fix.columns.filter((c) => findColumn(table, c)?.nullable);
      if (nullable.length === 0) return { reason: 'already there: the columns are NOT NULL' };
      return { change: { kind: 'set-not-null', table: fix.table, columns: nullable } };
    }
    case 'change-on-delete': {
      const fk = table.foreignKeys.find((f) => sameList(f.columns, fix.foreignKey.columns) && f.referencedTable === fix.foreignKey.referencedTable);
      if (!fk) return { reason: 'the database has no such FOREIGN KEY' };
      if ((fk.onDelete ?? 'no-action') !== fix.from) return { reason: `already changed: ON DELETE is ${fk.onDelete ?? 'no-action'}` };
      if (!fk.name && options.target !== 'schema') return { reason: 'the FOREIGN KEY has no known name: run with --database-url so oto reads it from the database' };
      return { change: { kind: 'replace-foreign-key', table: fix.table, foreignKey: { ...fk, name: fk.name ?? '' }, onDelete: options.onDelete } };
    }
    case 'rename-unique': {
      if (!options.renames) return { reason: RENAMES_OFF };
      const unique = table.uniques.find((u) => u.name === fix.from);
      if (!unique) return { reason: `already renamed: ${table.name} has no unique ${fix.from}` };
      if (options.dialect === 'sqlite' && unique.kind === 'constraint') {
        return { reason: 'SQLite cannot rename a UNIQUE constraint (only by rebuilding the table)' };
      }
      return { change: { kind: 'rename-unique', table: fix.table, columns: unique.columns, from: fix.from, to: fitted(fix.to), keyKind: unique.kind } };
    }
    case 'rename-table': {
      if (!options.renames) return { reason: RENAMES_OFF };
      if (find({ ...fix.table, name: fix.to })) return { reason: `a table ${fix.to} exists already` };
      return { change: { kind: 'rename-table', table: fix.table, to: fitted(fix.to) } };
    }
  }
}

/** MySQL has no partial indexes: a filtered one-to-one there is backed by nothing but a total unique. */
const NO_PARTIAL_INDEXES = 'MySQL has no partial (WHERE) indexes: enforce the filtered one-to-one otherwise (a generated column that is NULL outside the filter, with a unique over it), or declare the relation many';

/** A partial unique (`CREATE UNIQUE INDEX … WHERE …`), a unique index always; its name not one the table uses. */
function partialUnique(fix: Extract<Fix, { kind: 'add-unique' }>, where: string, table: Table, options: SqlPlanOptions): Resolved {
  if (options.dialect === 'mysql') return { reason: NO_PARTIAL_INDEXES };
  if (findFilterKey(table, fix.columns, where)) return { reason: `already there: a partial unique WHERE ${where} backs those columns` };
  const used = new Set(table.uniques.flatMap((u) => (u.name ? [u.name] : [])));
  const base = fix.name ?? options.uniqueName(table.name, fix.columns);
  let name = fitIdentifier(base, options.dialect);
  for (let i = 2; used.has(name); i++) name = fitIdentifier(`${base}_${i}`, options.dialect);
  return { change: { kind: 'add-unique', table: fix.table, columns: fix.columns, name, keyKind: 'index', where } };
}

/** Why a rename is not planned without `--renames` (the set-aside lines collapse these into one). */
export const RENAMES_OFF = 'renames are off (--renames makes them)';

export function planSqlChanges(findings: readonly Diagnostic[], options: SqlPlanOptions): SqlPlan {
  const finder = tableFinder(options.tables, options.defaultSchema);
  const find = (ref: TableRef) => finder(ref.name, ref.schema);
  const planned = new Map<string, { change: SqlChange; findings: Diagnostic[] }>();
  const setAside: SetAside[] = [];
  for (const finding of findings) {
    if (!finding.fix || (options.target === 'schema' && finding.fix.scope !== 'schema')) continue;
    const resolved = resolve(finding.fix, find, options);
    if ('reason' in resolved) {
      setAside.push({ finding, reason: resolved.reason });
      continue;
    }
    const key = changeKey(resolved.change);
    const existing = planned.get(key);
    if (!existing) planned.set(key, { change: resolved.change, findings: [finding] });
    else if (finding.fix.scope === 'schema' && existing.findings.every((f) => f.fix?.scope === 'database')) {
      // Two names for one key (the schema's, and the convention's): the convention wins, and `oto fix`
      // gives the schema the same name.
      planned.set(key, { change: resolved.change, findings: [finding, ...existing.findings] });
    } else existing.findings.push(finding);
  }
  // NOT NULL makes an ON DELETE SET NULL over the same columns fail every delete: replace it too.
  for (const { change, findings: fixed } of [...planned.values()]) {
    if (change.kind !== 'set-not-null') continue;
    const table = find(change.table);
    for (const fk of table?.foreignKeys ?? []) {
      if (fk.onDelete !== 'set-null' || !fk.columns.some((c) => change.columns.includes(c))) continue;
      if (!fk.name && options.target !== 'schema') continue;
      const consequence: SqlChange = { kind: 'replace-foreign-key', table: change.table, foreignKey: { ...fk, name: fk.name ?? '' }, onDelete: options.onDelete };
      const key = changeKey(consequence);
      if (!planned.has(key)) planned.set(key, { change: consequence, findings: [...fixed] });
    }
  }
  const changes = [...planned.values()].sort((a, b) => ORDER.indexOf(a.change.kind) - ORDER.indexOf(b.change.kind));
  return { dialect: options.dialect, changes, setAside };
}

