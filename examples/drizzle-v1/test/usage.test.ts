/**
 * `oto check --usage` on the Drizzle 1.0 app: its relational queries v2 (object `where`, `with`)
 * and query builder calls are read through the type checker against drizzle-orm 1.0's own types,
 * each misuse found at its call.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { installed } from '../../../packages/core/src/testing/temp-projects';
import { checkUsage } from '../../../packages/cli/src/testing/check-usage';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..');

describe('examples/drizzle-v1: oto check --usage', () => {
  it('the app type-checks against drizzle-orm 1.0 (the v2 queries are what 1.0 accepts)', () => {
    const tsc = spawnSync(process.execPath, [path.join(installed('typescript', root), 'bin/tsc'), '-p', 'tsconfig.json'], { cwd: root, encoding: 'utf8', timeout: 110_000 });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('reports the misuses at their calls', async () => {
    const { code, stderr, atCalls, usage } = await checkUsage(root, '--usage', 'tsconfig.usage.json');
    expect(atCalls).toEqual([
      'usage-unbacked-one-to-one/read src/app-usage.ts:11:123', // with: { passport: true }
      // with: { liveSubscription: true } (line 18) is backed by the partial unique its where matches: no finding.
      'usage-unbacked-one-to-one/read src/app-usage.ts:22:61', // with: { primaryAddress: true }, no partial unique
      // passports.findFirst({ where: { userId } }): v2's object where read as oto_passport(user_id), the key of the
      // unbacked users.passport, and no order; the same read ordered by id (line 28) is deliberate: no finding.
      'usage-unbacked-one-to-one/single-row src/app-usage.ts:25:63',
      'usage-unbacked-one-to-one/write src/app-usage.ts:34:80', // update keyed by the foreign key
      'usage-unbacked-one-to-one/read src/arbitrary-pick.ts:19:84', // the demo's deliberate arbitrary pick
      'usage-join-fans-out/fans-out src/app-usage.ts:41:47', // the join over the user's passports, read as one row
    ]);
    // with: { members: true } (line 31), a through relation, is read as many users: resolved, never a one-to-one.
    expect(usage.unresolved).toEqual([]);
    expect(stderr).toMatch(/oto: usage: \d+ queries in \d+ files of tsconfig\.usage\.json, 0 not resolved/);
    expect(code).toBe(1);
  });
});
