/**
 * The ORMs of a project, for `oto init`: its package.json dependencies, a Prisma schema where Prisma
 * looks, a drizzle.config.*, and a module that creates a TypeORM DataSource (in the root, src/ or db/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shownPath } from '@oto/core';
import { detectSource } from './source-argument';
import type { SourceKind } from './source-argument';

export interface DetectedProject {
  /** ORMs named in package.json (dependencies, devDependencies). */
  readonly dependencies: readonly SourceKind[];
  /** The schema source found per ORM, relative to the project folder. */
  readonly sources: Readonly<Partial<Record<SourceKind, string>>>;
}

const DEPENDENCIES: Record<string, SourceKind> = {
  prisma: 'prisma',
  '@prisma/client': 'prisma',
  'drizzle-orm': 'drizzle',
  'drizzle-kit': 'drizzle',
  typeorm: 'typeorm',
};
const SKIP = new Set(['node_modules', 'dist', 'build', '.git', 'generated', 'coverage']);

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function prismaSchema(dir: string, pkg: Record<string, unknown> | undefined): string | undefined {
  const configured = (pkg?.prisma as { schema?: unknown } | undefined)?.schema;
  const candidates = [...(typeof configured === 'string' ? [configured] : []), 'prisma/schema.prisma', 'schema.prisma', 'prisma/schema'];
  return candidates.find((c) => fs.existsSync(path.join(dir, c)) && detectSource(path.join(dir, c)) === 'prisma');
}

/** Modules under `dir` (the root, src/, db/, two levels deep) that create a TypeORM DataSource. */
function typeormDataSource(dir: string): string | undefined {
  const found: string[] = [];
  const walk = (folder: string, depth: number): void => {
    if (!fs.existsSync(folder)) return;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (depth > 0 && !SKIP.has(entry.name) && !entry.name.startsWith('.')) walk(file, depth - 1);
      } else if (/\.[cm]?[jt]s$/.test(entry.name) && !/\.(test|spec|d)\.[cm]?[jt]s$/.test(entry.name)) {
        const text = fs.readFileSync(file, 'utf8');
        if (/\bnew\s+DataSource\s*\(/.test(text) && detectSource(file) === 'typeorm') found.push(file);
      }
    }
  };
  walk(dir, 0);
  for (const sub of ['src', 'db']) walk(path.join(dir, sub), 2);
  // data-source.ts first, as the TypeORM docs name it.
  const best = found.find((f) => /data-?source\.[cm]?[jt]s$/i.test(f)) ?? found[0];
  return best === undefined ? undefined : shownPath(dir, best);
}

export function detectProject(dir: string): DetectedProject {
  const pkg = readJson(path.join(dir, 'package.json'));
  const deps = { ...(pkg?.dependencies as object | undefined), ...(pkg?.devDependencies as object | undefined) };
  const dependencies = [...new Set(Object.keys(deps).flatMap((name) => (DEPENDENCIES[name] ? [DEPENDENCIES[name]] : [])))];
  const drizzle = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => /^drizzle\.config\.[cm]?[jt]s$/.test(f)) : undefined;
  const prisma = prismaSchema(dir, pkg);
  const typeorm = typeormDataSource(dir);
  return {
    dependencies,
    sources: { ...(prisma ? { prisma } : {}), ...(drizzle ? { drizzle } : {}), ...(typeorm ? { typeorm } : {}) },
  };
}
