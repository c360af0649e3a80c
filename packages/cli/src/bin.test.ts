/**
 * The real `oto` bin (packages/cli/dist, built by `npm test` before jest) against user code that
 * does not let go: every run ends, with its report and exit code or with one line and exit 2.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const BIN = path.resolve(__dirname, '../dist/bin.js');
/** Generous: the machine may be loaded; each case needs seconds at most on a quiet one. */
const SLOW = 180_000;

const INSTALLED: Record<string, string> = {
  'drizzle-orm': installed('drizzle-orm', path.resolve(__dirname, '../../drizzle')),
  typeorm: installed('typeorm', path.resolve(__dirname, '../../typeorm')),
};
const projects = tempProjects('bin');

/** Runs the bin in `cwd`; a run that has not ended after `SLOW` is killed and reported as such. */
function bin(cwd: string, args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), SLOW - 10_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const TABLE = `import { pgTable, serial } from 'drizzle-orm/pg-core';\nexport const users = pgTable('app_user', { id: serial('id').primaryKey() });\n`;
const schema = (code: string) => `${TABLE}${code}\n`;

/** One line naming the file, nothing on stdout, exit 2. */
function expectOneLine(result: { code: number | null; stdout: string; stderr: string }, message: RegExp): void {
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stdout).toBe('');
  expect(result.code).toBe(2);
}

