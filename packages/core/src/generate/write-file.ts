/**
 * The one way oto writes a file it shows the user (an edited schema, a generated module or SQL, a
 * migration): through a symbolic link to its target; the new text in a temporary file next to the
 * target, with the target's mode (and owner, when oto may set it), then a rename, so a reader or a
 * crash sees the old text or the new, never half; never a file the user cannot write (checked on
 * the mode bits, since root may write anything); and never over a change another writer made since
 * oto read the file (size, mtime and content hash compared just before the rename). Every refusal
 * is one line naming the file as the user knows it, never the temporary file.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../errors';

/** A file as oto read it: what a write compares against to know nobody else changed it since. */
export interface FileSnapshot {
  /** The file written: symbolic links followed. */
  readonly target: string;
  /** The inode: an editor that saves by a rename of its own gives the file a new one. */
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly hash: string;
  readonly text: string;
}

/** What a write expects to find: the file as read, or no file at all (a new migration). */
export type Expected = FileSnapshot | 'absent';

export interface WriteOptions {
  /** The file as the user knows it, for messages (default: the path given). */
  readonly label?: string;
  /** When given, the write stops (changing nothing) if the file is no longer as expected. */
  readonly expected?: Expected;
}

/** A write whose new text waits in its temporary file for the rename. */
export interface PreparedWrite {
  readonly label: string;
  readonly target: string;
  readonly temporary: string;
  readonly expected?: Expected;
}

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch (error) {
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** The file a path names once its symbolic links are followed (which need not exist: a dangling link's target). */
export function linkTarget(file: string, label: string = file): string {
  let current = path.resolve(file);
  for (let hops = 0; hops < 40; hops += 1) {
    let link: string;
    try {
      if (!fs.lstatSync(current).isSymbolicLink()) return current;
      link = fs.readlinkSync(current);
    } catch (error) {
      if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return current;
      throw error;
    }
    const folder = path.dirname(current);
    current = path.resolve(fs.existsSync(folder) ? fs.realpathSync(folder) : folder, link);
  }
  throw new UserError(`${label}: too many symbolic links: point it at a file`);
}

/** Reads a file with what a later write checks; undefined when there is none. Refuses text that is not UTF-8. */
export function readFileSnapshot(file: string, label: string = file): FileSnapshot | undefined {
  const target = linkTarget(file, label);
  let fd: number;
  try {
    fd = fs.openSync(target, 'r');
  } catch (error) {
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return undefined;
    if (codeOf(error) === 'EISDIR') throw new UserError(`${label}: is a folder: name a file`);
    if (codeOf(error) === 'EACCES' || codeOf(error) === 'EPERM') throw new UserError(`${label}: cannot be read (permission denied): make it readable and run again`);
    throw error;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new UserError(`${label}: is a folder: name a file`);
    const bytes = fs.readFileSync(fd);
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) throw new UserError(`${label}: is not UTF-8 text: oto writes UTF-8 only and would change its bytes; edit it by hand`);
    return { target, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, hash: hashOf(bytes), text };
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether a file's status is still the one read: same inode, size and mtime. */
const sameStat = (now: fs.Stats, expected: FileSnapshot) => now.ino === expected.ino && now.size === expected.size && now.mtimeMs === expected.mtimeMs;

const CHANGED = 'was changed by someone else since oto read it';

/** Why the file is not as oto read it (its content compared too), or undefined when it is. */
function changedSince(prepared: PreparedWrite): string | undefined {
  const { expected, target } = prepared;
  if (expected === undefined) return undefined;
  const now = statOrUndefined(target);
  if (expected === 'absent') return now ? 'was created by someone else while oto wrote it' : undefined;
  if (!now) return 'was removed while oto wrote it';
  if (!sameStat(now, expected) || hashOf(fs.readFileSync(target)) !== expected.hash) return CHANGED;
  return undefined;
}

/** The temporary file oto writes next to `target` is named `.<name>.oto-<pid>-<random>.tmp`. */
export function isTemporaryOf(target: string, file: string): boolean {
  const prefix = `.${path.basename(target)}.oto-`;
  const name = path.basename(file);
  return path.dirname(file) === path.dirname(target) && name.startsWith(prefix) && /^\d+-[0-9a-f]+\.tmp$/.test(name.slice(prefix.length));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
};

/** Removes the temporary files of `target` that an oto process killed before its rename left behind. */
function removeStaleTemporaries(target: string): void {
  const folder = path.dirname(target);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return; // a folder oto may write but not list: nothing to tidy
  }
  for (const name of names) {
    const file = path.join(folder, name);
    const pid = Number(/oto-(\d+)-/.exec(name)?.[1]);
    if (isTemporaryOf(target, file) && pid !== process.pid && !alive(pid)) fs.rmSync(file, { force: true });
  }
}

/**
 * Checks that the user may write the file and its folder, and writes the new text to a temporary
 * file next to the target, with the target's mode. Nothing the user sees has changed yet.
 */
export function prepareWrite(file: string, text: string, options: WriteOptions = {}): PreparedWrite {
  const label = options.label ?? file;
  const target = linkTarget(file, label);
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) throw new UserError(`${label}: is a folder: name a file`);
  if (existing && (existing.mode & 0o200) === 0) {
    throw new UserError(`${label}: is read-only (mode ${(existing.mode & 0o777).toString(8).padStart(4, '0')}): oto writes no file you cannot write; make it writable (chmod u+w) and run again`);
  }
  const folder = path.dirname(target);
  const cannotCreate = () => new UserError(`${label}: its folder is not writable (oto writes the new text next to the file, then renames it): make the folder writable and run again`);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    if (['EACCES', 'EPERM', 'EROFS'].includes(codeOf(error) ?? '')) throw cannotCreate();
    throw error;
  }
  if ((fs.statSync(folder).mode & 0o200) === 0) throw cannotCreate();
  removeStaleTemporaries(target);
  const temporary = path.join(folder, `.${path.basename(target)}.oto-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = fs.openSync(temporary, 'wx', 0o666);
  } catch (error) {
    if (['EACCES', 'EPERM', 'EROFS'].includes(codeOf(error) ?? '')) throw cannotCreate();
    throw error;
  }
  try {
    fs.writeFileSync(fd, text);
    if (existing) {
      if (existing.uid !== process.getuid?.() || existing.gid !== process.getgid?.()) {
        try {
          fs.fchownSync(fd, existing.uid, existing.gid);
        } catch {
          // Only root may give a file away: the new text is then the writer's, as any editor leaves it.
        }
      }
      // After the owner: a chown clears the set-id bits.
      fs.fchmodSync(fd, existing.mode & 0o7777);
    }
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    if (codeOf(error) === 'ENOSPC' || codeOf(error) === 'EDQUOT') throw new UserError(`${label}: no space left on its disk: nothing was changed; free some and run again`);
    throw error;
  }
  fs.closeSync(fd);
  return { label, target, temporary, ...(options.expected !== undefined ? { expected: options.expected } : {}) };
}

/** Removes a prepared write's temporary file: the target stays as it is. */
export function discardWrite(prepared: PreparedWrite): void {
  fs.rmSync(prepared.temporary, { force: true });
}

/** Stops (discarding every prepared write) when any target is no longer as it was read. */
export function checkUnchanged(prepared: readonly PreparedWrite[]): void {
  for (const write of prepared) {
    const why = changedSince(write);
    if (why) {
      for (const w of prepared) discardWrite(w);
      throw new UserError(`${write.label}: ${why}: oto wrote nothing and left it as it is; run oto again`);
    }
  }
}

function replaceError(prepared: PreparedWrite, error: unknown): unknown {
  discardWrite(prepared);
  if (['EACCES', 'EPERM', 'EROFS', 'EBUSY'].includes(codeOf(error) ?? '')) return new UserError(`${prepared.label}: cannot be replaced (${codeOf(error)}): make it and its folder writable and run again`);
  return error;
}

/** A new file, put in place only if there is still none (a hard link cannot replace a file), else by a rename. */
function createInPlace(prepared: PreparedWrite): void {
  try {
    fs.linkSync(prepared.temporary, prepared.target);
  } catch (error) {
    if (codeOf(error) === 'EEXIST') throw stopped(prepared, 'was created by someone else while oto wrote it');
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(codeOf(error) ?? '')) throw replaceError(prepared, error);
    fs.renameSync(prepared.temporary, prepared.target);
    return;
  }
  discardWrite(prepared);
}

function stopped(prepared: PreparedWrite, why: string): UserError {
  discardWrite(prepared);
  return new UserError(`${prepared.label}: ${why}: oto wrote nothing and left it as it is; run oto again`);
}

/**
 * Someone wrote into the file between the last check and the rename: their text is in the file
 * oto just replaced, still open here. Put it back (with its mode) and stop.
 */
function putBack(prepared: PreparedWrite, held: number): never {
  const theirs = fs.readFileSync(held, { encoding: null, flag: 'r' });
  const mode = fs.fstatSync(held).mode & 0o7777;
  const back = `${prepared.temporary}.back`;
  fs.writeFileSync(back, theirs, { mode });
  fs.chmodSync(back, mode);
  fs.renameSync(back, prepared.target);
  throw new UserError(`${prepared.label}: was changed by someone else while oto wrote it: oto put their text back and wrote nothing; run oto again`);
}

/**
 * Puts a prepared write's text in place; the temporary file is gone either way. Right before the
 * rename the file's inode, size and mtime are compared once more (held open), and right after, the
 * replaced file is looked at again: a write that came in between is put back, not lost.
 */
export function commitWrite(prepared: PreparedWrite): void {
  const { expected, target } = prepared;
  if (expected === 'absent') return createInPlace(prepared);
  const rename = () => {
    try {
      fs.renameSync(prepared.temporary, target);
    } catch (error) {
      throw replaceError(prepared, error);
    }
  };
  if (expected === undefined) return rename();
  let held: number;
  try {
    held = fs.openSync(target, 'r');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') throw stopped(prepared, 'was removed while oto wrote it');
    throw replaceError(prepared, error);
  }
  try {
    const now = statOrUndefined(target);
    if (!sameStat(fs.fstatSync(held), expected) || !now || !sameStat(now, expected)) throw stopped(prepared, CHANGED);
    rename();
    if (!sameStat(fs.fstatSync(held), expected)) putBack(prepared, held);
  } finally {
    fs.closeSync(held);
  }
}

/** Writes `text` to `file` (see the module comment): checked, through links, atomically, with the file's mode. */
export function writeFileAtomic(file: string, text: string, options: WriteOptions = {}): void {
  const prepared = prepareWrite(file, text, options);
  checkUnchanged([prepared]);
  commitWrite(prepared);
}
