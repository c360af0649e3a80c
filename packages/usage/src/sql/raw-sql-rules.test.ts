/**
 * Each usage rule over raw SQL: the statement parsed by PostgreSQL's parser (libpg-query), turned
 * into a Query through the rule tests' model (user 1–1 account without its unique, user 1–1
 * profile backed, user 1–n post), and checked by that rule alone.
 */
import { analyze, check, RULES } from '@oto/core';
import type { Consumption, SchemaModel, UsageFacts } from '@oto/core';
import { accounts } from '../../../core/src/testing/usage-fixtures';
import { fromSqlStatement } from './from-sql-statement';
import { loadSqlParser } from './sql-parser';
import type { LoadedSqlParser } from './sql-parser';

interface Case {
  readonly rule: string;
  readonly sql: string;
  readonly consumption?: Consumption;
  /** The rule's findings, `messageId@line:column`; the query is written at 7:3. */
  readonly findings: readonly string[];
}

const CASES: readonly Case[] = [
  { rule: 'usage-unbacked-one-to-one', sql: 'UPDATE account SET provider = $1 WHERE user_id = $2', findings: ['write@7:3'] },
  { rule: 'usage-unbacked-one-to-one', sql: 'UPDATE account SET provider = $1 WHERE id = $2', findings: [] },
  { rule: 'usage-unbacked-one-to-one', sql: 'SELECT * FROM account a WHERE a.user_id = $1', consumption: 'first', findings: ['single-row@7:3'] },
  { rule: 'usage-first-of-many', sql: 'SELECT * FROM post WHERE author_id = $1 LIMIT 1', findings: ['arbitrary@7:3'] },
  { rule: 'usage-first-of-many', sql: 'SELECT * FROM post WHERE author_id = $1 ORDER BY id DESC LIMIT 1', findings: [] },
  { rule: 'usage-join-off-key', sql: 'SELECT * FROM "user" u JOIN account a ON a.provider = u.id', findings: ['off-key@7:3'] },
  { rule: 'usage-join-off-key', sql: 'SELECT * FROM "user" u JOIN profile p ON p.user_id = u.id', findings: [] },
  { rule: 'usage-join-fans-out', sql: 'SELECT u.* FROM "user" u LEFT JOIN post p ON p.author_id = u.id WHERE u.email = $1 LIMIT 1', findings: ['fans-out@7:3'] },
  { rule: 'usage-join-fans-out', sql: 'SELECT u.* FROM "user" u LEFT JOIN post p ON p.author_id = u.id WHERE u.email = $1', findings: [] },
];

describe('the usage rules over raw SQL (PostgreSQL)', () => {
  const model: SchemaModel = { ...accounts(), dialect: 'postgresql' };
  let parser: LoadedSqlParser;
  beforeAll(async () => {
    parser = (await loadSqlParser('postgresql'))!;
  }, 60_000);

  it.each(CASES.map((c) => [`${c.rule}: ${c.sql}`, c] as const))('%s', (_, c) => {
    const statement = parser.parse(c.sql);
    if (statement === 'not-a-query') throw new Error('not a query');
    const query = fromSqlStatement(statement, analyze(model), { location: { file: 'src/app.ts', line: 7, column: 3 }, consumption: c.consumption ?? 'many' });
    const usage: UsageFacts = { tsconfig: 'tsconfig.json', files: 1, queries: [query], unresolved: [], ignores: [], syntaxErrors: [] };
    const rule = RULES.find((r) => r.id === c.rule)!;
    const { diagnostics } = check(model, { rules: [{ rule, severity: rule.defaultSeverity, options: rule.options.parse(rule.defaultOptions) }], ignore: { tables: new Set(), relations: new Set() }, failOn: 'error' }, undefined, usage);
    expect(diagnostics.map((d) => `${d.messageId}@${d.location.line}:${d.location.column}`)).toEqual(c.findings);
  });
});
