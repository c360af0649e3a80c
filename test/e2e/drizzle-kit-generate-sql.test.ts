/**
 * `oto generate sql --drizzle --into <out>`, then `oto fix`, then the real `drizzle-kit generate`:
 * the snapshot oto writes with its migration holds what the migration adds (the unique as
 * drizzle-kit writes it, NOT NULL, the foreign key's ON DELETE, renames), so drizzle-kit sees the
 * fixed schema as unchanged and writes no second migration that would add the constraint again.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempProjects } from '../../packages/core/src/testing/temp-projects';
import { oto } from '../../packages/cli/src/testing/run-oto';
import { connect } from '@oto/database';
import { DRIZZLE_KIT_CLI, installed, ROOT } from '../support/paths';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const EXAMPLE = path.join(ROOT, 'examples/drizzle');

function drizzleKit(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [DRIZZLE_KIT_CLI, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
    encoding: 'utf8',
    timeout: 120_000,
    input: '',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const projects = tempProjects('drizzle-kit-generate-sql');
const project = (name: string, files: Record<string, string>) =>
  projects(name, files, { 'drizzle-orm': installed('drizzle-orm', EXAMPLE), 'drizzle-kit': installed('drizzle-kit', EXAMPLE) });

type KitDialect = 'postgresql' | 'mysql' | 'sqlite';

const CORE: Record<KitDialect, { module: string; table: string; serial: string; int: string }> = {
  postgresql: { module: 'pg-core', table: 'pgTable', serial: "serial('id').primaryKey()", int: 'integer' },
  mysql: { module: 'mysql-core', table: 'mysqlTable', serial: "int('id').primaryKey().autoincrement()", int: 'int' },
  sqlite: { module: 'sqlite-core', table: 'sqliteTable', serial: "integer('id').primaryKey()", int: 'integer' },
};

/** A one-to-one without its unique; on PostgreSQL also a required side whose ON DELETE is SET NULL. */
const schema = (dialect: KitDialect, onDelete: boolean) => {
  const c = CORE[dialect];
  const int = c.int === 'int' ? 'int' : 'integer';
  const imports = [...new Set([c.table, int, ...(c.serial.startsWith('serial') ? ['serial'] : [])])].join(', ');
  const reference = onDelete ? ".notNull().references(() => users.id, { onDelete: 'set null' })" : '.references(() => users.id)';
  return `import { relations } from 'drizzle-orm';
import { ${imports} } from 'drizzle-orm/${c.module}';

export const users = ${c.table}('app_user', { id: ${c.serial} });
export const passports = ${c.table}('passport', {
  id: ${c.serial},
  userId: ${int}('user_id')${reference},
});
export const usersRelations = relations(users, ({ one }) => ({ passport: one(passports) }));
export const passportsRelations = relations(passports, ({ one }) => ({
  user: one(users, { fields: [passports.userId], references: [users.id] }),
}));
`;
};
const config = (dialect: KitDialect) =>
  `import { defineConfig } from 'drizzle-kit';\n\nexport default defineConfig({ schema: './src/schema.ts', out: './migrations', dialect: '${dialect}' });\n`;

/** An empty MariaDB database of this test's own, when OTO_TEST_MYSQL_URL names a server. */
async function mysqlScratch(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const server = process.env['OTO_TEST_MYSQL_URL'];
  if (!server) return undefined;
  const name = 'oto_replay_d_kit';
  const admin = await connect(server, { cwd: process.cwd() });
  await admin.exec(`DROP DATABASE IF EXISTS \`${name}\`; CREATE DATABASE \`${name}\``).finally(() => admin.close());
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = await connect(server, { cwd: process.cwd() });
      await again.exec(`DROP DATABASE IF EXISTS \`${name}\``).finally(() => again.close());
    },
  };
}

const sqlFiles = (dir: string) => fs.readdirSync(path.join(dir, 'migrations')).filter((f) => f.endsWith('.sql')).sort();

describe.each<[KitDialect, boolean, boolean]>([
  ['postgresql', true, false],
  ['postgresql', true, true],
  ['mysql', false, false],
  ['sqlite', false, false],
])('%s (ON DELETE change: %s, --renames: %s)', (dialect, onDelete, renames) => {
  it('generate sql --into, oto fix, drizzle-kit generate: no migration adds the constraint again, and the folder replays', async () => {
    const dir = project(`${dialect}-${onDelete}-${renames}`, {
      'src/schema.ts': schema(dialect, onDelete),
      'drizzle.config.ts': config(dialect),
      'package.json': JSON.stringify({ oto: { naming: renames ? 'prefix' : 'off' } }),
    });
    const first = drizzleKit(dir, 'generate');
    expect(first.status).toBe(0);
    expect(sqlFiles(dir)).toHaveLength(1);

    const flags = renames ? ['--renames'] : [];
    const written = await oto(dir, 'generate', 'sql', '--drizzle', 'drizzle.config.ts', '--into', 'migrations', ...flags);
    expect(written.code).toBe(0);
    const migration = fs.readFileSync(path.join(dir, 'migrations', sqlFiles(dir)[1]!), 'utf8');
    expect(migration).toMatch(/UNIQUE/);
    if (onDelete) expect(migration).toMatch(/ON DELETE RESTRICT/);

    const fixed = await oto(dir, 'fix', '--drizzle', 'drizzle.config.ts', ...flags);
    expect(fixed.code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'src/schema.ts'), 'utf8');
    expect(text).toMatch(/\.unique\(/);

    const second = drizzleKit(dir, 'generate');
    expect(second.status).toBe(0);
    if (!renames) {
      expect(second.stdout).toContain('No schema changes, nothing to migrate');
      expect(sqlFiles(dir)).toHaveLength(2);
    } else {
      // The table is renamed in the snapshot as in the database; drizzle-kit derives the foreign
      // key's name from the table's, and renames it (the database still has the old name).
      const next = fs.readFileSync(path.join(dir, 'migrations', sqlFiles(dir)[2]!), 'utf8').split('--> statement-breakpoint').map((t) => t.trim());
      expect(next).toEqual([
        'ALTER TABLE "oto_passport" DROP CONSTRAINT "passport_user_id_app_user_id_fk";',
        'ALTER TABLE "oto_passport" ADD CONSTRAINT "oto_passport_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;',
      ]);
    }
    // And the folder replays (MySQL on the MariaDB server, in a scratch database): no constraint is added twice.
    const scratch = dialect === 'mysql' ? await mysqlScratch() : undefined;
    if (dialect !== 'mysql' || scratch) {
      try {
        const replay = await oto(dir, 'check', '--drizzle', 'drizzle.config.ts', '--migrations', 'migrations', ...(scratch ? ['--database-url', scratch.url] : []));
        expect(replay.stderr).not.toContain('fails on');
        expect(replay.code).toBe(0);
      } finally {
        await scratch?.drop();
      }
    }
  }, 240_000);
});
