/**
 * A plan of SQL changes as a migration for one dialect. First a guard reads the data every change
 * depends on (duplicate keys before a unique, NULLs before NOT NULL) and stops the migration with a
 * message naming them before anything changes (sql-guard.ts); then the changes, inside a
 * transaction where the dialect has transactional DDL (PostgreSQL, SQLite) and the caller does not
 * wrap one itself. Every identifier is quoted; names in comments and messages are shown inert
 * (inertText), so no name can end a comment line. Pure: plan in, statements out.
 */
import type { Diagnostic } from '../diagnostics';
import { UserError } from '../errors';
import type { ReferentialAction } from '../model';
import { columnsLabel } from '../model';
import { quoteIdentifier, quoteTable } from '../sql/quote';
import type { PlannedChange, SetAside, SqlChange, SqlDialect, SqlPlan } from './plan-sql-changes';
import { RENAMES_OFF } from './plan-sql-changes';
import type { Fix, TableRef } from './fix';
import { inertText } from './inert-text';
import { sqlGuard } from './sql-guard';
import type { SqlRunner } from './sql-guard';

export interface RenderSqlOptions {
  /** PostgreSQL: build each unique with CREATE UNIQUE INDEX CONCURRENTLY, then attach it (no transaction). */
  readonly concurrently?: boolean;
  /** Wrap the changes in BEGIN/COMMIT (default true); off when the migration runner wraps one itself. */
  readonly transaction?: boolean;
  /**
   * Who runs the file (default 'cli'): a database CLI (psql, mysql, sqlite3) over the whole file, which
   * may carry on past an error (the guard then leaves the session read-only, and MySQL's procedure
   * gets DELIMITER lines), or an ORM's migration runner that runs the statements one by one and
   * stops at the first error.
   */
  readonly runner?: SqlRunner;
  /** What the SQL was generated from and by, for the header. */
  readonly source: string;
  readonly command: string;
}

export interface RenderedSql {
  /** The statements in order, each one complete (a guard block is one statement). */
  readonly statements: readonly string[];
  /** The migration file: a header, then the statements with what each fixes. */
  readonly text: string;
  /** Statements that undo the changes, last change first (a TypeORM migration's `down`). */
  readonly down: readonly string[];
}

const ACTIONS: Readonly<Record<ReferentialAction, string>> = {
  cascade: 'CASCADE',
  restrict: 'RESTRICT',
  'no-action': 'NO ACTION',
  'set-null': 'SET NULL',
  'set-default': 'SET DEFAULT',
};

function columnList(dialect: SqlDialect, columns: readonly string[]): string {
  return `(${columns.map((c) => quoteIdentifier(dialect, c)).join(', ')})`;
}

/** The index's own name, schema-qualified where the dialect keeps indexes in the table's schema. */
function indexName(dialect: SqlDialect, table: TableRef, name: string): string {
  return quoteTable(dialect, table.schema ? { name, schema: table.schema } : { name });
}

/** A partial unique: a unique index WHERE the predicate (PostgreSQL and SQLite; the planner refuses MySQL). */
function partialIndex(dialect: SqlDialect, change: Extract<SqlChange, { kind: 'add-unique' }>, concurrently: boolean): string {
  if (dialect === 'mysql') throw new UserError(`table ${inertText(change.table.name)}: MySQL has no partial (WHERE) indexes for ${inertText(change.name)}`);
  const on = dialect === 'sqlite' ? quoteIdentifier(dialect, change.table.name) : quoteTable(dialect, change.table);
  const name = dialect === 'sqlite' ? indexName(dialect, change.table, change.name) : quoteIdentifier(dialect, change.name);
  return `CREATE UNIQUE INDEX${concurrently ? ' CONCURRENTLY' : ''} ${name} ON ${on} ${columnList(dialect, change.columns)} WHERE ${change.where};`;
}

