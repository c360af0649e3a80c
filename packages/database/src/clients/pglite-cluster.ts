/**
 * The empty database cluster a fresh in-memory PGlite starts from. PGlite's initdb is most of
 * its start (about 60 % on a busy machine: 4.5–6 s fresh, 1.2–2.6 s from a cluster, extensions
 * included), and every replay starts one: oto runs initdb once per PGlite version, keeps the
 * cluster it made (`dumpDataDir`, before any statement of the user's runs) in memory for the
 * process and in the user's cache folder for the next runs, and starts later instances from it
 * (`loadDataDir`). The cluster is what initdb writes, nothing else: a replay into it sees exactly
 * the database a fresh PGlite gives.
 *
 * The cache file is trusted only in a folder of the user's own (`OTO_CACHE_DIR`, else the
 * platform's cache folder), owned by the user and not writable by others; it is written to a
 * temporary name and renamed, so concurrent runs never read half a file. Anything wrong with it
 * (unreadable, corrupt, another owner) and oto runs initdb as if there were none.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The user's home folder; none when the system has no entry for the user (os.homedir() then throws). */
function homeDir(): string {
  try {
    return os.homedir();
  } catch {
    return '';
  }
}

/** The folder oto keeps caches in: `OTO_CACHE_DIR`, else the platform's per-user cache folder. */
export function otoCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homeDir()): string | undefined {
  if (env.OTO_CACHE_DIR !== undefined) return env.OTO_CACHE_DIR === '' ? undefined : path.resolve(env.OTO_CACHE_DIR);
  if (platform === 'win32') return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, 'oto', 'Cache') : undefined;
  if (platform === 'darwin') return home ? path.join(home, 'Library', 'Caches', 'oto') : undefined;
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'oto');
  return home ? path.join(home, '.cache', 'oto') : undefined;
}

/** The file of the cluster PGlite `version` makes. */
export function clusterFile(dir: string, version: string): string {
  return path.join(dir, `pglite-${version.replace(/[^\w.-]/g, '_')}-cluster.tar.gz`);
}

/** Whether `file` is the user's own, writable by nobody else (POSIX; Windows has no such modes). */
function ownedByUser(stat: fs.Stats): boolean {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

/**
 * The cached cluster, when there is a trustworthy one. The file is opened without following a
 * symbolic link and checked through the descriptor it is read from: no file swapped in between
 * the check and the read is read.
 */
export function readCachedCluster(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    if (!ownedByUser(fs.statSync(path.dirname(file)))) return undefined;
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || !ownedByUser(stat)) return undefined;
    const data = fs.readFileSync(fd);
    // A gzip stream (1f 8b): anything else is no cluster of ours.
    return data.length > 2 && data[0] === 0x1f && data[1] === 0x8b ? data : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Keeps the cluster for the next runs; a cache that cannot be written is no error. */
export function writeCachedCluster(file: string, data: Uint8Array): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(temporary, data, { mode: 0o600, flag: 'wx' });
    fs.renameSync(temporary, file);
  } catch {
    dropCachedCluster(temporary);
  }
}

/** Forgets a cached cluster PGlite could not start from; one that cannot be removed (held open on Windows, a read-only folder) is no error. */
export function dropCachedCluster(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // The next run finds it again, fails to start from it again, and runs initdb: slower, never wrong.
  }
}
