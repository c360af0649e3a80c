import { findFilterKey } from '@oto/core';
import { connect } from '../connect';
import { introspect } from './introspect';
import { indexPredicate } from './sqlite';

describe('indexPredicate: the WHERE clause of a stored CREATE INDEX, not a WHERE inside a name', () => {
  it.each<[string, string | null]>([
    ['CREATE UNIQUE INDEX i ON t (user_id) WHERE status = \'a\'', "status = 'a'"],
    ['create unique index i on t (user_id) where deleted_at is null;', 'deleted_at is null'],
    ['CREATE UNIQUE INDEX i ON t (user_id)\nWHERE\n  x = 1', 'x = 1'],
    ['CREATE UNIQUE INDEX [x where "status" = \'a\' --] ON t (user_id) WHERE status = \'b\'', "status = 'b'"],
    ['CREATE UNIQUE INDEX "x where ""y"" = 1" ON t (user_id) WHERE y = 2', 'y = 2'],
    ['CREATE UNIQUE INDEX `where` ON `where` (`where`) WHERE `where` = \'where\'', "`where` = 'where'"],
    ['CREATE UNIQUE INDEX wherever ON t (user_id) /* where x */ -- where y\n WHERE z = 1', 'z = 1'],
    ['CREATE UNIQUE INDEX i ON t (user_id)', null],
    [null as unknown as string, null],
  ])('%s', (sql, predicate) => {
    expect(indexPredicate(sql)).toBe(predicate);
  });

  it('on SQLite: an index named [… WHERE …] is read with its own predicate, and backs only that filter', async () => {
    const client = await connect('sqlite::memory:', { cwd: process.cwd() });
    try {
      await client.exec(`CREATE TABLE t (id integer PRIMARY KEY, user_id integer, status text);
        CREATE UNIQUE INDEX [x where "status" = 'a' --] ON t (user_id) WHERE status = 'b'`);
      const table = (await introspect(client)).model.tables.find((t) => t.name === 't')!;
      expect(table.uniques.map((u) => u.where)).toEqual(["status = 'b'"]);
      expect(findFilterKey(table, ['user_id'], `"status" = 'a'`)).toBeUndefined();
      expect(findFilterKey(table, ['user_id'], `"status" = 'b'`)).toBeDefined();
    } finally {
      await client.close();
    }
  });
});
