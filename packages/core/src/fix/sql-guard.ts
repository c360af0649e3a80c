/**
 * The guard of a generated migration: before any change it reads the data every change depends on
 * (duplicate keys before a unique, NULLs before NOT NULL) and stops with a message naming them.
 * Per dialect: a PostgreSQL DO block, a MySQL temporary procedure, a SQLite trigger on a temporary
 * table. Names in the message are shown inert (inertText), every identifier quoted. Pure.
 *
 * For a file a database CLI runs (`runner: 'cli'`), the guard also holds when the runner carries on
 * past its error (psql without ON_ERROR_STOP, `mysql --force`): where the changes do not run in one
 * transaction that the error aborts (PostgreSQL CONCURRENTLY, MySQL), it first makes the session
 * read-only, so every later statement fails too, and the file's last statement makes it writable
 * again; on SQLite it leaves a row that makes the transaction's COMMIT fail. An ORM's runner (`'migrator'`) stops at the first error on a pooled connection that must
 * not stay read-only: it gets the plain guard.
 */
import { columnsLabel } from '../model';
import { quoteIdentifier, quoteLiteral, quoteTable } from '../sql/quote';
import type { TableRef } from './fix';
import { inertText } from './inert-text';
import type { PlannedChange, SqlDialect } from './plan-sql-changes';

/** Who runs the file: a database CLI over the whole file, or an ORM's migration runner statement by statement. */
export type SqlRunner = 'cli' | 'migrator';

export interface SqlGuard {
  /** What the file runs first, before its transaction. */
  readonly start: readonly string[];
  /** The guard's statements, in order, each one complete (a block or procedure is one statement). */
  readonly statements: readonly string[];
  /** The guard as written in the file (for the MySQL CLI, with its DELIMITER lines). */
  readonly text: string;
  /** What the file runs last, after every change: the session made writable again. */
  readonly end: readonly string[];
  /** How the guard holds when a runner carries on past its error (a CLI's form), for the file's comment. */
  readonly carriedOn?: string;
}

interface Check {
  readonly kind: 'duplicates' | 'nulls';
  readonly table: TableRef;
  readonly columns: readonly string[];
  /** A partial unique's predicate: only the rows it keeps must be unique. */
  readonly where?: string;
}

function checksOf(changes: readonly PlannedChange[]): Check[] {
  return changes.flatMap(({ change }): Check[] => {
    if (change.kind === 'add-unique') return [{ kind: 'duplicates', table: change.table, columns: change.columns, ...(change.where !== undefined ? { where: change.where } : {}) }];
    if (change.kind === 'set-not-null') return [{ kind: 'nulls', table: change.table, columns: change.columns }];
    return [];
  });
}

function checkLabel(check: Check): string {
  const table = check.table.schema ? `${check.table.schema}.${check.table.name}` : check.table.name;
  const label = check.kind === 'duplicates' ? `duplicate keys in ${columnsLabel(table, check.columns)}${check.where !== undefined ? ` WHERE ${check.where}` : ''}: ` : `rows with NULL in ${columnsLabel(table, check.columns)}: `;
  return inertText(label);
}

const SAMPLES = 5;

