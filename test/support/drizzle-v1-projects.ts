/**
 * Temporary drizzle-orm 1.0 projects for the e2e tests that run the real drizzle-kit 1.0.0-rc.5
 * (examples/drizzle-v1 installs both): the dialects' table builders, a drizzle.config.ts, and
 * projects whose `init` migration drizzle-kit writes once and tests copy.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempProjects } from '../../packages/core/src/testing/temp-projects';
import { kitRunner, startedTogether } from './drizzle-kit-runs';
import { installed, ROOT } from './paths';

export type Dialect = 'postgresql' | 'mysql' | 'sqlite';
export const DIALECTS: readonly Dialect[] = ['postgresql', 'mysql', 'sqlite'];

/** What a schema module of each dialect imports and writes for a table, an integer, a key and a text column. */
export const CORE: Record<Dialect, { module: string; table: string; int: string; id: string; text: (name: string) => string }> = {
  postgresql: { module: 'pg-core', table: 'pgTable', int: 'integer', id: "integer('id').primaryKey()", text: (n) => `text('${n}')` },
  mysql: { module: 'mysql-core', table: 'mysqlTable', int: 'int', id: "int('id').primaryKey().autoincrement()", text: (n) => `varchar('${n}', { length: 50 })` },
  sqlite: { module: 'sqlite-core', table: 'sqliteTable', int: 'integer', id: "integer('id').primaryKey()", text: (n) => `text('${n}')` },
};

export const kitConfig = (dialect: Dialect) =>
  `import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ schema: './src/schema.ts', out: './drizzle', dialect: '${dialect}' });\n`;

/** A test file's projects (removed after it), drizzle-kit runs (two at a time) and work started in its first beforeAll. */
export function drizzleV1Projects(prefix: string) {
  const V1 = path.join(ROOT, 'examples/drizzle-v1');
  const projects = tempProjects(prefix);
  const project = (name: string, files: Record<string, string>) =>
    projects(name, files, { 'drizzle-orm': installed('drizzle-orm', V1), 'drizzle-kit': installed('drizzle-kit', V1) });
  const drizzleKit = kitRunner(path.join(installed('drizzle-kit', V1), 'bin.cjs'));
  const later = startedTogether();

  /** A project with these files and a copy of `from`'s drizzle folder. */
  const copied = (from: string, name: string, files: Record<string, string>): string => {
    const dir = project(name, files);
    fs.cpSync(path.join(from, 'drizzle'), path.join(dir, 'drizzle'), { recursive: true });
    return dir;
  };

  /** A project whose first migration, `init`, drizzle-kit writes in the first beforeAll (once: copy it with `copied`). */
  const initialised = (name: string, files: Record<string, string>): (() => Promise<string>) =>
    later(async () => {
      const dir = project(name, files);
      const run = await drizzleKit(dir, 'generate', '--name', 'init');
      if (run.status !== 0) throw new Error(`drizzle-kit generate --name init in ${name}: exit ${run.status}\n${run.output}`);
      return dir;
    });

  return { project, copied, initialised, drizzleKit, later };
}