describe('oto bin: user code that keeps running ends with the result', () => {
  const dir = projects(
    'running',
    {
      'interval.ts': schema(`setInterval(() => undefined, 1000);`),
      'server.ts': schema(`import * as net from 'node:net';\nnet.createServer().listen(0, '127.0.0.1');`),
      'chatty.ts': schema(`console.log('hello from the schema');\nprocess.stdout.write('raw write\\n');`),
    },
    INSTALLED,
  );

  it.each([['a setInterval', 'interval.ts'], ['a listening server', 'server.ts']])('check, with %s at import', async (_, file) => {
    const result = await bin(dir, ['check', '--drizzle', file, '--format', 'json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ source: 'drizzle', dialect: 'postgresql' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, SLOW);

  it('fix and generate accessors, with a setInterval at import', async () => {
    const fix = await bin(dir, ['fix', '--drizzle', 'interval.ts', '--dry-run']);
    expect(fix.stderr).toBe('oto: nothing to fix in the schema\n');
    expect(fix.code).toBe(0);
    const accessors = await bin(dir, ['generate', 'accessors', '--drizzle', 'interval.ts', '--out', 'accessors.ts']);
    expect(accessors.stdout).toMatch(/^oto: wrote accessors\.ts \(0 accessors\)\n$/);
    expect(accessors.code).toBe(0);
  }, SLOW);

  it('in CI (CI=true, a log): one line per step on stderr as it starts, stdout exactly the report', async () => {
    const result = await bin(dir, ['check', '--drizzle', 'interval.ts', '--format', 'json'], { CI: 'true' });
    expect(JSON.parse(result.stdout)).toMatchObject({ source: 'drizzle' });
    expect(result.stderr).toBe('oto: compiling and loading the Drizzle schema\n');
    expect(result.code).toBe(0);
  }, SLOW);

  it('what user code prints goes to stderr: stdout is exactly the JSON report', async () => {
    const result = await bin(dir, ['check', '--drizzle', 'chatty.ts', '--format', 'json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ source: 'drizzle' });
    expect(result.stderr).toBe('hello from the schema\nraw write\n');
    expect(result.code).toBe(0);
  }, SLOW);
});

describe('oto bin: user code that takes over ends with one line naming the file, exit 2', () => {
  const dir = projects(
    'leaving',
    {
      'loop.ts': schema(`while (true) {}`),
      'exit.ts': schema(`process.exit(0);`),
      'loop.config.ts': `while (true) {}\nexport default {};\n`,
      'reject.ts': schema(`Promise.reject(new Error('late boom'));`),
      'timer.ts': schema(`setTimeout(() => { throw new Error('timer boom'); }, 0);`),
      'entity.ts': `import { Entity, PrimaryGeneratedColumn } from 'typeorm';\n@Entity('app_user')\nexport class User {\n  @PrimaryGeneratedColumn() id!: number;\n}\n`,
      'never.ts': `import { DataSource } from 'typeorm';\nexport const AppDataSource: Promise<DataSource> = new Promise(() => undefined);\n`,
    },
    INSTALLED,
  );

  it('an endless loop at import: stopped at the time limit (OTO_LOAD_TIMEOUT)', async () => {
    const result = await bin(dir, ['check', '--drizzle', 'loop.ts'], { OTO_LOAD_TIMEOUT: '3' });
    expectOneLine(result, /^oto: loop\.ts: still loading after 3 s: .*OTO_LOAD_TIMEOUT=<seconds>\n$/);
  }, SLOW);

  it('an oto.config.ts that loops is stopped at the time limit too', async () => {
    const result = await bin(dir, ['check', '--drizzle', 'timer.ts', '--config', 'loop.config.ts'], { OTO_LOAD_TIMEOUT: '3' });
    expectOneLine(result, /^oto: loop\.config\.ts: still loading after 3 s: /);
  }, SLOW);

  it('a time limit that is no number', async () => {
    expectOneLine(await bin(dir, ['check', '--drizzle', 'exit.ts'], { OTO_LOAD_TIMEOUT: 'soon' }), /^oto: OTO_LOAD_TIMEOUT="soon" is no time limit: give seconds/);
  }, SLOW);

  it.each([
    ['process.exit(0) at import', 'exit.ts', /^oto: exit\.ts: called process\.exit\(0\) while oto loaded it, so there is no result: /],
    ['a rejected promise nobody awaits', 'reject.ts', /^oto: reject\.ts \(loaded earlier\): its code left a rejected promise that nobody awaits: late boom; /],
    ['a throw from a timer', 'timer.ts', /^oto: timer\.ts \(loaded earlier\): its code threw outside the load \(from a timer or an event handler\): timer boom; /],
  ])('%s', async (_, file, message) => {
    expectOneLine(await bin(dir, ['check', '--drizzle', file, '--format', 'json']), message);
  }, SLOW);

  it('a data source exported as a promise that never settles', async () => {
    expectOneLine(await bin(dir, ['check', '--typeorm', 'never.ts']), /^oto: never\.ts: its load never finished: it waits on a promise that never settles/);
  }, SLOW);
});

describe('oto bin: a data source that connects at import', () => {
  it('is answered without connecting: the report, and not one connection to its database', async () => {
    let connections = 0;
    const server = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const dir = projects(
        'connects',
        {
          'entity.ts': `import { Entity, PrimaryGeneratedColumn } from 'typeorm';\n@Entity('app_user')\nexport class User {\n  @PrimaryGeneratedColumn() id!: number;\n}\n`,
          'data-source.ts': `import { DataSource } from 'typeorm';\nimport { User } from './entity';\nexport const AppDataSource = new DataSource({ type: 'postgres', url: 'postgres://app:pw@127.0.0.1:${port}/app', entities: [User] });\nAppDataSource.initialize().then(() => console.log('connected')).catch((error) => console.error('no connection', error));\n`,
        },
        INSTALLED,
      );
      const result = await bin(dir, ['check', '--typeorm', 'data-source.ts', '--format', 'json']);
      expect(connections).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ source: 'typeorm', dialect: 'postgresql' });
      expect(result.stderr).toBe('connected\n');
      expect(result.code).toBe(0);
    } finally {
      server.close();
    }
  }, SLOW);
});

describe('oto bin: what the ORM prints during a replay stays off stdout', () => {
  const dir = projects(
    'replay-fails',
    {
      'entity.ts': `import { Entity, PrimaryGeneratedColumn } from 'typeorm';\n@Entity('app_user')\nexport class User {\n  @PrimaryGeneratedColumn() id!: number;\n}\n`,
      'data-source.ts': `import { DataSource } from 'typeorm';\nimport { User } from './entity';\nexport default new DataSource({ type: 'postgres', entities: [User] });\n`,
      'migrations/1700000000000-init.ts': `import type { MigrationInterface, QueryRunner } from 'typeorm';\nexport class Init1700000000000 implements MigrationInterface {\n  async up(runner: QueryRunner): Promise<void> {\n    await runner.query('CREATE TABLE app_user (id integer PRIMARY KEY');\n  }\n  async down(): Promise<void> {}\n}\n`,
    },
    INSTALLED,
  );

  it('a failing TypeORM migration with --format json: TypeORM\'s own line on stderr, stdout empty, oto\'s line last', async () => {
    const result = await bin(dir, ['check', '--typeorm', 'data-source.ts', '--migrations', 'migrations', '--format', 'json']);
    expect(result.stdout).toBe('');
    // TypeORM says it itself (it printed this on stdout before); oto's line names the migration.
    expect(result.stderr).toMatch(/^Migration "Init1700000000000" failed, error: syntax error at end of input\n/);
    expect(result.stderr).toMatch(/\noto: data-source\.ts: migration Init1700000000000 fails on the scratch database: syntax error at end of input\n$/);
    expect(result.code).toBe(2);
  }, SLOW);

  it('a TypeORM migration that never finishes: stopped at the time limit, one line naming it', async () => {
    const never = projects(
      'replay-hangs',
      {
        'entity.ts': `import { Entity, PrimaryGeneratedColumn } from 'typeorm';\n@Entity('app_user')\nexport class User {\n  @PrimaryGeneratedColumn() id!: number;\n}\n`,
        'data-source.ts': `import { DataSource } from 'typeorm';\nimport { User } from './entity';\nexport default new DataSource({ type: 'postgres', entities: [User] });\n`,
        'migrations/1700000000000-init.ts': `import type { MigrationInterface } from 'typeorm';\nexport class Init1700000000000 implements MigrationInterface {\n  async up(): Promise<void> {\n    await new Promise(() => undefined);\n  }\n  async down(): Promise<void> {}\n}\n`,
      },
      INSTALLED,
    );
    // Long enough for the data source's own load on a busy machine; the migration waits for ever.
    const result = await bin(never, ['check', '--typeorm', 'data-source.ts', '--migrations', 'migrations', '--format', 'json'], { OTO_LOAD_TIMEOUT: '20' });
    expectOneLine(result, /^oto: migration Init1700000000000: still running after 20 s on the scratch database: .*OTO_LOAD_TIMEOUT=<seconds>\n$/);
  }, SLOW);
});

describe('oto bin: a signal to oto ends the child too', () => {
  const dir = projects('signal', { 'loop.ts': schema(`require('node:fs').writeFileSync('started', '');\nwhile (true) {}`) }, INSTALLED);

  it('SIGTERM while a module loops at import: oto and its child both end', async () => {
    const child = spawn(process.execPath, [BIN, 'check', '--drizzle', 'loop.ts'], { cwd: dir, env: { ...process.env, OTO_LOAD_TIMEOUT: '600' } });
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Once the module runs (it writes a file first), the loop holds the child.
    for (let i = 0; i < 1200 && !fs.existsSync(path.join(dir, 'started')); i++) await new Promise((r) => setTimeout(r, 100));
    const pids = () =>
      fs
        .readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            // The child of this run: oto's cli-child.js working in this test's folder.
            return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('cli-child.js') && fs.readlinkSync(`/proc/${p}/cwd`) === fs.realpathSync(dir);
          } catch {
            return false;
          }
        });
    expect(pids()).toHaveLength(1);
    child.kill('SIGTERM');
    expect(await closed).toBe(128 + 15);
    for (let i = 0; i < 50 && pids().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(pids()).toEqual([]);
  }, SLOW);
});
