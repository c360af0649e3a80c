/**
 * The example under the real drizzle-kit 1.0 (RC), in a copy of it: withOto in drizzle.config.ts
 * stops `drizzle-kit generate` on the one-to-ones without their unique; once `oto fix` has written
 * them (the total unique and the filtered one-to-one's partial unique), drizzle-kit 1.0 writes the
 * migration that restores them, its own check passes, and the replayed folder holds every one-to-one.
 * (withOto runs @oto/drizzle's dist, as the other drizzle-kit e2e tests do: build first.)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installed, tempProjects } from '../../../packages/core/src/testing/temp-projects';
import { oto } from '../../../packages/cli/src/testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(240_000);

const root = path.resolve(__dirname, '..');
const repo = path.resolve(root, '../..');
const KIT = path.join(installed('drizzle-kit', root), 'bin.cjs');

function drizzleKit(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [KIT, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '1' }, encoding: 'utf8', timeout: 150_000, input: '' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** The example's schema, config and migrations, in a folder of their own with drizzle 1.0 and @oto/drizzle linked. */
function copyOfExample(): string {
  const files: Record<string, string> = {
    'drizzle.config.ts': fs.readFileSync(path.join(root, 'drizzle.config.ts'), 'utf8'),
    'src/schema.ts': fs.readFileSync(path.join(root, 'src/schema.ts'), 'utf8'),
    // The example's tsconfig extends the repository's; the copy stands alone.
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'node16', moduleResolution: 'node16', target: 'es2022', noEmit: true, skipLibCheck: true } }),
  };
  for (const folder of fs.readdirSync(path.join(root, 'migrations'))) {
    for (const file of ['migration.sql', 'snapshot.json']) files[`migrations/${folder}/${file}`] = fs.readFileSync(path.join(root, 'migrations', folder, file), 'utf8');
  }
  return tempProjects('example-drizzle-v1')('copy', files, {
    'drizzle-orm': installed('drizzle-orm', root),
    'drizzle-kit': installed('drizzle-kit', root),
    '@oto/drizzle': path.join(repo, 'packages/drizzle'),
  });
}

const PARTIAL_UNIQUE = "}, (table) => [uniqueIndex('oto_address_user_id_key').on(table.userId).where(sql`\"is_primary\" = true`)]);";

describe('examples/drizzle-v1 under drizzle-kit 1.0: withOto, oto fix, drizzle-kit generate', () => {
  const dir = copyOfExample();
  const folders = () => fs.readdirSync(path.join(dir, 'migrations')).sort();
  const schema = path.join(dir, 'src/schema.ts');

  it('drizzle-kit 1.0 is stopped by withOto on the two error findings, before it writes a migration', () => {
    expect((JSON.parse(fs.readFileSync(path.join(dir, 'node_modules/drizzle-kit/package.json'), 'utf8')) as { version: string }).version).toBe('1.0.0-rc.5');
    const before = folders();
    const stopped = drizzleKit(dir, 'generate', '--name', 'fix');
    expect(stopped.output).toContain('one-to-one passports.user: the foreign key oto_passport(user_id) has no unique constraint');
    expect(stopped.output).toContain('one-to-one addresses.user holds only over the oto_address rows its filter {"isPrimary":true} keeps');
    expect(stopped.output).toContain('oto: one-to-one problems at or above "error": drizzle-kit stopped');
    expect(stopped.status).toBe(1);
    expect(folders()).toEqual(before);
  });

  it('after oto fix, drizzle-kit 1.0 writes the migration that restores every one-to-one, and nothing is left', async () => {
    const fixed = await oto(dir, 'fix');
    expect(fixed.code).toBe(0);
    // The total unique on its column, the partial unique of the filtered one-to-one in the table's extra config.
    const text = fs.readFileSync(schema, 'utf8');
    expect(text).toContain(".unique('oto_passport_user_id_key')");
    expect(text).toContain(`  isPrimary: boolean('is_primary').notNull().default(false),\n${PARTIAL_UNIQUE}`);
    expect(text).toMatch(/^import \{ defineRelations, defineRelationsPart, sql \} from 'drizzle-orm';\nimport \{ [^}]*uniqueIndex[^}]* \} from 'drizzle-orm\/pg-core';/m);

    const before = folders();
    const generated = drizzleKit(dir, 'generate', '--name', 'fix');
    // The partial unique also ends false-one-to-one's warning on the primary address: no finding is left.
    expect(generated.output).toContain('oto: no findings in 5 one-to-one relations (of 7 relations)');
    expect(generated.status).toBe(0);
    const added = folders().filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^\d{14}_fix$/);
    const statements = fs.readFileSync(path.join(dir, 'migrations', added[0]!, 'migration.sql'), 'utf8').split('--> statement-breakpoint').map((s) => s.trim());
    expect(statements.sort()).toEqual([
      'ALTER TABLE "oto_car" ADD CONSTRAINT "oto_car_driver_id_key" UNIQUE("driver_id");', // the unique the second migration dropped
      'ALTER TABLE "oto_passport" ADD CONSTRAINT "oto_passport_user_id_key" UNIQUE("user_id");',
      'CREATE UNIQUE INDEX "oto_address_user_id_key" ON "oto_address" ("user_id") WHERE "is_primary" = true;',
    ]);

    const checked = drizzleKit(dir, 'check');
    expect(checked.output).not.toMatch(/conflict/i);
    expect(checked.status).toBe(0);
    expect(drizzleKit(dir, 'generate', '--name', 'again').output).toContain('No schema changes');

    // The folder replayed into PGlite now backs every one-to-one the schema declares.
    const replay = await oto(dir, 'check', '--migrations', 'migrations', '--format', 'json');
    const found = (JSON.parse(replay.stdout) as { diagnostics: { ruleId: string; severity: string }[] }).diagnostics.filter((d) => d.severity === 'error');
    expect(found).toEqual([]);
    expect(replay.code).toBe(0);
  });
});
