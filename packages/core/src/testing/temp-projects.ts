import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Temporary project folders for a test file, removed after it: `project(name, files, links)`
 * writes the files and links installed packages into its node_modules.
 */
export function tempProjects(prefix: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `oto-${prefix}-`));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  return function project(name: string, files: Record<string, string>, links: Record<string, string> = {}): string {
    const dir = path.join(root, name);
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), content);
    }
    for (const [pkg, target] of Object.entries(links)) {
      fs.mkdirSync(path.dirname(path.join(dir, 'node_modules', pkg)), { recursive: true });
      fs.symlinkSync(target, path.join(dir, 'node_modules', pkg), 'dir');
    }
    return dir;
  };
}

/** The folder Node resolves package `name` to from `from` (some packages do not export package.json). */
export function installed(name: string, from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(candidate)) return fs.realpathSync(candidate);
    if (dir === path.dirname(dir)) throw new Error(`${name} is not installed from ${from}`);
  }
}
