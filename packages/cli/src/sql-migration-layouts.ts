/**
 * Where `oto generate sql --into <folder>` puts the migration, the way each ORM's migration tool
 * expects it: Prisma `<timestamp>_oto_one_to_one/migration.sql`; drizzle-kit a custom migration
 * (`NNNN_oto_one_to_one.sql` with statement breakpoints, its journal entry, and the last snapshot
 * with what the migration changes, so drizzle-kit does not generate it again once the schema has
 * it: drizzle-snapshot.ts); TypeORM a migration class. New files are created, never replaced; the
 * drizzle journal is rewritten atomically.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inertText, shownPath, UserError, writeFileAtomic, writeNewFile } from '@oto/core';
import type { RenderedSql, SqlChange } from '@oto/core';
import { isDrizzleKitV1Folder, writeDrizzleKitV1 } from './drizzle-kit-v1-layout';
import { kitDialect, snapshotAfter } from './drizzle-snapshot';
import type { KitSnapshot } from './drizzle-snapshot';
import type { Orm } from './run-check';

const NAME = 'oto_one_to_one';

/** `20261122134501`: Prisma's migration folder timestamp (UTC). */
function prismaTimestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function writePrisma(into: string, sql: RenderedSql, now: Date, cwd: string): string[] {
  const file = path.join(into, `${prismaTimestamp(now)}_${NAME}`, 'migration.sql');
  writeNewFile(file, sql.text, shownPath(cwd, file));
  return [file];
}

interface Journal {
  readonly version?: string;
  readonly dialect?: string;
  readonly entries: { readonly idx: number; readonly version?: string; readonly when: number; readonly tag: string; readonly breakpoints: boolean }[];
}

function readJournal(file: string, cwd: string): Journal {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`${shownPath(cwd, file)}: not found: --into must name drizzle-kit's migrations folder (its "out"), after a first drizzle-kit generate`);
  }
  try {
    const journal = JSON.parse(text) as Journal;
    if (!Array.isArray(journal.entries)) throw new Error('no "entries" list');
    return journal;
  } catch (error) {
    throw new UserError(`${shownPath(cwd, file)}: not a drizzle-kit journal (${(error as Error).message})`);
  }
}

/** Where drizzle-kit's migrator (and oto's replay) splits a migration into statements, wherever it occurs. */
const BREAKPOINT = '--> statement-breakpoint';
/** The marker as a name in the header shows it: split no more. */
const SHOWN_BREAKPOINT = '--\\x3e statement-breakpoint';

/** A name holding the marker would split a statement in two: one line naming it. */
function refuseBreakpoint(statements: readonly string[]): void {
  const statement = statements.find((s) => s.includes(BREAKPOINT));
  if (statement === undefined) return;
  const name = /"(?:[^"]|"")*"|`(?:[^`]|``)*`/g;
  const quoted = statement.match(name)?.find((n) => n.includes(BREAKPOINT)) ?? statement;
  throw new UserError(
    `the name ${inertText(quoted)} holds "${BREAKPOINT}", where drizzle-kit's migrator splits a migration: rename it, or write the SQL with --out and run it with the database's CLI`,
  );
}

