/**
 * The parser of the model's dialect, loaded only when a check reads the code: PostgreSQL's own
 * parser (libpg-query, WebAssembly, no native build) for PostgreSQL and CockroachDB,
 * node-sql-parser for MySQL and SQLite.
 */
import type { Dialect } from '@oto/core';
import { Unresolved } from '../code-location';
import { fromPgAst } from './from-pg-ast';
import { fromSqlParserAst } from './from-sql-parser-ast';
import type { SqlParser } from './sql-statement';

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

export interface LoadedSqlParser {
  readonly dialect: Dialect;
  /** How a template hole is written in this dialect: `$1…` or `?`. */
  readonly placeholder: (index: number) => string;
  readonly parse: SqlParser;
}

export async function loadSqlParser(dialect: Dialect): Promise<LoadedSqlParser | undefined> {
  if (dialect === 'postgresql' || dialect === 'cockroachdb') {
    const pg = (await import('libpg-query')) as typeof import('libpg-query');
    await pg.loadModule();
    return {
      dialect,
      placeholder: (i) => `$${i + 1}`,
      parse: (text) => {
        let tree: unknown;
        try {
          tree = pg.parseSync(text);
        } catch (error) {
          throw new Unresolved(`raw SQL that PostgreSQL's parser rejects (${firstLine(error)})`);
        }
        return fromPgAst(tree);
      },
    };
  }
  if (dialect === 'mysql' || dialect === 'sqlite') {
    const { Parser } = (await import('node-sql-parser')) as typeof import('node-sql-parser');
    const parser = new Parser();
    const database = dialect === 'mysql' ? 'mysql' : 'sqlite';
    return {
      dialect,
      placeholder: () => '?',
      parse: (text) => {
        let ast: unknown;
        try {
          ast = parser.astify(text, { database });
        } catch (error) {
          throw new Unresolved(`raw SQL that the ${dialect} parser rejects (${firstLine(error)})`);
        }
        return fromSqlParserAst(ast);
      },
    };
  }
  return undefined;
}
