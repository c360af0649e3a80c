import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkUnchanged, commitWrite, prepareWrite, readFileSnapshot, writeFileAtomic } from './write-file';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oto-write-'));
  });
  afterEach(() => {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const modeOf = (file: string) => fs.statSync(file).mode & 0o7777;

  it.each([0o600, 0o640, 0o755, 0o664])('keeps the mode %o of the file it replaces', (mode) => {
    const file = path.join(dir, 'schema.prisma');
    fs.writeFileSync(file, 'old\n');
    fs.chmodSync(file, mode);
    writeFileAtomic(file, 'new\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
    expect(modeOf(file)).toBe(mode);
    expect(fs.readdirSync(dir)).toEqual(['schema.prisma']);
  });

  // Only root may give a file to another user: as anyone else the new text is the writer's.
  (process.getuid?.() === 0 ? it : it.skip)("keeps another user's ownership and the set-gid bit of the file it replaces (as root)", () => {
    const file = path.join(dir, 'schema.ts');
    fs.writeFileSync(file, 'old\n');
    fs.chownSync(file, 4321, 4321);
    fs.chmodSync(file, 0o2750);
    writeFileAtomic(file, 'new\n');
    expect(fs.statSync(file)).toMatchObject({ uid: 4321, gid: 4321 });
    expect(modeOf(file)).toBe(0o2750);
  });

  it.each([
    ['relative', (target: string) => path.basename(target)],
    ['absolute', (target: string) => target],
  ])('writes through a symbolic link (%s) to its target, and the link stays a link', (_, link) => {
    const target = path.join(dir, 'real', 'schema.ts');
    fs.mkdirSync(path.dirname(target));
    fs.writeFileSync(target, 'old\n');
    fs.chmodSync(target, 0o600);
    const linked = path.join(dir, 'real', 'link.ts');
    fs.symlinkSync(link(target), linked);
    const twice = path.join(dir, 'twice.ts');
    fs.symlinkSync(path.join('real', 'link.ts'), twice);
    writeFileAtomic(twice, 'new\n');
    expect(fs.lstatSync(twice).isSymbolicLink()).toBe(true);
    expect(fs.lstatSync(linked).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('new\n');
    expect(modeOf(target)).toBe(0o600);
    expect(fs.readdirSync(path.dirname(target)).sort()).toEqual(['link.ts', 'schema.ts']);
  });

  it('creates the target of a dangling link', () => {
    const target = path.join(dir, 'gen', 'oto.ts');
    fs.symlinkSync(target, path.join(dir, 'oto.ts'));
    writeFileAtomic(path.join(dir, 'oto.ts'), 'new\n');
    expect(fs.lstatSync(path.join(dir, 'oto.ts')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('new\n');
  });

  // Tests may run as root, who may write a 0444 file: oto decides on the mode bits, not on EACCES.
  it.each([0o444, 0o400, 0o555])('refuses a read-only file (mode %o) in one line naming it, and leaves it', (mode) => {
    const file = path.join(dir, 'schema.ts');
    fs.writeFileSync(file, 'mine\n');
    fs.chmodSync(file, mode);
    expect(() => writeFileAtomic(file, 'new\n', { label: 'src/schema.ts' })).toThrow(
      /^src\/schema\.ts: is read-only \(mode 0[0-7]{3}\): oto writes no file you cannot write; make it writable \(chmod u\+w\) and run again$/,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('mine\n');
    expect(fs.readdirSync(dir)).toEqual(['schema.ts']);
  });

  it('refuses a file in a folder where the temporary file cannot be created, naming the file (not the temporary file)', () => {
    const file = path.join(dir, 'schema.ts');
    fs.writeFileSync(file, 'mine\n');
    fs.chmodSync(dir, 0o555);
    let message = '';
    try {
      writeFileAtomic(file, 'new\n', { label: 'src/schema.ts' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^src\/schema\.ts: its folder is not writable .*: make the folder writable and run again$/);
    expect(message).not.toContain('.tmp');
    expect(fs.readFileSync(file, 'utf8')).toBe('mine\n');
    expect(fs.readdirSync(dir)).toEqual(['schema.ts']);
  });

  it('stops before the rename when another writer changed the file since it was read, and keeps their text', () => {
    const file = path.join(dir, 'schema.ts');
    fs.writeFileSync(file, 'as read\n');
    const read = readFileSnapshot(file)!;
    const prepared = prepareWrite(file, 'oto\n', { label: 'src/schema.ts', expected: read });
    fs.appendFileSync(file, 'saved by an editor\n');
    expect(() => checkUnchanged([prepared])).toThrow(/^src\/schema\.ts: was changed by someone else since oto read it: oto wrote nothing/);
    expect(fs.readFileSync(file, 'utf8')).toBe('as read\nsaved by an editor\n');
    expect(fs.readdirSync(dir)).toEqual(['schema.ts']);
  });

  it('sees a change of the same size within the same mtime by its content hash', () => {
    const file = path.join(dir, 'schema.ts');
    fs.writeFileSync(file, 'aaaa\n');
    const read = readFileSnapshot(file)!;
    fs.writeFileSync(file, 'bbbb\n');
    const stat = fs.statSync(file);
    fs.utimesSync(file, stat.atime, new Date(read.mtimeMs));
    expect(() => writeFileAtomic(file, 'oto\n', { expected: read })).toThrow('was changed by someone else');
    expect(fs.readFileSync(file, 'utf8')).toBe('bbbb\n');
  });

  it('writes over the file as it was read, and refuses to create a file someone else created meanwhile', () => {
    const file = path.join(dir, 'schema.ts');
    fs.writeFileSync(file, 'as read\n');
    writeFileAtomic(file, 'oto\n', { expected: readFileSnapshot(file)! });
    expect(fs.readFileSync(file, 'utf8')).toBe('oto\n');

    const fresh = path.join(dir, 'new.sql');
    const prepared = prepareWrite(fresh, 'oto\n', { label: 'new.sql', expected: 'absent' });
    fs.writeFileSync(fresh, 'theirs\n');
    expect(() => checkUnchanged([prepared])).toThrow('new.sql: was created by someone else while oto wrote it');
    expect(fs.readFileSync(fresh, 'utf8')).toBe('theirs\n');
    const again = prepareWrite(path.join(dir, 'other.sql'), 'oto\n', { expected: 'absent' });
    commitWrite(again);
    expect(fs.readFileSync(path.join(dir, 'other.sql'), 'utf8')).toBe('oto\n');
  });

  it("removes the temporary files a killed oto left next to the file, and no one else's", () => {
    const file = path.join(dir, 'schema.ts');
    fs.writeFileSync(file, 'old\n');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const leftovers = [`.schema.ts.oto-${dead}-0a1b2c.tmp`, `.schema.ts.oto-${process.ppid}-0a1b2c.tmp`, '.schema.ts.mine.tmp', `.other.ts.oto-${dead}-0a1b2c.tmp`];
    for (const name of leftovers) fs.writeFileSync(path.join(dir, name), 'left\n');
    writeFileAtomic(file, 'new\n');
    expect(fs.readdirSync(dir).sort()).toEqual([...leftovers.slice(1), 'schema.ts'].sort());
  });

  it('reads a snapshot through links; refuses bytes that are not UTF-8 (they would not survive the write)', () => {
    const file = path.join(dir, 'schema.ts');
    fs.writeFileSync(file, '\uFEFFconst a = 1;\r\n');
    fs.symlinkSync(file, path.join(dir, 'link.ts'));
    const read = readFileSnapshot(path.join(dir, 'link.ts'))!;
    expect(read).toMatchObject({ target: file, text: '\uFEFFconst a = 1;\r\n', size: 17 });
    expect(readFileSnapshot(path.join(dir, 'none.ts'))).toBeUndefined();
    fs.writeFileSync(file, Buffer.from([0x61, 0xff, 0x0a]));
    expect(() => readFileSnapshot(file, 'src/schema.ts')).toThrow('src/schema.ts: is not UTF-8 text');
  });
});
