/**
 * The last moment before oto's rename, made to happen on purpose: fs.renameSync is wrapped so that
 * another writer acts right before it (after every check oto makes), as an editor saving at the
 * worst instant would.
 */
import * as os from 'node:os';
import * as path from 'node:path';

let beforeRename: (() => void) | undefined;
jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
  return {
    ...actual,
    renameSync: (from: string, to: string) => {
      const hook = beforeRename;
      beforeRename = undefined;
      hook?.();
      actual.renameSync(from, to);
    },
  };
});

// jest hoists the mock above these imports: write-file.ts gets the wrapped node:fs.
import * as fs from 'node:fs';
import { readFileSnapshot, writeFileAtomic } from './write-file';

describe('writeFileAtomic, another writer at the last instant', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oto-race-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a write into the file between the last check and the rename is put back, not lost', () => {
    const file = path.join(dir, 'schema.ts');
    fs.writeFileSync(file, 'as read\n');
    fs.chmodSync(file, 0o640);
    const read = readFileSnapshot(file)!;
    beforeRename = () => fs.appendFileSync(file, 'saved at the last instant\n');
    expect(() => writeFileAtomic(file, 'oto\n', { label: 'src/schema.ts', expected: read })).toThrow(
      /^src\/schema\.ts: was changed by someone else while oto wrote it: oto put their text back and wrote nothing; run oto again$/,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('as read\nsaved at the last instant\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['schema.ts']);
  });
});
