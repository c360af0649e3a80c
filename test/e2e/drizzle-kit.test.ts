/** The real `drizzle-kit generate`, with `withOto` in drizzle.config.ts. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempProjects } from '../../packages/core/src/testing/temp-projects';
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
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A project of its own, with drizzle-orm, drizzle-kit and @oto/drizzle installed. */
const projects = tempProjects('drizzle-kit');
const project = (name: string, files: Record<string, string>) =>
  projects(name, files, {
    'drizzle-orm': installed('drizzle-orm', EXAMPLE),
    'drizzle-kit': installed('drizzle-kit', EXAMPLE),
    '@oto/drizzle': path.join(ROOT, 'packages/drizzle'),
  });

const SCHEMA = (unique: boolean) => `import { relations } from 'drizzle-orm';
import { integer, pgTable, serial } from 'drizzle-orm/pg-core';

export const users = pgTable('app_user', { id: serial('id').primaryKey() });
export const passports = pgTable('oto_passport', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull()${unique ? ".unique('oto_passport_user_id_key')" : ''}.references(() => users.id),
});
export const usersRelations = relations(users, ({ one }) => ({ passport: one(passports) }));
export const passportsRelations = relations(passports, ({ one }) => ({
  user: one(users, { fields: [passports.userId], references: [users.id] }),
}));
`;
const CONFIG = `import { defineConfig } from 'drizzle-kit';
import { withOto } from '@oto/drizzle';

export default withOto(defineConfig({ schema: './schema.ts', out: './migrations', dialect: 'postgresql' }));
`;

describe('drizzle-kit generate with withOto', () => {
  it('stops on the example: the report, exit 1, no migration written', () => {
    // The example's migrations folder (committed): oto must stop drizzle-kit before it adds a file.
    const out = path.join(EXAMPLE, 'migrations/pg');
    const files = () => fs.readdirSync(out, { recursive: true }).map(String).sort();
    const before = files();
    const run = drizzleKit(EXAMPLE, 'generate');
    expect(run.stdout).toContain('error   one-to-one-unique  src/pg/schema.ts:');
    expect(run.stdout).toContain('one-to-one passports.user: the foreign key oto_passport(user_id) has no unique constraint');
    expect(run.stderr).toContain('oto: one-to-one problems at or above "error": drizzle-kit stopped');
    expect(run.status).toBe(1);
    expect(files()).toEqual(before);
  });

  it('lets drizzle-kit generate the migration when the one-to-one is backed, with --config too', () => {
    const dir = project('fixed', { 'schema.ts': SCHEMA(true), 'db/drizzle.config.ts': CONFIG });
    const run = drizzleKit(dir, 'generate', '--config', 'db/drizzle.config.ts');
    expect(run.stdout).toContain('oto: no findings in 1 one-to-one relation');
    expect(run.status).toBe(0);
    const [migration] = fs.readdirSync(path.join(dir, 'migrations')).filter((f) => f.endsWith('.sql'));
    expect(fs.readFileSync(path.join(dir, 'migrations', migration ?? ''), 'utf8')).toContain('CONSTRAINT "oto_passport_user_id_key" UNIQUE("user_id")');
  });

  it('writes the accessors when withOto is asked to, and leaves them alone when the schema did not change', () => {
    const config = CONFIG.replace('}))', "}), { accessors: { out: 'db/oto.ts' } })");
    const dir = project('accessors', { 'schema.ts': SCHEMA(true), 'drizzle.config.ts': config });
    const run = drizzleKit(dir, 'generate');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('oto: wrote db/oto.ts (2 accessors)');
    const text = fs.readFileSync(path.join(dir, 'db', 'oto.ts'), 'utf8');
    expect(text).toContain('export async function usersPassport(db: OtoDatabase, id:');
    const again = drizzleKit(dir, 'generate');
    expect(again.status).toBe(0);
    expect(again.stderr).not.toContain('oto: wrote');
    expect(fs.readFileSync(path.join(dir, 'db', 'oto.ts'), 'utf8')).toBe(text);
  });

  it('stops drizzle-kit in a project of its own, and a bad withOto option is one line with exit 2', () => {
    const broken = project('broken', { 'schema.ts': SCHEMA(false), 'drizzle.config.ts': CONFIG });
    const run = drizzleKit(broken, 'generate');
    expect(run.status).toBe(1);
    expect(fs.existsSync(path.join(broken, 'migrations'))).toBe(false);
    const bad = project('bad-option', { 'schema.ts': SCHEMA(true), 'drizzle.config.ts': CONFIG.replace('}))', "}), { failOn: 'always' } as never)") });
    const badRun = drizzleKit(bad, 'generate');
    expect(badRun.stderr).toMatch(/^oto: drizzle\.config\.ts: withOto options: failOn: Invalid option/m);
    expect(badRun.status).toBe(2);
  });
});
