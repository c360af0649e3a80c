/**
 * A migrations folder as the tool that wrote it lays it out: Prisma (`<name>/migration.sql`, in
 * name order, `migration_lock.toml` naming the provider), drizzle-kit 0.x (`meta/_journal.json` and
 * `<tag>.sql` in journal order), drizzle-kit 1.0 (`<timestamp>_<name>/migration.sql` beside its
 * `snapshot.json`, no journal, in folder-name order), plain `.sql` files in name order, or TypeORM migration classes
 * (`.ts`/`.js` files, run through TypeORM itself).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '@oto/core';
import type { Dialect } from '@oto/core';

export type MigrationFormat = 'prisma' | 'drizzle' | 'sql' | 'typeorm';

export interface SqlMigration {
  readonly name: string;
  readonly file: string;
  readonly sql: string;
  /**
   * The scripts to run, in order: a drizzle-kit file split on its `--> statement-breakpoint`
   * markers (as drizzle's own migrator does, for every dialect: MySQL reads `-->` as a syntax
   * error), any other file whole.
   */
  readonly statements: readonly string[];
}

const BREAKPOINT = '--> statement-breakpoint';

/** A drizzle-kit migration's statements: the text between its breakpoints, empty ones left out. */
export function splitBreakpoints(sql: string): string[] {
  return sql.split(BREAKPOINT).filter((s) => s.trim() !== '');
}

export interface MigrationFolder {
  readonly dir: string;
  readonly format: MigrationFormat;
  /** The dialect the folder says it is for (Prisma's lock file, drizzle-kit's journal). */
  readonly dialect?: Dialect;
  /** The SQL is libSQL's (drizzle-kit's `turso` dialect): replayed on libSQL, not plain SQLite. */
  readonly engine?: 'libsql';
  /** The SQL migrations in the order they apply (none for TypeORM classes). */
  readonly migrations: readonly SqlMigration[];
  /** What the user should know about the folder (an old drizzle-kit layout under drizzle-kit 1.0). */
  readonly warnings?: readonly string[];
}

/** The major version of the drizzle-kit installed where the folder is, if any. */
function drizzleKitMajor(dir: string): number | undefined {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const manifest = path.join(at, 'node_modules', 'drizzle-kit', 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        const major = Number(/^(\d+)\./.exec(String((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: unknown }).version))?.[1]);
        return Number.isFinite(major) ? major : undefined;
      } catch {
        return undefined;
      }
    }
    if (at === path.dirname(at)) return undefined;
  }
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

const PROVIDERS: Readonly<Record<string, Dialect>> = {
  postgresql: 'postgresql',
  postgres: 'postgresql',
  pg: 'postgresql',
  cockroachdb: 'cockroachdb',
  mysql: 'mysql',
  sqlite: 'sqlite',
  turso: 'sqlite',
  sqlserver: 'sqlserver',
};

function read(file: string, label: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`${label}: cannot read ${file}`);
  }
}

function drizzleFolder(dir: string, label: string): MigrationFolder {
  const journalFile = path.join(dir, 'meta', '_journal.json');
  let journal: { dialect?: string; entries?: { idx: number; tag: string }[] };
  try {
    journal = JSON.parse(read(journalFile, label)) as typeof journal;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${label}/meta/_journal.json is not valid JSON: regenerate it with drizzle-kit generate`);
  }
  const entries = [...(journal.entries ?? [])].sort((a, b) => a.idx - b.idx);
  const dialect = PROVIDERS[String(journal.dialect)];
  // drizzle-kit 1.0 refuses this layout ("Your migrations folder format is outdated").
  const outdated = (drizzleKitMajor(dir) ?? 0) >= 1;
  return {
    dir,
    format: 'drizzle',
    ...(outdated ? { warnings: [`${label}: drizzle-kit 1.0 is installed, but this folder has drizzle-kit 0.x's layout (meta/_journal.json): run drizzle-kit up to convert it before the next drizzle-kit generate`] } : {}),
    ...(dialect ? { dialect } : {}),
    ...(journal.dialect === 'turso' ? { engine: 'libsql' as const } : {}),
    migrations: entries.map((e) => {
      const file = path.join(dir, `${e.tag}.sql`);
      if (!fs.existsSync(file)) throw new UserError(`${label}: the journal lists ${e.tag}, but ${e.tag}.sql is missing`);
      const sql = read(file, label);
      return { name: e.tag, file, sql, statements: splitBreakpoints(sql) };
    }),
  };
}

