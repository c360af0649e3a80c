import * as net from 'node:net';
import { connect } from './connect';

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
  }, 30_000);
});