function writeDrizzle(into: string, sql: RenderedSql, now: Date, cwd: string, changes: readonly SqlChange[]): string[] {
  // The header comment rides on the first statement, as drizzle-kit's own comments do.
  const [header] = sql.text.split('\n\n');
  refuseBreakpoint(sql.statements);
  const body = [`${(header ?? '').split(BREAKPOINT).join(SHOWN_BREAKPOINT)}\n${sql.statements[0] ?? ''}`, ...sql.statements.slice(1)].join(`\n${BREAKPOINT}\n`);
  if (isDrizzleKitV1Folder(into)) return writeDrizzleKitV1(into, `${body}\n`, now, cwd, changes);
  const journalFile = path.join(into, 'meta', '_journal.json');
  const journal = readJournal(journalFile, cwd);
  const idx = journal.entries.reduce((max, e) => Math.max(max, e.idx), -1) + 1;
  const tag = `${String(idx).padStart(4, '0')}_${NAME}`;
  const file = path.join(into, `${tag}.sql`);
  writeNewFile(file, `${body}\n`, shownPath(cwd, file));
  const written = [file];
  // The snapshot is the previous one with what the migration changes: `oto fix` puts the same in
  // the schema, and drizzle-kit then finds nothing to generate.
  const last = journal.entries.find((e) => e.idx === idx - 1);
  const previous = last ? path.join(into, 'meta', `${last.tag.slice(0, 4)}_snapshot.json`) : undefined;
  if (previous && fs.existsSync(previous)) {
    let snapshot: KitSnapshot;
    try {
      snapshot = JSON.parse(fs.readFileSync(previous, 'utf8')) as KitSnapshot;
    } catch (error) {
      throw new UserError(`${shownPath(cwd, previous)}: not a drizzle-kit snapshot (${(error as Error).message}): regenerate it with drizzle-kit generate`);
    }
    const dialect = kitDialect(journal.dialect ?? (snapshot['dialect'] as string | undefined));
    const next = path.join(into, 'meta', `${tag.slice(0, 4)}_snapshot.json`);
    const after = dialect ? snapshotAfter(snapshot, changes, dialect, randomUUID()) : { ...snapshot, prevId: snapshot['id'], id: randomUUID() };
    writeNewFile(next, JSON.stringify(after, null, 2), shownPath(cwd, next));
    written.push(next);
  }
  const version = last?.version ?? journal.version ?? '7';
  writeFileAtomic(journalFile, JSON.stringify({ ...journal, entries: [...journal.entries, { idx, version, when: now.getTime(), tag, breakpoints: true }] }, null, 2), { label: shownPath(cwd, journalFile) });
  written.push(journalFile);
  return written;
}

/** The TypeORM migration class: the SQL's header as comments, one `queryRunner.query` per statement. */
export function typeormClass(sql: RenderedSql, timestamp: number, noTransaction: boolean): string {
  const name = `OtoOneToOne${timestamp}`;
  const calls = (statements: readonly string[]) => statements.map((s) => `    await queryRunner.query(${JSON.stringify(s)});`).join('\n');
  const [header] = sql.text.split('\n\n');
  return [
    (header ?? '').replace(/^--( |$)/gm, '//$1'),
    "import type { MigrationInterface, QueryRunner } from 'typeorm';",
    '',
    `export class ${name} implements MigrationInterface {`,
    `  name = '${name}';`,
    ...(noTransaction
      ? [
          '  // CREATE INDEX CONCURRENTLY cannot run inside a transaction. TypeORM refuses a migration that',
          "  // says so under its default transaction mode 'all': run `typeorm migration:run --transaction each`",
          "  // (or set migrationsTransactionMode: 'each' in the DataSource).",
          '  transaction = false as const;',
        ]
      : []),
    '',
    '  public async up(queryRunner: QueryRunner): Promise<void> {',
    calls(sql.statements),
    '  }',
    '',
    '  public async down(queryRunner: QueryRunner): Promise<void> {',
    calls(sql.down),
    '  }',
    '}',
    '',
  ].join('\n');
}

function writeTypeorm(into: string, sql: RenderedSql, now: Date, cwd: string, noTransaction: boolean): string[] {
  if (!fs.existsSync(into)) throw new UserError(`${shownPath(cwd, into)}: no such folder: --into must name the folder of the TypeORM migrations`);
  const timestamp = now.getTime();
  const file = path.join(into, `${timestamp}-OtoOneToOne.ts`);
  writeNewFile(file, typeormClass(sql, timestamp, noTransaction), shownPath(cwd, file));
  return [file];
}

/** Writes the migration into the ORM's migrations folder; returns the files written. */
export function writeSqlMigration(
  orm: Orm,
  into: string,
  sql: RenderedSql,
  options: { readonly now: Date; readonly cwd: string; readonly noTransaction: boolean; readonly changes?: readonly SqlChange[] },
): string[] {
  if (orm === 'prisma') {
    if (!fs.existsSync(into)) throw new UserError(`${shownPath(options.cwd, into)}: no such folder: --into must name the Prisma migrations folder (prisma/migrations)`);
    return writePrisma(into, sql, options.now, options.cwd);
  }
  if (orm === 'drizzle') return writeDrizzle(into, sql, options.now, options.cwd, options.changes ?? []);
  return writeTypeorm(into, sql, options.now, options.cwd, options.noTransaction);
}

/** Whether the ORM's migration runner wraps each migration in a transaction itself. */
export function runnerWrapsTransaction(orm: Orm): boolean {
  return orm === 'drizzle' || orm === 'typeorm';
}
