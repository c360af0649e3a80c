import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { clusterFile, dropCachedCluster, otoCacheDir, readCachedCluster, writeCachedCluster } from './pglite-cluster';

// Starts PGlite: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'oto-cluster-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('otoCacheDir: OTO_CACHE_DIR, else the platform cache folder of the user', () => {
  it.each<[string, NodeJS.ProcessEnv, NodeJS.Platform, string | undefined]>([
    ['OTO_CACHE_DIR', { OTO_CACHE_DIR: '/srv/cache' }, 'linux', '/srv/cache'],
    ['OTO_CACHE_DIR empty: no cache', { OTO_CACHE_DIR: '' }, 'linux', undefined],
    ['XDG_CACHE_HOME', { XDG_CACHE_HOME: '/x/cache' }, 'linux', '/x/cache/oto'],
    ['a relative XDG_CACHE_HOME is ignored (the XDG rule)', { XDG_CACHE_HOME: 'cache' }, 'linux', '/home/u/.cache/oto'],
    ['Linux', {}, 'linux', '/home/u/.cache/oto'],
    ['macOS', {}, 'darwin', '/home/u/Library/Caches/oto'],
    ['Windows', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', path.join('C:\\Users\\u\\AppData\\Local', 'oto', 'Cache')],
    ['Windows without LOCALAPPDATA', {}, 'win32', undefined],
  ])('%s', (_, env, platform, dir) => {
    expect(otoCacheDir(env, platform, '/home/u')).toBe(dir);
  });
});

describe('the cached cluster is read only when it is trustworthy', () => {
  const gzip = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]);
  it.each<[string, (file: string) => void, boolean]>([
    ['the user’s own gzip file', (f) => fs.writeFileSync(f, gzip, { mode: 0o600 }), true],
    ['missing', () => undefined, false],
    ['not gzip', (f) => fs.writeFileSync(f, 'a cluster', { mode: 0o600 }), false],
    ['writable by the group', (f) => (fs.writeFileSync(f, gzip), fs.chmodSync(f, 0o660)), false],
    ['writable by anyone', (f) => (fs.writeFileSync(f, gzip), fs.chmodSync(f, 0o646)), false],
    ['a symbolic link', (f) => (fs.writeFileSync(`${f}.real`, gzip, { mode: 0o600 }), fs.symlinkSync(`${f}.real`, f)), false],
    ['a folder', (f) => fs.mkdirSync(f), false],
  ])('%s', (name, make, read) => {
    const dir = path.join(scratch, name.replace(/\W/g, '_'));
    fs.mkdirSync(dir, { mode: 0o700 });
    const file = clusterFile(dir, '0.5.14');
    make(file);
    expect(readCachedCluster(file) !== undefined).toBe(read);
  });

  it('in a folder others may write to, no file is trusted', () => {
    const dir = path.join(scratch, 'shared');
    fs.mkdirSync(dir);
    fs.chmodSync(dir, 0o777);
    const file = clusterFile(dir, '0.5.14');
    fs.writeFileSync(file, gzip, { mode: 0o600 });
    expect(readCachedCluster(file)).toBeUndefined();
  });

  it('in a folder that is a symbolic link: trusted as the folder it leads to is', () => {
    const own = path.join(scratch, 'own-target');
    fs.mkdirSync(own, { mode: 0o700 });
    fs.symlinkSync(own, path.join(scratch, 'own-link'));
    fs.writeFileSync(clusterFile(own, '0.5.14'), gzip, { mode: 0o600 });
    expect(readCachedCluster(clusterFile(path.join(scratch, 'own-link'), '0.5.14'))).toEqual(gzip);
    const shared = path.join(scratch, 'shared-target');
    fs.mkdirSync(shared);
    fs.chmodSync(shared, 0o777);
    fs.symlinkSync(shared, path.join(scratch, 'shared-link'));
    fs.writeFileSync(clusterFile(shared, '0.5.14'), gzip, { mode: 0o600 });
    expect(readCachedCluster(clusterFile(path.join(scratch, 'shared-link'), '0.5.14'))).toBeUndefined();
  });

  it('a cache that cannot be written or removed is no error, and leaves no temporary file', () => {
    // A folder where the file should be: neither the rename nor the removal can take its place.
    const dir = path.join(scratch, 'blocked');
    const file = clusterFile(dir, '0.5.14');
    fs.mkdirSync(file, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(file, 'inside'), 'x');
    expect(() => writeCachedCluster(file, gzip)).not.toThrow();
    expect(() => dropCachedCluster(file)).not.toThrow();
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
    // Under a file, no folder can be made at all.
    const under = path.join(scratch, 'a-file');
    fs.writeFileSync(under, 'x');
    expect(() => writeCachedCluster(clusterFile(path.join(under, 'oto'), '0.5.14'), gzip)).not.toThrow();
  });

  it('is written whole under its name (a temporary file renamed), the folder made private', () => {
    const dir = path.join(scratch, 'new', 'oto');
    const file = clusterFile(dir, '0.5.14');
    writeCachedCluster(file, gzip);
    expect(readCachedCluster(file)).toEqual(gzip);
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
    expect(fs.statSync(dir).mode & 0o077).toBe(0);
  });
});

describe('a fresh PGlite starts from the cluster initdb made once', () => {
  const cache = path.join(scratch, 'cache');
  const saved = process.env.OTO_CACHE_DIR;
  beforeAll(() => (process.env.OTO_CACHE_DIR = cache));
  afterAll(() => (saved === undefined ? delete process.env.OTO_CACHE_DIR : (process.env.OTO_CACHE_DIR = saved)));

  /** createPglite of a module loaded anew (no cluster in memory), and what a database made there holds. */
  async function freshProcessDatabase(): Promise<unknown> {
    let create!: typeof import('./pglite').createPglite;
    jest.isolateModules(() => ({ createPglite: create } = require('./pglite') as typeof import('./pglite')));
    const db = await create();
    try {
      await db.exec('CREATE TABLE account (id int PRIMARY KEY); CREATE TABLE profile (id int PRIMARY KEY, account_id int UNIQUE REFERENCES account (id))');
      const tables = await db.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
      const extensions = await db.query('SELECT extname FROM pg_extension ORDER BY 1');
      return { tables: tables.rows, extensions: extensions.rows };
    } finally {
      await db.close();
    }
  }

  it('the first run writes the cluster; the next runs start from it and get the same empty database; a corrupt one is replaced', async () => {
    const first = await freshProcessDatabase();
    const files = fs.readdirSync(cache);
    expect(files).toEqual([expect.stringMatching(/^pglite-[\w.-]+-cluster\.tar\.gz$/)]);
    const file = path.join(cache, files[0]!);
    const written = fs.statSync(file).mtimeMs;
    // From the cached cluster: a database the same as initdb's (only what this test created in it).
    expect(await freshProcessDatabase()).toEqual(first);
    expect(first).toEqual({ tables: [{ table_name: 'account' }, { table_name: 'profile' }], extensions: [{ extname: 'plpgsql' }] });
    expect(fs.statSync(file).mtimeMs).toBe(written);
    // A gzip stream that is no cluster: PGlite cannot start from it, so initdb runs and the file is made anew.
    fs.writeFileSync(file, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]), { mode: 0o600 });
    expect(await freshProcessDatabase()).toEqual(first);
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);
  });
});
