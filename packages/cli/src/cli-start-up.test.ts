/**
 * What a run of the real `oto` bin (packages/cli/dist, built by `npm test` before jest) loads: only
 * what it uses. Every package of the monorepo is installed here, so a Prisma check that required
 * @oto/drizzle to find a drizzle.config.* would load drizzle-orm and ts-morph's TypeScript (~0.6 s
 * a run). A `--require` hook in both processes (the supervisor and its child) writes the packages
 * of the files they loaded when they exit.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { PRISMA_USER_PROFILE, TYPEORM_USER_PROFILE } from './testing/user-profile-sources';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const BIN = path.resolve(__dirname, '../dist/bin.js');
const projects = tempProjects('start-up');

/** Records each loaded file's package (`@oto/<x>` for this checkout's packages), written at exit. */
const HOOK = `const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const files = new Set();
const load = Module.prototype.load;
Module.prototype.load = function (filename) {
  files.add(filename);
  return load.apply(this, arguments);
};
const packageOf = (file) => {
  const at = file.lastIndexOf(path.sep + 'node_modules' + path.sep);
  if (at >= 0) {
    const [scope, name] = file.slice(at + 14).split(path.sep);
    return scope.startsWith('@') ? scope + '/' + name : scope;
  }
  const own = /[\\\\/]packages[\\\\/]([^\\\\/]+)[\\\\/](?:dist|src)[\\\\/]/.exec(file);
  return own ? '@oto/' + own[1] : undefined;
};
process.on('exit', () => {
  const packages = [...new Set([...files].map(packageOf).filter(Boolean))];
  fs.writeFileSync(path.join(process.env.OTO_TEST_LOADED, process.pid + '.json'), JSON.stringify(packages));
});
`;
const hookDir = projects('hook', { 'hook.js': HOOK });

/** Runs the bin in `cwd` with the hook; the packages both processes loaded, and the run's result. */
async function run(cwd: string, args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string; loaded: string[] }> {
  const out = fs.mkdtempSync(path.join(hookDir, 'loaded-'));
  const env = { ...process.env, NO_COLOR: '1', OTO_TEST_LOADED: out, NODE_OPTIONS: `--require=${path.join(hookDir, 'hook.js')}` };
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  const reports = fs.readdirSync(out).map((f) => JSON.parse(fs.readFileSync(path.join(out, f), 'utf8')) as string[]);
  // The supervisor and its child: with fewer reports the hook did not run in both.
  expect(reports).toHaveLength(2);
  return { code, stdout, stderr, loaded: [...new Set(reports.flat())].sort() };
}

/** The packages of `loaded` that are, or are under (`@prisma/` for any of Prisma's), one of `names`. */
const among = (loaded: readonly string[], names: readonly string[]) =>
  loaded.filter((p) => names.some((n) => (n.endsWith('/') ? p.startsWith(n) : p === n)));

const DRIZZLE = `import { relations } from 'drizzle-orm';
import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('app_user', { id: integer('id').primaryKey() });
export const profiles = sqliteTable('profile', { id: integer('id').primaryKey(), userId: integer('user_id').notNull().unique().references(() => users.id) });
export const usersRelations = relations(users, ({ one }) => ({ profile: one(profiles) }));
export const profilesRelations = relations(profiles, ({ one }) => ({ user: one(users, { fields: [profiles.userId], references: [users.id] }) }));
`;

const TYPEORM = `${TYPEORM_USER_PROFILE.replace("import { Column, Entity,", "import { Column, DataSource, Entity,")}\nexport default new DataSource({ type: 'postgres', entities: [User, Profile] });\n`;

/** What no run needs unless it reads that ORM's schema, checks usage or compiles code. */
const DRIZZLE_ONLY = ['drizzle-orm', 'drizzle-kit'];
const TYPEORM_ONLY = ['typeorm'];
const PRISMA_ONLY = ['@oto/prisma', '@prisma/', 'prisma'];
const USAGE = ['@oto/usage', 'ts-morph', '@ts-morph/common', 'typescript'];

describe('a run of the oto bin loads only what it uses', () => {
  it('a Prisma check: no drizzle-orm, ts-morph, TypeScript, typeorm, @oto/usage, swc or loader', async () => {
    const dir = projects('prisma', { 'package.json': '{}', 'prisma/schema.prisma': PRISMA_USER_PROFILE });
    const { code, stdout, stderr, loaded } = await run(dir, ['check', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ source: 'prisma' });
    expect(loaded).toContain('@oto/prisma');
    expect(among(loaded, [...DRIZZLE_ONLY, ...TYPEORM_ONLY, ...USAGE, '@oto/loader', '@swc/core', '@oto/database'])).toEqual([]);
  });

  it('a Drizzle check: no typeorm nor anything of Prisma', async () => {
    const dir = projects(
      'drizzle',
      { 'package.json': '{}', 'drizzle.config.ts': "export default { schema: './schema.ts', dialect: 'sqlite' };\n", 'schema.ts': DRIZZLE },
      { 'drizzle-orm': installed('drizzle-orm', path.resolve(__dirname, '../../drizzle')) },
    );
    const { code, stdout, stderr, loaded } = await run(dir, ['check', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ source: 'drizzle' });
    expect(loaded).toContain('drizzle-orm');
    expect(among(loaded, [...TYPEORM_ONLY, ...PRISMA_ONLY, '@oto/usage', '@oto/database'])).toEqual([]);
  });

  it('a TypeORM check: no drizzle-orm, anything of Prisma, nor ts-morph (only oto fix edits entities)', async () => {
    const dir = projects(
      'typeorm',
      { 'package.json': '{}', 'data-source.ts': TYPEORM },
      { typeorm: installed('typeorm', path.resolve(__dirname, '../../typeorm')) },
    );
    const { code, stdout, stderr, loaded } = await run(dir, ['check', '--typeorm', 'data-source.ts', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ source: 'typeorm' });
    expect(loaded).toContain('typeorm');
    expect(among(loaded, [...DRIZZLE_ONLY, ...PRISMA_ONLY, '@oto/usage', 'ts-morph', '@oto/database'])).toEqual([]);
  });

  it.each([[['--help']], [['--version']], [['check', '--no-such-flag']]])('oto %j: no adapter, loader, database, config search or diff', async (args) => {
    const dir = projects(`flags-${args.join('').replace(/\W/g, '')}`, { 'package.json': '{}', 'prisma/schema.prisma': PRISMA_USER_PROFILE });
    const { loaded } = await run(dir, args);
    expect(loaded).toContain('@oto/cli');
    const oto = ['@oto/prisma', '@oto/drizzle', '@oto/typeorm', '@oto/usage', '@oto/loader', '@oto/database'];
    expect(among(loaded, [...oto, ...DRIZZLE_ONLY, ...TYPEORM_ONLY, ...USAGE, '@prisma/', '@swc/core', 'cosmiconfig', 'diff'])).toEqual([]);
  });
});