/** drizzle-kit 1.0's layout: every migration a folder with its migration.sql and snapshot.json. */
function drizzleV3Folder(dir: string, label: string, subdirs: readonly string[]): MigrationFolder {
  const names = [...subdirs].sort(byName);
  let snapshotDialect: string | undefined;
  const last = names[names.length - 1];
  if (last) {
    try {
      snapshotDialect = (JSON.parse(read(path.join(dir, last, 'snapshot.json'), label)) as { dialect?: string }).dialect;
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(`${label}/${last}/snapshot.json is not valid JSON: regenerate it with drizzle-kit generate`);
    }
  }
  const dialect = PROVIDERS[String(snapshotDialect)];
  return {
    dir,
    format: 'drizzle',
    ...(dialect ? { dialect } : {}),
    ...(snapshotDialect === 'turso' ? { engine: 'libsql' as const } : {}),
    migrations: names.map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      const sql = read(file, label);
      return { name, file, sql, statements: splitBreakpoints(sql) };
    }),
  };
}

function prismaFolder(dir: string, label: string, subdirs: readonly string[]): MigrationFolder {
  const lock = path.join(dir, 'migration_lock.toml');
  const provider = fs.existsSync(lock) ? /provider\s*=\s*"([^"]+)"/.exec(read(lock, label))?.[1] : undefined;
  const dialect = provider ? PROVIDERS[provider] : undefined;
  return {
    dir,
    format: 'prisma',
    ...(dialect ? { dialect } : {}),
    migrations: [...subdirs].sort(byName).map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      const sql = read(file, label);
      return { name, file, sql, statements: [sql] };
    }),
  };
}

/** Reads a migrations folder; `label` names it in errors. */
export function readMigrationFolder(dir: string, label: string): MigrationFolder {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new UserError(`${label}: migrations folder not found: pass --migrations <folder>`);
  }
  if (fs.existsSync(path.join(dir, 'meta', '_journal.json'))) return drizzleFolder(dir, label);
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  const prisma = entries.filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'migration.sql'))).map((e) => e.name);
  const drizzleV3 = prisma.filter((name) => fs.existsSync(path.join(dir, name, 'snapshot.json')));
  if (drizzleV3.length > 0 && !fs.existsSync(path.join(dir, 'migration_lock.toml'))) return drizzleV3Folder(dir, label, drizzleV3);
  if (prisma.length > 0 || fs.existsSync(path.join(dir, 'migration_lock.toml'))) return prismaFolder(dir, label, prisma);
  const files = entries.filter((e) => e.isFile()).map((e) => e.name);
  const sql = files.filter((f) => f.endsWith('.sql')).sort(byName);
  if (sql.length > 0) {
    const migrations = sql.map((f) => {
      const text = read(path.join(dir, f), label);
      return { name: f.replace(/\.sql$/, ''), file: path.join(dir, f), sql: text, statements: [text] };
    });
    return { dir, format: 'sql', migrations };
  }
  if (files.some((f) => /\.[cm]?[jt]s$/.test(f) && !f.endsWith('.d.ts'))) return { dir, format: 'typeorm', migrations: [] };
  throw new UserError(
    `${label}: no migrations found: expected Prisma (<name>/migration.sql), drizzle-kit (meta/_journal.json, or <name>/migration.sql with snapshot.json), .sql files, or TypeORM migration classes`,
  );
}
