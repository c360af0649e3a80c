/**
 * Golden files: reviewable expected outputs under `__golden__/`. A test compares with the file;
 * `UPDATE_GOLDEN=1` rewrites it. A missing golden file fails the test (run with UPDATE_GOLDEN=1 once).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file)) throw new Error(`golden file ${file} is missing: run the test with UPDATE_GOLDEN=1 and review it`);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}
