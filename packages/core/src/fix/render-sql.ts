/**
 * A plan of SQL changes as a migration for one dialect. First a guard reads the data every change
 * depends on (duplicate keys before a unique, NULLs before NOT NULL) and stops the migration with a
 * message naming them before anything changes; then the changes, inside a transaction where the
 * dialect has transactional DDL (PostgreSQL, SQLite) and the caller does not wrap one itself.
 * Every identifier is quoted. Pure: plan in, statements out.
 */
import type { Diagnostic } from '../diagnostics';
import type { ReferentialAction } from '../model';
import { columnsLabel } from '../model';
import { quoteIdentifier, quoteTable } from '../sql/quote';
import type { PlannedChange, SetAside, SqlChange, SqlDialect, SqlPlan } from './plan-sql-changes';
import type { Fix, TableRef } from './fix';

export interface RenderSqlOptions {
  /** PostgreSQL: build each unique with CREATE UNIQUE INDEX CONCURRENTLY, then attach it (no transaction). */
  readonly concurrently?: boolean;
  /** Wrap the changes in BEGIN/COMMIT (default true); off when the migration runner wraps one itself. */
  readonly transaction?: boolean;
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

/** A string literal, escaped for the dialect (MySQL also treats backslash as an escape). */
function literal(dialect: SqlDialect, text: string): string {
  const escaped = text.replace(/'/g, "''");
  return `'${dialect === 'mysql' ? escaped.replace(/\\/g, '\\\\') : escaped}'`;
}

const ACTIONS: Readonly<Record<ReferentialAction, string>> = {
  cascade: 'CASCADE',
  restrict: 'RESTRICT',
  'no-action': 'NO ACTION',
  'set-null': 'SET NULL',
  'set-default': 'SET DEFAULT',
};

interface Guard {
  /** A check that yields a text naming the problem, or NULL when there is none. */
  readonly kind: 'duplicates' | 'nulls';
  readonly table: TableRef;
  readonly columns: readonly string[];
}

function guardsOf(changes: readonly PlannedChange[]): Guard[] {
  return changes.flatMap(({ change }): Guard[] => {
    if (change.kind === 'add-unique') return [{ kind: 'duplicates', table: change.table, columns: change.columns }];
    if (change.kind === 'set-not-null') return [{ kind: 'nulls', table: change.table, columns: change.columns }];
    return [];
  });
}

function guardLabel(guard: Guard): string {
  const table = guard.table.schema ? `${guard.table.schema}.${guard.table.name}` : guard.table.name;
  return guard.kind === 'duplicates' ? `duplicate keys in ${columnsLabel(table, guard.columns)}: ` : `rows with NULL in ${columnsLabel(table, guard.columns)}: `;
}

const SAMPLES = 5;

/** SELECT of one text naming up to five offending keys (or how many NULL rows), NULL when none: per dialect. */
function guardQuery(dialect: SqlDialect, guard: Guard): string {
  const q = (name: string) => quoteIdentifier(dialect, name);
  const table = quoteTable(dialect, guard.table);
  const cols = guard.columns.map(q);
  const label = literal(dialect, guardLabel(guard));
  if (guard.kind === 'nulls') {
    const where = cols.map((c) => `${c} IS NULL`).join(' OR ');
    const count = dialect === 'postgresql' ? 'count(*)::text' : dialect === 'mysql' ? 'CAST(COUNT(*) AS CHAR)' : 'CAST(count(*) AS TEXT)';
    return nonEmpty(`SELECT ${concat(dialect, [label, count])} AS p, count(*) AS c FROM ${table} WHERE ${where}`);
  }
  const notNull = cols.map((c) => `${c} IS NOT NULL`).join(' AND ');
  const key = dialect === 'sqlite' ? cols.map((c) => `CAST(${c} AS TEXT)`).join(` || ', ' || `) : `concat_ws(', ', ${cols.join(', ')})`;
  const groups = `SELECT ${key} AS k, count(*) AS n, count(*) OVER () AS total FROM ${table} WHERE ${notNull} GROUP BY ${cols.join(', ')} HAVING count(*) > 1 ORDER BY count(*) DESC, ${cols.join(', ')} LIMIT ${SAMPLES}`;
  const item = concat(dialect, [`'('`, 'k', `') '`, castText(dialect, 'n'), `' rows'`]);
  const list =
    dialect === 'postgresql' ? `string_agg(${item}, ', ' ORDER BY n DESC, k)` : dialect === 'mysql' ? `GROUP_CONCAT(${item} ORDER BY n DESC, k SEPARATOR ', ')` : `group_concat(${item}, ', ')`;
  const more = `CASE WHEN max(total) > ${SAMPLES} THEN ${concat(dialect, [`' and '`, castText(dialect, `max(total) - ${SAMPLES}`), `' more'`])} ELSE '' END`;
  return nonEmpty(`SELECT ${concat(dialect, [label, list, more])} AS p, count(*) AS c FROM (${groups}) d`);
}

/** The text `p` of an aggregate query `… AS p, count(*) AS c`, or no row when it counted none (no HAVING without GROUP BY: older SQLite refuses it). */
function nonEmpty(aggregate: string): string {
  return `SELECT p FROM (${aggregate}) g WHERE c > 0`;
}

function castText(dialect: SqlDialect, expression: string): string {
  return dialect === 'postgresql' ? `(${expression})::text` : dialect === 'mysql' ? `CAST(${expression} AS CHAR)` : `CAST(${expression} AS TEXT)`;
}

function concat(dialect: SqlDialect, parts: readonly string[]): string {
  return dialect === 'mysql' ? `CONCAT(${parts.join(', ')})` : parts.join(' || ');
}

const STOP = 'oto: nothing was changed, the data would break the migration:';
const HINT = 'resolve these rows (or declare the relation one-to-many), then run the migration again';

/** A dollar-quote tag that does not occur in the body. */
function dollarTag(body: string): string {
  for (let i = 0; ; i++) {
    const tag = i === 0 ? '$oto$' : `$oto${i}$`;
    if (!body.includes(tag)) return tag;
  }
}

function guardStatements(dialect: SqlDialect, guards: readonly Guard[]): string[] {
  if (guards.length === 0) return [];
  const queries = guards.map((g) => guardQuery(dialect, g));
  if (dialect === 'postgresql') {
    const checks = queries.map((query) => `  found := (${query});\n  IF found IS NOT NULL THEN problems := problems || E'\\n  ' || found; END IF;`);
    const body = [
      'DECLARE',
      "  problems text := '';",
      '  found text;',
      'BEGIN',
      ...checks,
      "  IF problems <> '' THEN",
      `    RAISE EXCEPTION '${STOP}%', problems USING HINT = ${literal(dialect, HINT)};`,
      '  END IF;',
      'END',
    ].join('\n');
    const tag = dollarTag(body);
    return [`DO ${tag}\n${body}\n${tag};`];
  }
  if (dialect === 'mysql') {
    const procedure = quoteIdentifier(dialect, 'oto_guard');
    const checks = queries.map((query) => `  SET found = (${query});\n  IF found IS NOT NULL THEN SET problems = CONCAT(problems, ' ', found, ';'); END IF;`);
    return [
      `DROP PROCEDURE IF EXISTS ${procedure};`,
      [
        `CREATE PROCEDURE ${procedure}()`,
        'BEGIN',
        "  DECLARE problems TEXT DEFAULT '';",
        '  DECLARE found TEXT DEFAULT NULL;',
        ...checks,
        "  IF problems <> '' THEN",
        `    SET problems = CONCAT(${literal(dialect, STOP)}, problems);`,
        "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = problems;",
        '  END IF;',
        'END;',
      ].join('\n'),
      `CALL ${procedure}();`,
      `DROP PROCEDURE ${procedure};`,
    ];
  }
  // SQLite: each problem goes into a temporary table; a trigger raises them all at once (SQLite 3.47+
  // takes an expression in RAISE; older versions reject the trigger, also before any change).
  const problems = '"temp"."oto_problems"';
  const abort = '"temp"."oto_abort"';
  return [
    `CREATE TEMP TABLE "oto_problems" ("problem" TEXT NOT NULL);`,
    ...queries.map((query) => `INSERT INTO ${problems} ${query};`),
    `CREATE TEMP TABLE "oto_abort" ("problems" TEXT NOT NULL);`,
    `CREATE TEMP TRIGGER "oto_abort_raise" BEFORE INSERT ON "oto_abort" BEGIN SELECT RAISE(ABORT, ${literal(dialect, STOP)} || ' ' || NEW."problems"); END;`,
    `INSERT INTO ${abort} ${nonEmpty(`SELECT group_concat("problem", '; ') AS p, count(*) AS c FROM ${problems}`)};`,
    `DROP TABLE ${abort};`,
    `DROP TABLE ${problems};`,
  ];
}

function columnList(dialect: SqlDialect, columns: readonly string[]): string {
  return `(${columns.map((c) => quoteIdentifier(dialect, c)).join(', ')})`;
}

/** The index's own name, schema-qualified where the dialect keeps indexes in the table's schema. */
function indexName(dialect: SqlDialect, table: TableRef, name: string): string {
  return quoteTable(dialect, table.schema ? { name, schema: table.schema } : { name });
}

function changeStatements(dialect: SqlDialect, change: SqlChange, concurrently = false): string[] {
  const q = (name: string) => quoteIdentifier(dialect, name);
  const table = quoteTable(dialect, change.table);
  switch (change.kind) {
    case 'add-unique':
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
      if (dialect === 'sqlite') return [`DROP INDEX ${indexName(dialect, change.table, change.name)};`];
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

/** `-- ` lines, one per line of text. */
function comment(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `-- ${line}` : '--'))
    .join('\n');
}

/** What a fix would change, in words. */
export function describeFix(fix: Fix): string {
  const table = fix.table.schema ? `${fix.table.schema}.${fix.table.name}` : fix.table.name;
  switch (fix.kind) {
    case 'add-unique':
      return `a unique on ${columnsLabel(table, fix.columns)}`;
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
  return `${findingLabel(aside.finding)}: ${aside.finding.fix ? `${describeFix(aside.finding.fix)}: ` : ''}${aside.reason}`;
}

/** `Model.field` of the finding's relation, else its relation or table. */
function findingLabel(d: Diagnostic): string {
  const { entity, table, field, relation } = d.location;
  return field ? `${entity ?? table}.${field}` : (relation ?? table ?? d.ruleId);
}

function findingLine(d: Diagnostic): string {
  return `${d.ruleId}: ${d.message}`;
}

export function renderSql(plan: SqlPlan, options: RenderSqlOptions): RenderedSql {
  const { dialect } = plan;
  const concurrently = dialect === 'postgresql' && (options.concurrently ?? false);
  const transaction = dialect !== 'mysql' && !concurrently && (options.transaction ?? true);
  const guards = guardStatements(dialect, guardsOf(plan.changes));
  const blocks: { readonly note?: string; readonly statements: readonly string[] }[] = [];
  if (transaction && plan.changes.length > 0) blocks.push({ statements: ['BEGIN;'] });
  if (guards.length > 0) {
    blocks.push({ note: 'Guard: stops here, before any change, naming the rows that would break a change below.', statements: guards });
  }
  for (const planned of plan.changes) {
    blocks.push({ note: planned.findings.map(findingLine).join('\n'), statements: changeStatements(dialect, planned.change, concurrently) });
  }
  if (transaction && plan.changes.length > 0) blocks.push({ statements: ['COMMIT;'] });

  const header = [
    `Generated by oto from ${options.source}: \`${options.command}\`.`,
    plan.changes.length === 0 ? 'Nothing to change: no finding has a fix this SQL can make.' : `${plan.changes.length} change(s) for ${dialect}. Review before applying.`,
    ...(dialect === 'mysql' && plan.changes.length > 0 ? ['MySQL commits each DDL statement: the guard runs first so that no change starts on data that would break it.'] : []),
    ...(concurrently ? ['Built CONCURRENTLY: run outside a transaction. If an index build fails, DROP INDEX CONCURRENTLY it before running again.'] : []),
    ...(plan.setAside.length > 0 ? ['', 'Not changed by this SQL:', ...plan.setAside.map((s) => `  ${setAsideLine(s)}`)] : []),
  ];
  const statements = blocks.flatMap((b) => b.statements);
  const text = [comment(header.join('\n')), ...blocks.map((b) => [...(b.note ? [comment(b.note)] : []), ...b.statements].join('\n'))].join('\n\n') + '\n';
  const down = [...plan.changes].reverse().flatMap((planned) => undoStatements(dialect, planned.change));
  return { statements, text, down };
}
