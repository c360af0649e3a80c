/**
 * writeFixFiles when a rename fails part-way (fs.renameSync made to fail for one target, as a
 * crash or a full disk would stop it there): the files before it have their fix, the rest are
 * untouched with no temporary file left, the journal stays, and finishInterrupted reads it back.
 */
import * as os from 'node:os';
import * as path from 'node:path';

let failFor: string | undefined;
jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
  return {
    ...actual,
    renameSync: (from: string, to: string) => {
      if (to === failFor) throw Object.assign(new Error(`EACCES: permission denied, rename '${from}' -> '${to}'`), { code: 'EACCES' });
      actual.renameSync(from, to);
    },
  };
});

// jest hoists the mock above these imports: write-file.ts gets the wrapped node:fs.
import * as fs from 'node:fs';
import { readFileSnapshot } from '@oto/core';
import { finishInterrupted, JOURNAL_FILE, writeFixFiles } from './fix-journal';

describe('writeFixFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oto-journal-'));
    failFor = undefined;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const setUp = (names: readonly string[]) =>
    names.map((name) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `${name} as written\n`);
      return { file, label: name, text: `${name} fixed\n`, expected: readFileSnapshot(file)! };
    });

  it('stops at the rename that fails: the files before it fixed, the rest untouched, the journal left for the next run', () => {
    const writes = setUp(['a.ts', 'b.ts', 'c.ts']);
    failFor = writes[1]!.file;
    expect(() => writeFixFiles(writes, path.join(dir, JOURNAL_FILE))).toThrow(
      /^b\.ts: cannot be replaced \(EACCES\): make it and its folder writable and run again \(a\.ts has its fix already; run oto fix again to finish\)$/,
    );
    expect(['a.ts', 'b.ts', 'c.ts'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))).toEqual(['a.ts fixed\n', 'b.ts as written\n', 'c.ts as written\n']);
    expect(fs.readdirSync(dir).sort()).toEqual([JOURNAL_FILE, 'a.ts', 'b.ts', 'c.ts']);
    expect(finishInterrupted(path.join(dir, JOURNAL_FILE))).toEqual({ fixed: ['a.ts'] });
  });

  it('when the first rename fails nothing changed: no journal is left', () => {
    const writes = setUp(['a.ts', 'b.ts']);
    failFor = writes[0]!.file;
    expect(() => writeFixFiles(writes, path.join(dir, JOURNAL_FILE))).toThrow(/\(no file was changed; run oto fix again to finish\)$/);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.ts', 'b.ts']);
    expect(finishInterrupted(path.join(dir, JOURNAL_FILE))).toBeUndefined();
  });

  it('writes every file and removes its journal', () => {
    const writes = setUp(['a.ts', 'b.ts']);
    writeFixFiles(writes, path.join(dir, JOURNAL_FILE));
    expect(['a.ts', 'b.ts'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))).toEqual(['a.ts fixed\n', 'b.ts fixed\n']);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.ts', 'b.ts']);
  });
});
