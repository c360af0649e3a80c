/**
 * The two forms of the generated SQL: for a database CLI (`runner: 'cli'`, stdout and --out) and for
 * an ORM's migration runner (`'migrator'`, the --into layouts). Only the CLI form leaves the session
 * read-only behind a failed guard (where no transaction holds the changes), makes SQLite's COMMIT
 * fail behind one, and gives MySQL's procedure DELIMITER lines; the runners, which stop at the first error on a pooled connection,
 * keep the plain guard. What runs is tested on the real CLIs in test/fix/sql-cli-runners.test.ts.
 */
import type { SqlDialect, SqlPlan } from './plan-sql-changes';
import { renderSql } from './render-sql';
import type { SqlRunner } from './sql-guard';

const plan = (dialect: SqlDialect): SqlPlan => ({
  dialect,
  changes: [{ change: { kind: 'add-unique', table: { name: 'profile' }, columns: ['user_id'], name: 'oto_profile_user_id_key', keyKind: 'constraint' }, findings: [] }],
  setAside: [],
});

const render = (dialect: SqlDialect, runner: SqlRunner, concurrently = false) => renderSql(plan(dialect), { source: 'a test', command: 'test', runner, concurrently });

describe('renderSql for a CLI and for a migration runner', () => {
  it('PostgreSQL CONCURRENTLY for a CLI: the guard records the problems and a read-only session, then raises; the file ends writable', () => {
    const { statements, text } = render('postgresql', 'cli', true);
    expect(statements.filter((s) => s.startsWith('DO '))).toHaveLength(2);
    expect(statements[0]).toContain("PERFORM set_config('default_transaction_read_only', 'on', false)");
    expect(statements[1]).toContain('RAISE EXCEPTION');
    expect(statements.at(-1)).toBe('RESET default_transaction_read_only;');
    expect(text).toContain('-- Run it with a runner that stops at the first error: psql -v ON_ERROR_STOP=1 -f <file>.');
    expect(text).toContain('-- Run it on a direct connection, not through a transaction-pooling proxy (PgBouncer)');
  });

  it.each<SqlDialect>(['postgresql', 'mysql', 'sqlite'])('%s for a migration runner: one plain guard, no session setting, no how-to-run line', (dialect) => {
    const { statements, text } = render(dialect, 'migrator', dialect === 'postgresql');
    expect(text).not.toMatch(/read_only|READ ONLY|READ WRITE|DELIMITER|Run it with|foreign_keys|oto_guard_hold/);
    expect(statements.join('\n')).toBe(text.split('\n').filter((l) => !l.startsWith('--') && l !== '').join('\n'));
  });

  it('PostgreSQL in a transaction for a CLI: the aborted transaction holds the changes, no session setting', () => {
    const { statements, text } = render('postgresql', 'cli');
    expect(text).not.toContain('PgBouncer');
    expect(statements[0]).toBe('BEGIN;');
    expect(statements.at(-1)).toBe('COMMIT;');
    expect(statements.join('\n')).not.toMatch(/read_only/);
  });

  it('MySQL for a CLI: DELIMITER lines around the procedure in the file, none in the statements; read-only before SIGNAL, writable at the end', () => {
    const { statements, text } = render('mysql', 'cli');
    expect(text).toMatch(/\nDROP PROCEDURE IF EXISTS `oto_guard`;\nDELIMITER \$\$\nCREATE PROCEDURE `oto_guard`\(\)\n[\s\S]*\n {4}SET SESSION TRANSACTION READ ONLY;\n {4}SIGNAL [\s\S]*\nEND\$\$\nDELIMITER ;\nCALL `oto_guard`\(\);\n/);
    expect(statements.join('\n')).not.toContain('DELIMITER');
    expect(statements.find((s) => s.startsWith('CREATE PROCEDURE'))).toMatch(/\nEND;$/);
    expect(statements.at(-1)).toBe('SET SESSION TRANSACTION READ WRITE;');
  });

  it('SQLite for a CLI: foreign keys on before the transaction, and a problem leaves a row breaking a deferred foreign key (COMMIT fails)', () => {
    const { statements } = render('sqlite', 'cli');
    expect(statements.slice(0, 2)).toEqual(['PRAGMA foreign_keys = ON;', 'BEGIN;']);
    expect(statements).toContain('CREATE TEMP TABLE "oto_guard_hold" ("key" INTEGER REFERENCES "oto_guard_key" ("id") DEFERRABLE INITIALLY DEFERRED);');
    expect(statements).toContain('INSERT INTO "temp"."oto_guard_hold" SELECT 1 FROM "temp"."oto_problems" LIMIT 1;');
    // The row must outlive the guard: its table is never dropped before COMMIT.
    expect(statements.join('\n')).not.toMatch(/DROP TABLE "temp"\."oto_guard_(hold|key)"/);
    expect(statements.at(-1)).toBe('COMMIT;');
  });

  it('MySQL: the delimiter is one the procedure does not hold', () => {
    const dollars = plan('mysql');
    const change = dollars.changes[0]!.change;
    const withDollars = { ...dollars, changes: [{ ...dollars.changes[0]!, change: { ...change, table: { name: 'pro$$file' } } }] };
    expect(renderSql(withDollars, { source: 'a test', command: 'test' }).text).toContain('\nDELIMITER $oto1$\n');
  });
});
