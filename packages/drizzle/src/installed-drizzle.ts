/**
 * The major version of the drizzle-orm a project has installed (0 for 0.x, 1 for 1.0 and its
 * release candidates), found as Node resolves it from a folder: what oto writes code for.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function installedDrizzleMajor(from: string): number | undefined {
  for (let at = path.resolve(from); ; at = path.dirname(at)) {
    const manifest = path.join(at, 'node_modules', 'drizzle-orm', 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        const version = String((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: unknown }).version);
        const major = Number(/^(\d+)\./.exec(version)?.[1]);
        return Number.isFinite(major) ? major : undefined;
      } catch {
        return undefined;
      }
    }
    if (at === path.dirname(at)) return undefined;
  }
}
