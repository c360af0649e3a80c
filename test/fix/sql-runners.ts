/**
 * What the tests of generated SQL files share: the SQL oto generates for a scenario (planned against
 * the scenario's own tables), and the real database CLIs users run such a file with: `psql -f` on
 * the PostgreSQL server of OTO_TEST_PG_URL and `mariadb < file` on the server of
 * OTO_TEST_MYSQL_URL (the password through the environment, never on the command line).
 */
import { spawn, spawnSync } from 'node:child_process';
import { check, conventionUniqueName, planSqlChanges, renderSql, resolveConfig } from '@oto/core';
import type { RenderedSql, RenderSqlOptions, SqlDialect } from '@oto/core';
import type { Scenario } from './random-schema';

export const PG_URL = process.env['OTO_TEST_PG_URL'];
export const MYSQL_URL = process.env['OTO_TEST_MYSQL_URL'];

/** Whether a command is installed (`<command> --version` runs). */
export function hasCommand(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

const config = resolveConfig({}, 'test');

/** The SQL `oto generate sql` writes for the scenario's findings, against its declared tables (`--renames`: with the naming rule's renames). */
export function sqlFor(scenario: Scenario, dialect: SqlDialect, options: Partial<RenderSqlOptions> = {}, renames = false): RenderedSql {
  const plan = planSqlChanges(check(scenario.model, config).diagnostics, {
    dialect,
    tables: scenario.model.tables,
    uniqueName: (table, columns) => conventionUniqueName(table, columns),
    renames,
    onDelete: 'restrict',
  });
  return renderSql(plan, { source: 'a test schema', command: 'oto generate sql', ...options });
}

export interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, input?: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/**
 * `psql -X -f <file>` in a schema of its own (search_path), with `-v ON_ERROR_STOP=1` only when
 * asked: psql's default carries on past an error. Then `SHOW default_transaction_read_only` in the
 * same session: how the file left it.
 */
export function psqlFile(url: string, schema: string, file: string, options: { readonly stopOnError: boolean }): Promise<Ran> {
  const args = [...(options.stopOnError ? ['-v', 'ON_ERROR_STOP=1'] : []), '-X', '-At', '-f', file, '-c', 'SHOW default_transaction_read_only', url];
  return run('psql', args, { PGOPTIONS: `-c search_path=${schema}` });
}

/** `mariadb <database> < <file>`, as its docs run a script (`--force`: carry on past errors). */
export function mariadbFile(url: string, database: string, text: string, options: { readonly force: boolean }): Promise<Ran> {
  const { hostname, port, username, password } = new URL(url);
  const args = [`-h${hostname}`, `-P${port || '3306'}`, `-u${decodeURIComponent(username)}`, ...(options.force ? ['--force'] : []), database];
  return run('mariadb', args, { MYSQL_PWD: decodeURIComponent(password) }, text);
}

/** `sqlite3 [-bail] <file>` with the SQL on stdin, as its docs run a script. */
export function sqlite3File(database: string, text: string, options: { readonly bail: boolean }): Promise<Ran> {
  return run('sqlite3', [...(options.bail ? ['-bail'] : []), database], {}, text);
}

/** The sqlite3 CLI's version as a number (3.47.0 is 3047000), 0 when it is missing. */
export function sqlite3Version(): number {
  const ran = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
  const [, major, minor, patch] = /^(\d+)\.(\d+)\.(\d+)/.exec(ran.stdout ?? '') ?? [];
  return major ? Number(major) * 1_000_000 + Number(minor) * 1000 + Number(patch) : 0;
}
