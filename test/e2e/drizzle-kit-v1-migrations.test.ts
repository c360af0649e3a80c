/**
 * drizzle-kit 1.0's migrations folder (`<timestamp>_<name>/migration.sql` + `snapshot.json`, no
 * `meta/_journal.json`), written by the real drizzle-kit 1.0 RC in a project whose drizzle-orm is
 * 1.0 (examples/drizzle-v1 installs both): `oto check --migrations` detects the layout from the
 * folder and replays it in folder-name order, statement by statement; an old-layout folder gets
 * the hint to run drizzle-kit up; and withOto stops drizzle-kit 1.0 as it stops 0.31 (it loads
 * @oto/drizzle's dist, as the other drizzle-kit e2e tests do: build first).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readMigrationFolder } from '../../packages/database/src/replay/migration-folder';
import { tempProjects } from '../../packages/core/src/testing/temp-projects';
import { oto } from '../../packages/cli/src/testing/run-oto';
import { installed, ROOT } from '../support/paths';

jest.setTimeout(240_000);

const V1 = path.join(ROOT, 'examples/drizzle-v1');
const KIT = path.join(installed('drizzle-kit', V1), 'bin.cjs');
const projects = tempProjects('drizzle-kit-v1');

function drizzleKit(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [KIT, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '1' }, encoding: 'utf8', timeout: 120_000, input: '' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const schema = (withNote: boolean) => `import { defineRelations } from 'drizzle-orm';
import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';

export const users = pgTable('app_user', { id: serial('id').primaryKey() });
export const passports = pgTable('passport', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),${withNote ? "\n  note: text('note')," : ''}
});
export const relations = defineRelations({ users, passports }, (r) => ({
  users: { passport: r.one.passports({ from: r.users.id, to: r.passports.userId }) },
  passports: { user: r.one.users({ from: r.passports.userId, to: r.users.id, optional: false }) },
}));
`;

describe('drizzle-kit 1.0: the migrations folder (v3) and withOto', () => {
  const dir = projects(
    'v3',
    {
      'src/schema.ts': schema(false),
      'drizzle.config.ts': "import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ schema: './src/schema.ts', out: './drizzle', dialect: 'postgresql' });\n",
    },
    { 'drizzle-orm': installed('drizzle-orm', V1), 'drizzle-kit': installed('drizzle-kit', V1) },
  );

  it('drizzle-kit 1.0 writes the folder layout, and oto reads it in folder-name order', () => {
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'node_modules/drizzle-kit/package.json'), 'utf8')).version).toMatch(/^1\./);
    const first = drizzleKit(dir, 'generate', '--name', 'init');
    expect(first.status).toBe(0);
    // The second migration alters the table the first creates: replayed out of order, it fails.
    fs.writeFileSync(path.join(dir, 'src/schema.ts'), schema(true));
    const second = drizzleKit(dir, 'generate', '--name', 'note');
    expect(second.status).toBe(0);
    const folders = fs.readdirSync(path.join(dir, 'drizzle')).sort();
    expect(folders).toHaveLength(2);
    expect(fs.existsSync(path.join(dir, 'drizzle/meta/_journal.json'))).toBe(false);
    for (const f of folders) expect(fs.readdirSync(path.join(dir, 'drizzle', f)).sort()).toEqual(['migration.sql', 'snapshot.json']);

    const folder = readMigrationFolder(path.join(dir, 'drizzle'), 'drizzle');
    expect(folder).toMatchObject({ format: 'drizzle', dialect: 'postgresql' });
    expect(folder.migrations.map((m) => m.name)).toEqual(folders);
    expect(folder.migrations[0]!.statements.length).toBeGreaterThan(1); // split on its breakpoints
  });

  it('oto check --migrations replays it: the schema gains the unique, the migrations lack it', async () => {
    fs.writeFileSync(path.join(dir, 'src/schema.ts'), schema(true).replace("integer('user_id').notNull()", "integer('user_id').notNull().unique()"));
    const run = await oto(dir, 'check', '--drizzle', 'drizzle.config.ts', '--migrations', 'drizzle', '--format', 'json');
    expect(run.stderr).not.toContain('fails on');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; location: { table: string; columns?: string[] } }[] };
    const found = report.diagnostics.map((d) => `${d.ruleId} ${d.location.table}(${(d.location.columns ?? []).join(',')})`);
    expect(found).not.toContain('one-to-one-unique passport(user_id)');
    expect(found).toContain('database-unique-missing passport(user_id)');
  });

  it('an old-layout folder (meta/_journal.json) under drizzle-kit 1.0 gets the hint to run drizzle-kit up; under 0.x none', async () => {
    const old = {
      'old/meta/_journal.json': JSON.stringify({ version: '7', dialect: 'postgresql', entries: [{ idx: 0, version: '7', when: 1700000000000, tag: '0000_init', breakpoints: true }] }),
      'old/0000_init.sql': 'CREATE TABLE "app_user" ("id" serial PRIMARY KEY);',
    };
    for (const [file, text] of Object.entries(old)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    // drizzle-kit 1.0 itself refuses the layout:
    fs.writeFileSync(path.join(dir, 'old.config.ts'), "import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ schema: './src/schema.ts', out: './old', dialect: 'postgresql' });\n");
    expect(drizzleKit(dir, 'generate', '--config', 'old.config.ts').output).toContain('drizzle-kit up');
    const hint = 'old: drizzle-kit 1.0 is installed, but this folder has drizzle-kit 0.x\'s layout (meta/_journal.json): run drizzle-kit up to convert it before the next drizzle-kit generate';
    expect(readMigrationFolder(path.join(dir, 'old'), 'old').warnings).toEqual([hint]);
    const run = await oto(dir, 'check', '--drizzle', 'drizzle.config.ts', '--migrations', 'old');
    expect(run.stderr).toContain(`oto: warning: ${hint}`);

    const legacy = projects('v0', old, { 'drizzle-kit': installed('drizzle-kit', path.join(ROOT, 'examples/drizzle')) });
    expect(readMigrationFolder(path.join(legacy, 'old'), 'old').warnings).toBeUndefined();
  });

  it('withOto in drizzle-kit 1.0\'s config: stops drizzle-kit on a one-to-one without its unique, lets it run once fixed', () => {
    const hooked = projects(
      'with-oto',
      {
        'src/schema.ts': schema(false),
        'drizzle.config.ts':
          "import { defineConfig } from 'drizzle-kit';\nimport { withOto } from '@oto/drizzle';\nexport default withOto(defineConfig({ schema: './src/schema.ts', out: './drizzle', dialect: 'postgresql' }));\n",
      },
      { 'drizzle-orm': installed('drizzle-orm', V1), 'drizzle-kit': installed('drizzle-kit', V1), '@oto/drizzle': path.join(ROOT, 'packages/drizzle') },
    );
    const stopped = drizzleKit(hooked, 'generate');
    expect(stopped.output).toContain('one-to-one passports.user: the foreign key passport(user_id) has no unique constraint');
    expect(stopped.output).toContain('drizzle-kit stopped');
    expect(stopped.status).toBe(1);
    expect(fs.existsSync(path.join(hooked, 'drizzle'))).toBe(false);

    fs.writeFileSync(path.join(hooked, 'src/schema.ts'), schema(false).replace("integer('user_id').notNull()", "integer('user_id').notNull().unique('oto_passport_user_id_key')"));
    fs.writeFileSync(path.join(hooked, 'package.json'), JSON.stringify({ oto: { naming: 'off' } }));
    const ran = drizzleKit(hooked, 'generate');
    expect(ran.status).toBe(0);
    expect(fs.readdirSync(path.join(hooked, 'drizzle'))).toHaveLength(1);
  });

  it('generate accessors --drizzle writes for drizzle-orm 1.0 (PgAsyncDatabase), and the module type-checks against 1.0', async () => {
    const app = projects(
      'accessors',
      {
        'src/schema.ts': schema(false).replace("integer('user_id').notNull()", "integer('user_id').notNull().unique()"),
        'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: true }, files: ['src/oto-accessors.ts'] }),
      },
      { 'drizzle-orm': installed('drizzle-orm', V1), '@oto/runtime': path.join(ROOT, 'packages/runtime') },
    );
    const run = await oto(app, 'generate', 'accessors', '--drizzle', 'src/schema.ts', '--out', 'src/oto-accessors.ts');
    expect(run.code).toBe(0);
    const text = fs.readFileSync(path.join(app, 'src/oto-accessors.ts'), 'utf8');
    expect(text).toContain("import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';");
    const tsc = spawnSync(process.execPath, [path.join(installed('typescript', ROOT), 'bin/tsc'), '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8', timeout: 150_000 });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('generate sql --into the 1.0 folder, oto fix, drizzle-kit generate: no change left, and the folder replays', async () => {
    const app = projects(
      'into',
      {
        'src/schema.ts': schema(false),
        'drizzle.config.ts': "import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ schema: './src/schema.ts', out: './drizzle', dialect: 'postgresql' });\n",
        'package.json': JSON.stringify({ oto: { naming: 'off' } }),
      },
      { 'drizzle-orm': installed('drizzle-orm', V1), 'drizzle-kit': installed('drizzle-kit', V1) },
    );
    expect(drizzleKit(app, 'generate', '--name', 'init').status).toBe(0);
    const written = await oto(app, 'generate', 'sql', '--drizzle', 'drizzle.config.ts', '--into', 'drizzle');
    expect(written.stderr).not.toContain('oto: drizzle');
    expect(written.code).toBe(0);
    const folders = fs.readdirSync(path.join(app, 'drizzle')).sort();
    expect(folders).toHaveLength(2);
    expect(folders[1]).toMatch(/^\d{14}_oto_one_to_one$/);
    expect(fs.readFileSync(path.join(app, 'drizzle', folders[1]!, 'migration.sql'), 'utf8')).toMatch(/UNIQUE/);

    const fixed = await oto(app, 'fix', '--drizzle', 'drizzle.config.ts');
    expect(fixed.code).toBe(0);
    const next = drizzleKit(app, 'generate', '--name', 'after');
    expect(next.status).toBe(0);
    expect(next.output).toContain('No schema changes');
    expect(fs.readdirSync(path.join(app, 'drizzle'))).toHaveLength(2);
    // drizzle-kit's own check of the folder (snapshots, their chain and footprints) passes.
    const checked = drizzleKit(app, 'check');
    expect(checked.output).not.toMatch(/error|conflict/i);
    expect(checked.status).toBe(0);

    const replay = await oto(app, 'check', '--drizzle', 'drizzle.config.ts', '--migrations', 'drizzle');
    expect(replay.stderr).not.toContain('fails on');
    expect(replay.code).toBe(0);
  });
});