function changeStatements(dialect: SqlDialect, change: SqlChange, concurrently = false): string[] {
  const q = (name: string) => quoteIdentifier(dialect, name);
  const table = quoteTable(dialect, change.table);
  switch (change.kind) {
    case 'add-unique':
      if (change.where !== undefined) return [partialIndex(dialect, change, concurrently)];
      if (dialect === 'sqlite') return [`CREATE UNIQUE INDEX ${indexName(dialect, change.table, change.name)} ON ${q(change.table.name)} ${columnList(dialect, change.columns)};`];
      if (dialect === 'postgresql' && (concurrently || change.keyKind === 'index')) {
        const index = `CREATE UNIQUE INDEX${concurrently ? ' CONCURRENTLY' : ''} ${q(change.name)} ON ${table} ${columnList(dialect, change.columns)};`;
        if (change.keyKind === 'index') return [index];
        return [index, `ALTER TABLE ${table} ADD CONSTRAINT ${q(change.name)} UNIQUE USING INDEX ${q(change.name)};`];
      }
      return [`ALTER TABLE ${table} ADD CONSTRAINT ${q(change.name)} UNIQUE ${columnList(dialect, change.columns)};`];
    case 'set-not-null':
      return [`ALTER TABLE ${table} ${change.columns.map((c) => `ALTER COLUMN ${q(c)} SET NOT NULL`).join(', ')};`];
    case 'replace-foreign-key': {
      const fk = change.foreignKey;
      const referenced = quoteTable(dialect, { name: fk.referencedTable, ...(fk.referencedSchema ? { schema: fk.referencedSchema } : {}) });
      const clauses = [`ON DELETE ${ACTIONS[change.onDelete]}`, ...(fk.onUpdate && fk.onUpdate !== 'no-action' ? [`ON UPDATE ${ACTIONS[fk.onUpdate]}`] : [])];
      if (dialect === 'postgresql' && fk.deferrable) clauses.push(fk.deferrable === 'initially-deferred' ? 'DEFERRABLE INITIALLY DEFERRED' : 'DEFERRABLE INITIALLY IMMEDIATE');
      const add = `ADD CONSTRAINT ${q(fk.name)} FOREIGN KEY ${columnList(dialect, fk.columns)} REFERENCES ${referenced} ${columnList(dialect, fk.referencedColumns)} ${clauses.join(' ')}`;
      if (dialect === 'mysql') return [`ALTER TABLE ${table} DROP FOREIGN KEY ${q(fk.name)};`, `ALTER TABLE ${table} ${add};`];
      return [`ALTER TABLE ${table} DROP CONSTRAINT ${q(fk.name)}, ${add};`];
    }
    case 'rename-unique':
      if (dialect === 'mysql') return [`ALTER TABLE ${table} RENAME INDEX ${q(change.from)} TO ${q(change.to)};`];
      if (dialect === 'sqlite') {
        return [`DROP INDEX ${indexName(dialect, change.table, change.from)};`, `CREATE UNIQUE INDEX ${indexName(dialect, change.table, change.to)} ON ${q(change.table.name)} ${columnList(dialect, change.columns)};`];
      }
      if (change.keyKind === 'constraint') return [`ALTER TABLE ${table} RENAME CONSTRAINT ${q(change.from)} TO ${q(change.to)};`];
      return [`ALTER INDEX ${indexName(dialect, change.table, change.from)} RENAME TO ${q(change.to)};`];
    case 'rename-table':
      if (dialect === 'mysql') return [`RENAME TABLE ${table} TO ${quoteTable(dialect, { ...change.table, name: change.to })};`];
      return [`ALTER TABLE ${table} RENAME TO ${q(change.to)};`];
  }
}

/** What undoes a change: the key dropped, NULLs allowed again, the previous ON DELETE, the old name. */
function undoStatements(dialect: SqlDialect, change: SqlChange): string[] {
  const q = (name: string) => quoteIdentifier(dialect, name);
  const table = quoteTable(dialect, change.table);
  switch (change.kind) {
    case 'add-unique':
      if (dialect === 'sqlite' || change.where !== undefined) return [`DROP INDEX ${indexName(dialect, change.table, change.name)};`];
      // InnoDB dropped the foreign key's own index when the unique took over its columns: the FK
      // needs an index back, in the same statement, or the DROP fails.
      if (dialect === 'mysql') return [`ALTER TABLE ${table} ADD INDEX ${columnList(dialect, change.columns)}, DROP INDEX ${q(change.name)};`];
      if (change.keyKind === 'index') return [`DROP INDEX ${indexName(dialect, change.table, change.name)};`];
      return [`ALTER TABLE ${table} DROP CONSTRAINT ${q(change.name)};`];
    case 'set-not-null':
      return [`ALTER TABLE ${table} ${change.columns.map((c) => `ALTER COLUMN ${q(c)} DROP NOT NULL`).join(', ')};`];
    case 'replace-foreign-key':
      return changeStatements(dialect, { ...change, onDelete: change.foreignKey.onDelete ?? 'no-action' });
    case 'rename-unique':
      return changeStatements(dialect, { ...change, from: change.to, to: change.from });
    case 'rename-table':
      return changeStatements(dialect, { ...change, table: { ...change.table, name: change.to }, to: change.table.name });
  }
}

