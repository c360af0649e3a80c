/**
 * `oto generate sql`: the migration that makes the database honour the declared one-to-ones, from
 * the fixes of a check's findings: the missing backing uniques (after a guard that stops on
 * duplicate keys), NOT NULL on required sides, ON DELETE that contradicts a one-to-one, and with
 * `--renames` the naming rule's renames. Against the database `--database-url` names (or that
 * `--migrations` builds) when given, else against the schema's own tables. To stdout, `--out`, or
 * `--into` the ORM's migrations folder.
 */
import * as path from 'node:path';
import { conventionUniqueName, GENERATED_SQL_MARK, planSqlChanges, redactSecrets, renderSql, setAsideLines, shownDatabase, shownPath, UserError, writeGeneratedFile } from '@oto/core';
import type { DatabaseFacts, Diagnostic, Dialect, SqlDialect, SqlPlan } from '@oto/core';
import type { CliIo } from './io';
import { checkProject, EXIT } from './run-check';
import type { SourceOptions } from './run-check';
import { runnerWrapsTransaction, writeSqlMigration } from './sql-migration-layouts';

export const SQL_DIALECTS = ['postgresql', 'mysql', 'sqlite'] as const;
export const ON_DELETE_CHOICES = ['restrict', 'cascade', 'no-action'] as const;

export interface GenerateSqlOptions extends SourceOptions {
  readonly dialect?: SqlDialect;
  readonly out?: string;
  readonly into?: string;
  readonly concurrently?: boolean;
  readonly renames?: boolean;
  readonly onDelete?: (typeof ON_DELETE_CHOICES)[number];
}

const FROM_MODEL: Partial<Record<Dialect, SqlDialect>> = { postgresql: 'postgresql', cockroachdb: 'postgresql', mysql: 'mysql', sqlite: 'sqlite' };

/** The naming rule's unique name template, when the config sets one. */
function uniqueTemplate(options: unknown): string | undefined {
  const template = (options as { uniqueName?: unknown } | undefined)?.uniqueName;
  return typeof template === 'string' ? template : undefined;
}

type CheckedProject = Awaited<ReturnType<typeof checkProject>>;

/** The database the SQL was planned against, for its header: a live one by kind and host, replayed migrations by their folder. */
function sqlSource(database: DatabaseFacts, databaseUrl: string | undefined): string {
  return database.kind === 'database' && databaseUrl ? shownDatabase(databaseUrl) : redactSecrets(database.label);
}

/**
 * The plan with its findings naming a live database as `shown` (kind and host) instead of by its
 * label (a redacted URL): their messages go into the file as comments.
 */
function withoutUrl(plan: SqlPlan, label: string, shown: string): SqlPlan {
  const rename = (d: Diagnostic): Diagnostic => ({ ...d, message: d.message.split(`the database ${label}`).join(`the ${shown}`).split(label).join(shown) });
  return {
    ...plan,
    changes: plan.changes.map((c) => ({ ...c, findings: c.findings.map(rename) })),
    setAside: plan.setAside.map((a) => ({ ...a, finding: rename(a.finding) })),
  };
}

/**
 * The changes the findings call for, named as the naming rule names them: for the database the
 * check read (or the one the schema describes), or with target 'schema' for `oto fix`.
 */
