/**
 * The socket server a TypeORM replay connects through (TypeORM has no PGlite driver): a client may
 * open its next connection before the server has seen the last one close (a pool reconnecting on
 * a busy machine), so it takes more than one at a time.
 */
import { Client } from 'pg';
import { openReplayTarget } from './replay-target';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

describe('the replay target of embedded PGlite', () => {
  it('serves a second connection while the first is open, and both see the same database', async () => {
    const target = await openReplayTarget({ dialect: 'postgresql', cwd: process.cwd() });
    const clients: Client[] = [];
    try {
      const url = await target.url();
      for (let i = 0; i < 2; i++) {
        const client = new Client({ connectionString: url });
        await client.connect();
        clients.push(client);
      }
      await clients[0]!.query('CREATE TABLE t (id int PRIMARY KEY)');
      await clients[1]!.query('INSERT INTO t VALUES (1)');
      expect((await clients[0]!.query('SELECT id FROM t')).rows).toEqual([{ id: 1 }]);
    } finally {
      for (const client of clients) await client.end();
      await target.close();
    }
  });
});