/** `-- ` lines, one per line, each shown inert: no name can end the comment early. */
function comment(lines: readonly string[]): string {
  return lines.map((line) => (line ? `-- ${inertText(line)}` : '--')).join('\n');
}

/** What a fix would change, in words. */
export function describeFix(fix: Fix): string {
  const table = fix.table.schema ? `${fix.table.schema}.${fix.table.name}` : fix.table.name;
  switch (fix.kind) {
    case 'add-unique':
      return fix.where !== undefined ? `a partial unique on ${columnsLabel(table, fix.columns)} WHERE ${fix.where}` : `a unique on ${columnsLabel(table, fix.columns)}`;
    case 'set-not-null':
      return `NOT NULL on ${columnsLabel(table, fix.columns)}`;
    case 'change-on-delete':
      return `the ON DELETE of ${columnsLabel(table, fix.foreignKey.columns)}`;
    case 'rename-table':
      return `renaming table ${table} to ${fix.to}`;
    case 'rename-unique':
      return `renaming ${fix.from} to ${fix.to}`;
  }
}

/** `Model.field: <change>: <why not>` for a finding whose fix this SQL does not make. */
export function setAsideLine(aside: SetAside): string {
  return inertText(`${findingLabel(aside.finding)}: ${aside.finding.fix ? `${describeFix(aside.finding.fix)}: ` : ''}${aside.reason}`);
}

/**
 * The lines for what a plan sets aside, the renames that are off as one line: without
 * `--renames` every one-to-one not named by the convention would add two.
 */
export function setAsideLines(setAside: readonly SetAside[]): string[] {
  const off = setAside.filter((a) => a.reason === RENAMES_OFF);
  const lines = setAside.filter((a) => a.reason !== RENAMES_OFF).map(setAsideLine);
  if (off.length === 0) return lines;
  const count = (kind: string) => off.filter((a) => a.finding.fix?.kind === kind).length;
  const parts = [[count('rename-table'), 'table'], [count('rename-unique'), 'unique']].filter(([n]) => Number(n) > 0).map(([n, what]) => `${n} ${what}${n === 1 ? '' : 's'}`);
  return [...lines, `the oto_ naming convention's renames (${parts.join(', ')}): ${RENAMES_OFF}`];
}

/** `Model.field` of the finding's relation, else its relation or table. */
function findingLabel(d: Diagnostic): string {
  const { entity, table, field, relation } = d.location;
  return field ? `${entity ?? table}.${field}` : (relation ?? table ?? d.ruleId);
}

function findingLine(d: Diagnostic): string {
  return `${d.ruleId}: ${d.message}`;
}

/** The names a change puts into SQL. */
function namesOf(change: SqlChange): string[] {
  const names = [change.table.name, ...(change.table.schema ? [change.table.schema] : [])];
  switch (change.kind) {
    case 'add-unique':
      return [...names, change.name, ...change.columns];
    case 'set-not-null':
      return [...names, ...change.columns];
    case 'replace-foreign-key':
      return [...names, change.foreignKey.name, change.foreignKey.referencedTable, ...change.foreignKey.columns, ...change.foreignKey.referencedColumns];
    case 'rename-unique':
      return [...names, change.from, change.to, ...change.columns];
    case 'rename-table':
      return [...names, change.to];
  }
}

/**
 * A name the file cannot carry: no SQL database takes a NUL character in a name (nor can psql or
 * mysql read one from a file), and the mysql/mariadb CLI reads `\r\n` as `\n` even inside a quoted
 * name. One line naming the table and what to do.
 */