export function planProjectChanges(
  project: CheckedProject,
  options: { readonly dialect?: SqlDialect; readonly renames?: boolean; readonly onDelete?: (typeof ON_DELETE_CHOICES)[number]; readonly target: 'database' | 'schema' },
): SqlPlan {
  const { analyzed, database, diagnostics } = project.result;
  const onDatabase = options.target === 'database' ? database : undefined;
  const modelDialect = onDatabase?.model.dialect ?? analyzed.model.dialect;
  const dialect = options.dialect ?? FROM_MODEL[modelDialect];
  if (!dialect) throw new UserError(`oto writes SQL for PostgreSQL, MySQL and SQLite; the schema is ${modelDialect}: pass --dialect postgresql|mysql|sqlite to write it for one of them`);
  const naming = project.config.rules.find((r) => r.rule.id === 'one-to-one-naming');
  const template = uniqueTemplate(naming?.options);
  return planSqlChanges(diagnostics, {
    dialect,
    tables: onDatabase?.model.tables ?? analyzed.model.tables,
    ...(onDatabase?.defaultSchema ? { defaultSchema: onDatabase.defaultSchema } : {}),
    uniqueName: (table, columns) => conventionUniqueName(table, columns, template),
    renames: options.renames ?? false,
    onDelete: options.onDelete ?? 'restrict',
    target: options.target,
  });
}

export async function runGenerateSql(options: GenerateSqlOptions, io: CliIo): Promise<number> {
  if (options.out && options.into) throw new UserError('generate sql: --out and --into both say where to write: pass one');
  const project = await checkProject({ ...options, failOn: 'never' }, io);
  const { database } = project.result;
  const planned = planProjectChanges(project, { ...options, target: 'database' });
  const live = database?.kind === 'database' && options.databaseUrl ? database : undefined;
  const plan = live ? withoutUrl(planned, live.label, shownDatabase(options.databaseUrl!)) : planned;
  const { dialect } = plan;
  if (options.concurrently && dialect !== 'postgresql') throw new UserError('generate sql: --concurrently is PostgreSQL\'s (CREATE UNIQUE INDEX CONCURRENTLY)');
  const wraps = options.into !== undefined && runnerWrapsTransaction(project.orm);
  const sql = renderSql(plan, {
    concurrently: options.concurrently ?? false,
    transaction: !wraps,
    // A migrations folder's runner stops at the first error; a file for psql/mysql may meet one that carries on.
    runner: options.into === undefined ? 'cli' : 'migrator',
    // A file may be committed: it names the database by kind and host, never by its URL.
    source: database ? `${project.orm} schema and ${sqlSource(database, options.databaseUrl)}` : `the ${project.orm} schema`,
    // The flags that shape the SQL (never a database URL: the header must not carry a password).
    command: [
      'oto generate sql',
      `--dialect ${dialect}`,
      ...(options.concurrently ? ['--concurrently'] : []),
      ...(options.renames ? ['--renames'] : []),
      ...(options.onDelete ? [`--on-delete ${options.onDelete}`] : []),
    ].join(' '),
  });
  for (const line of setAsideLines(plan.setAside)) io.stderr(`oto: not in the SQL: ${line}\n`);
  const summary = `${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'}`;
  if (options.into) {
    if (plan.changes.length === 0) {
      io.stderr('oto: nothing to change: no migration written\n');
      return EXIT.ok;
    }
    const files = writeSqlMigration(project.orm, path.resolve(io.cwd, options.into), sql, {
      now: io.now?.() ?? new Date(),
      cwd: io.cwd,
      noTransaction: options.concurrently ?? false,
      changes: plan.changes.map((c) => c.change),
    });
    for (const file of files) io.stdout(`oto: wrote ${shownPath(io.cwd, file)}\n`);
    if (options.concurrently && project.orm === 'typeorm') io.stderr("oto: the migration runs outside a transaction (CONCURRENTLY): run it with `typeorm migration:run --transaction each`\n");
    io.stderr(`oto: ${summary}\n`);
    return EXIT.ok;
  }
  if (options.out) {
    const file = path.resolve(io.cwd, options.out);
    const outcome = writeGeneratedFile(file, sql.text, shownPath(io.cwd, file), GENERATED_SQL_MARK);
    io.stdout(`oto: ${outcome === 'written' ? 'wrote' : 'unchanged:'} ${shownPath(io.cwd, file)} (${summary})\n`);
    return EXIT.ok;
  }
  io.stdout(sql.text);
  return EXIT.ok;
}
