import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { tempProjects } from '../../core/src/testing/temp-projects';
import { connect } from './connect';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const projects = tempProjects('connect');

/**
 * A server that asks for a password the way PostgreSQL with scram-sha-256 does: it answers the
 * startup message with AuthenticationSASL and then waits. It records when the client hangs up.
 */
function saslServer(): Promise<{ port: number; closed: Promise<void>; stop(): Promise<void> }> {
  let onClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (onClosed = resolve));
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const authentication = (code: number, data: string) => {
      const body = Buffer.from(data);
      const message = Buffer.alloc(1 + 4 + 4 + body.length);
      message.write('R', 0);
      message.writeInt32BE(4 + 4 + body.length, 1);
      message.writeInt32BE(code, 5);
      body.copy(message, 9);
      return message;
    };
    let messages = 0;
    socket.on('data', () => {
      // The startup message, then the client's SASLInitialResponse.
      if (messages++ === 0) socket.write(authentication(10, 'SCRAM-SHA-256\0\0')); // AuthenticationSASL
      else socket.write(authentication(11, 'r=nonce,s=c2FsdA==,i=4096')); // AuthenticationSASLContinue
    });
    socket.on('error', () => undefined);
    socket.on('close', () => onClosed());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({ port, closed, stop: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    }),
  );
}

describe('connect', () => {
  it('a PostgreSQL server asking for a password the URL lacks: one line, and the socket is closed (nothing left to hang on)', async () => {
    const server = await saslServer();
    try {
      await expect(connect(`postgresql://app@127.0.0.1:${server.port}/app`, { cwd: process.cwd() })).rejects.toThrow(
        new RegExp(`^cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${server.port} \\(database app\\): .*password`),
      );
      // Before the fix node-postgres kept the socket open after rejecting, and the CLI never exited.
      let timer: NodeJS.Timeout | undefined;
      const hungUp = await Promise.race([server.closed.then(() => true), new Promise((r) => (timer = setTimeout(() => r(false), 5000)))]);
      clearTimeout(timer);
      expect(hungUp).toBe(true);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('sslmode=require: no ten-line driver warning before the one line', async () => {
    const server = await saslServer();
    const emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      await expect(connect(`postgresql://app:pw@127.0.0.1:${server.port}/app?sslmode=require`, { cwd: process.cwd() })).rejects.toThrow(/^cannot connect to PostgreSQL at /);
      expect(emitWarning.mock.calls.filter(([warning]) => /SSL modes/.test(String(warning)))).toEqual([]);
    } finally {
      emitWarning.mockRestore();
      await server.stop();
    }
  }, 120_000);

  it('a SQLite file that is no database: one line naming the file, while connecting', async () => {
    const dir = projects('not-sqlite', { 'notes.db': 'hello, not a database\n' });
    await expect(connect('sqlite:notes.db', { cwd: dir })).rejects.toThrow(/^cannot connect to SQLite database notes\.db: file is not a database$/);
  }, 120_000);

  it('pglite:<missing folder> is an error (no new database is made); pglite:memory: is an empty one asked for', async () => {
    const dir = projects('pglite', { 'README.md': '' });
    await expect(connect('pglite:missing', { cwd: dir })).rejects.toThrow(/^PGlite database missing: no such folder: .*pglite:memory:/);
    expect(fs.existsSync(path.join(dir, 'missing'))).toBe(false);
    await expect(connect('pglite:README.md', { cwd: dir })).rejects.toThrow(/^PGlite database README\.md: is a file, not a PGlite data folder$/);
    const memory = await connect('pglite:memory:', { cwd: dir });
    try {
      expect(await memory.query('SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = $1', ['public'])).toEqual([{ n: 0 }]);
    } finally {
      await memory.close();
    }
  }, 120_000);
});