function refuseUnsendable(dialect: SqlDialect, runner: SqlRunner, changes: readonly PlannedChange[]): void {
  for (const { change } of changes) {
    const table = inertText(change.table.schema ? `${change.table.schema}.${change.table.name}` : change.table.name);
    for (const name of namesOf(change)) {
      if (name.includes('\0')) throw new UserError(`table ${table}: the name ${inertText(name)} holds a NUL character (\\0), which no SQL database takes in a name: rename it in the schema`);
      if (dialect === 'mysql' && runner === 'cli' && name.includes('\r\n')) {
        throw new UserError(`table ${table}: the name ${inertText(name)} holds \\r\\n, which the mysql/mariadb CLI reads as \\n: write the migration with --into (its runner sends each statement as it is), or rename it`);
      }
    }
  }
}

/** How to run the file so that it stops at the first error (the guard's). */
const HOW_TO_RUN: Readonly<Record<SqlDialect, string>> = {
  postgresql: 'Run it with a runner that stops at the first error: psql -v ON_ERROR_STOP=1 -f <file>.',
  mysql: 'Run it with the mysql/mariadb CLI (it stops at the first error; with --force the session is left read-only instead): mysql <database> < <file>.',
  sqlite: 'Run it with a runner that stops at the first error: sqlite3 -bail <database> < <file>.',
};

export function renderSql(plan: SqlPlan, options: RenderSqlOptions): RenderedSql {
  const { dialect } = plan;
  const runner = options.runner ?? 'cli';
  refuseUnsendable(dialect, runner, plan.changes);
  const concurrently = dialect === 'postgresql' && (options.concurrently ?? false);
  const transaction = dialect !== 'mysql' && !concurrently && (options.transaction ?? true);
  const guard = sqlGuard(dialect, plan.changes, { runner, inTransaction: transaction });
  const blocks: { readonly note?: readonly string[]; readonly statements: readonly string[]; readonly text?: string }[] = [];
  if (guard && guard.start.length > 0) blocks.push({ statements: guard.start });
  if (transaction && plan.changes.length > 0) blocks.push({ statements: ['BEGIN;'] });
  if (guard) {
    const carriedOn = guard.carriedOn ? [guard.carriedOn] : [];
    blocks.push({ note: ['Guard: stops here, before any change, naming the rows that would break a change below.', ...carriedOn], statements: guard.statements, text: guard.text });
  }
  for (const planned of plan.changes) {
    blocks.push({ note: planned.findings.map(findingLine), statements: changeStatements(dialect, planned.change, concurrently) });
  }
  if (transaction && plan.changes.length > 0) blocks.push({ statements: ['COMMIT;'] });
  if (guard && guard.end.length > 0) blocks.push({ note: ['The session writable again.'], statements: guard.end });

  const header = [
    `Generated by oto from ${options.source}: \`${options.command}\`.`,
    plan.changes.length === 0 ? 'Nothing to change: no finding has a fix this SQL can make.' : `${plan.changes.length} change(s) for ${dialect}. Review before applying.`,
    ...(plan.changes.length > 0 && runner === 'cli' ? [HOW_TO_RUN[dialect]] : []),
    ...(dialect === 'mysql' && plan.changes.length > 0 ? ['MySQL commits each DDL statement: the guard runs first so that no change starts on data that would break it.'] : []),
    ...(concurrently ? ['Built CONCURRENTLY: run outside a transaction. If an index build fails, DROP INDEX CONCURRENTLY it before running again.'] : []),
    // The read-only session outlives the file on a pooled server connection: other clients would get it.
    ...(guard?.end.length && dialect === 'postgresql' ? ['Run it on a direct connection, not through a transaction-pooling proxy (PgBouncer): a guard that stops leaves its session read-only until the file\'s last statement or the session\'s end.'] : []),
    ...(plan.setAside.length > 0 ? ['', 'Not changed by this SQL:', ...setAsideLines(plan.setAside).map((line) => `  ${line}`)] : []),
  ];
  const statements = blocks.flatMap((b) => b.statements);
  const text = [comment(header), ...blocks.map((b) => [...(b.note ? [comment(b.note)] : []), b.text ?? b.statements.join('\n')].join('\n'))].join('\n\n') + '\n';
  const down = [...plan.changes].reverse().flatMap((planned) => undoStatements(dialect, planned.change));
  return { statements, text, down };
}