/** SELECT of one text naming up to five offending keys (or how many NULL rows), no row when none: per dialect. */
function checkQuery(dialect: SqlDialect, check: Check): string {
  const q = (name: string) => quoteIdentifier(dialect, name);
  const table = quoteTable(dialect, check.table);
  const cols = check.columns.map(q);
  const label = quoteLiteral(dialect, checkLabel(check));
  if (check.kind === 'nulls') {
    const where = cols.map((c) => `${c} IS NULL`).join(' OR ');
    const count = dialect === 'postgresql' ? 'count(*)::text' : dialect === 'mysql' ? 'CAST(COUNT(*) AS CHAR)' : 'CAST(count(*) AS TEXT)';
    return nonEmpty(`SELECT ${concat(dialect, [label, count])} AS p, count(*) AS c FROM ${table} WHERE ${where}`);
  }
  const notNull = [...cols.map((c) => `${c} IS NOT NULL`), ...(check.where !== undefined ? [`(${check.where})`] : [])].join(' AND ');
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
const READ_ONLY = 'If a runner carries on past its error, the session it leaves read-only makes every change below fail too.';
const HELD = 'If a runner carries on past its error, the row it leaves breaks a deferred foreign key: COMMIT fails, and closing the connection rolls back every change.';
const READ_ONLY_HINT = `${HINT}; this session stays read-only until the end of the file (or RESET default_transaction_read_only)`;

/** A tag (`$oto$`, `$$`, …) that does not occur in the text. */
function freeTag(text: string, first: string, next: (i: number) => string): string {
  for (let i = 0; ; i++) {
    const tag = i === 0 ? first : next(i);
    if (!text.includes(tag)) return tag;
  }
}

function dollarQuoted(body: readonly string[]): string {
  const text = body.join('\n');
  const tag = freeTag(text, '$oto$', (i) => `$oto${i}$`);
  return `DO ${tag}\n${text}\n${tag};`;
}

function postgresGuard(queries: readonly string[], readOnly: boolean): SqlGuard {
  const declare = ['DECLARE', "  problems text := '';", '  found text;', 'BEGIN'];
  const checks = queries.map((query) => `  found := (${query});\n  IF found IS NOT NULL THEN problems := problems || E'\\n  ' || found; END IF;`);
  if (!readOnly) {
    const statement = dollarQuoted([...declare, ...checks, "  IF problems <> '' THEN", `    RAISE EXCEPTION '${STOP}%', problems USING HINT = ${quoteLiteral('postgresql', HINT)};`, '  END IF;', 'END']);
    return { start: [], statements: [statement], text: statement, end: [] };
  }
  // A session setting made inside the block that raises would be undone with it: the first block
  // commits the read-only session (and the problems), the second raises.
  const record = dollarQuoted([
    ...declare,
    ...checks,
    "  IF problems <> '' THEN PERFORM set_config('default_transaction_read_only', 'on', false); END IF;",
    "  PERFORM set_config('oto.guard_problems', problems, false);",
    'END',
  ]);
  const raise = dollarQuoted([
    'BEGIN',
    "  IF current_setting('oto.guard_problems', true) <> '' THEN",
    `    RAISE EXCEPTION '${STOP}%', current_setting('oto.guard_problems') USING HINT = ${quoteLiteral('postgresql', READ_ONLY_HINT)};`,
    '  END IF;',
    'END',
  ]);
  const statements = [record, raise];
  return { start: [], statements, text: statements.join('\n'), end: ['RESET default_transaction_read_only;'], carriedOn: READ_ONLY };
}

function mysqlGuard(queries: readonly string[], runner: SqlRunner): SqlGuard {
  const procedure = quoteIdentifier('mysql', 'oto_guard');
  const cli = runner === 'cli';
  const checks = queries.map((query) => `  SET found = (${query});\n  IF found IS NOT NULL THEN SET problems = CONCAT(problems, ' ', found, ';'); END IF;`);
  const body = [
    `CREATE PROCEDURE ${procedure}()`,
    'BEGIN',
    "  DECLARE problems TEXT DEFAULT '';",
    '  DECLARE found TEXT DEFAULT NULL;',
    ...checks,
    "  IF problems <> '' THEN",
    `    SET problems = CONCAT(${quoteLiteral('mysql', STOP)}, problems);`,
    // MySQL commits each DDL statement: a CLI that carries on (--force) meets a read-only session.
    ...(cli ? ['    SET SESSION TRANSACTION READ ONLY;'] : []),
    "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = problems;",
    '  END IF;',
    'END',
  ].join('\n');
  const drop = `DROP PROCEDURE IF EXISTS ${procedure};`;
  const call = [`CALL ${procedure}();`, `DROP PROCEDURE ${procedure};`];
  const statements = [drop, `${body};`, ...call];
  if (!cli) return { start: [], statements, text: statements.join('\n'), end: [] };
  // The mysql/mariadb CLI splits statements at `;` itself: the procedure's body needs another delimiter.
  const delimiter = freeTag(body, '$$', (i) => `$oto${i}$`);
  const text = [drop, `DELIMITER ${delimiter}`, `${body}${delimiter}`, 'DELIMITER ;', ...call].join('\n');
  return { start: [], statements, text, end: ['SET SESSION TRANSACTION READ WRITE;'], carriedOn: READ_ONLY };
}

/**
 * SQLite: each problem goes into a temporary table; a trigger raises them all at once (SQLite 3.47+
 * takes an expression in RAISE; older versions reject the trigger, also before any change). For a
 * CLI (sqlite3 without -bail carries on), a problem also leaves a row that breaks a deferred foreign
 * key: the transaction's COMMIT then fails, and closing the connection rolls every change back.
 */
function sqliteGuard(queries: readonly string[], hold: boolean): SqlGuard {
  const problems = '"temp"."oto_problems"';
  const abort = '"temp"."oto_abort"';
  const held = hold
    ? [
        `CREATE TEMP TABLE "oto_guard_key" ("id" INTEGER PRIMARY KEY);`,
        `CREATE TEMP TABLE "oto_guard_hold" ("key" INTEGER REFERENCES "oto_guard_key" ("id") DEFERRABLE INITIALLY DEFERRED);`,
        `INSERT INTO "temp"."oto_guard_hold" SELECT 1 FROM ${problems} LIMIT 1;`,
      ]
    : [];
  const statements = [
    `CREATE TEMP TABLE "oto_problems" ("problem" TEXT NOT NULL);`,
    ...queries.map((query) => `INSERT INTO ${problems} ${query};`),
    ...held,
    `CREATE TEMP TABLE "oto_abort" ("problems" TEXT NOT NULL);`,
    `CREATE TEMP TRIGGER "oto_abort_raise" BEFORE INSERT ON "oto_abort" BEGIN SELECT RAISE(ABORT, ${quoteLiteral('sqlite', STOP)} || ' ' || NEW."problems"); END;`,
    `INSERT INTO ${abort} ${nonEmpty(`SELECT group_concat("problem", '; ') AS p, count(*) AS c FROM ${problems}`)};`,
    `DROP TABLE ${abort};`,
    `DROP TABLE ${problems};`,
  ];
  const text = statements.join('\n');
  if (!hold) return { start: [], statements, text, end: [] };
  // A foreign key is checked only with foreign_keys on, which SQLite ignores inside a transaction.
  return { start: ['PRAGMA foreign_keys = ON;'], statements, text, end: [], carriedOn: HELD };
}

/**
 * The guard for the changes, none when no change depends on the data. `inTransaction`: the changes
 * run in one transaction that the guard's error aborts (then nothing more is needed).
 */
export function sqlGuard(dialect: SqlDialect, changes: readonly PlannedChange[], options: { readonly runner: SqlRunner; readonly inTransaction: boolean }): SqlGuard | undefined {
  const checks = checksOf(changes);
  if (checks.length === 0) return undefined;
  const queries = checks.map((c) => checkQuery(dialect, c));
  if (dialect === 'postgresql') return postgresGuard(queries, options.runner === 'cli' && !options.inTransaction);
  if (dialect === 'mysql') return mysqlGuard(queries, options.runner);
  return sqliteGuard(queries, options.runner === 'cli' && options.inTransaction);
}
