/**
 * Each ORM adapter (@oto/prisma, @oto/drizzle, @oto/typeorm) and each database driver (pg, mysql2,
 * better-sqlite3, @libsql/client) is an optional peer: no module of @oto/cli or @oto/database
 * imports one at its top level, and a missing one is one line naming the package to install.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { tempProjects } from '../../core/src/testing/temp-projects';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const OPTIONAL = ['@oto/prisma', '@oto/drizzle', '@oto/typeorm', '@oto/usage', '@oto/loader', 'pg', 'mysql2', 'better-sqlite3', '@libsql/client', 'typeorm', 'drizzle-orm', 'drizzle-kit'];
const isOptional = (specifier: string) => OPTIONAL.some((p) => specifier === p || specifier.startsWith(`${p}/`)) || specifier.startsWith('@prisma/');

/** The modules of a package's published code: its src without tests and test helpers. */
function sources(pkg: string): string[] {
  const root = path.join(__dirname, '..', '..', pkg, 'src');
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'testing' || e.name === '__golden__' ? [] : walk(full);
      return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
    });
  return walk(root);
}

/** `import … from '<optional>'` that loads the module (not `import type`, not all-type specifiers). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || !isOptional(specifier.text)) continue;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      if (clause && !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly)) continue;
    } else if (statement.isTypeOnly) continue;
    found.push(`${path.relative(path.join(__dirname, '..', '..'), file)}: ${specifier.text}`);
  }
  return found;
}

describe('optional packages', () => {
  const project = tempProjects('optional-packages');

  it.each(['cli', 'database'])('no module of packages/%s imports an adapter or a driver at its top level', (pkg) => {
    const files = sources(pkg);
    expect(files.length).toBeGreaterThan(3);
    expect(files.flatMap(valueImports)).toEqual([]);
  });

  it('the scan sees a top-level import (so the check above can fail)', () => {
    const dir = project('scan', { 'a.ts': "import { Client } from 'pg';\nimport type { X } from '@oto/prisma';\nimport { type Y } from '@oto/typeorm';\n" });
    expect(valueImports(path.join(dir, 'a.ts'))).toEqual([expect.stringMatching(/a\.ts: pg$/)]);
  });

  describe('a missing adapter is one line naming the package to install, exit 2', () => {
    const missing = (pkg: string) => () => {
      throw Object.assign(new Error(`Cannot find module '${pkg}'\nRequire stack:\n- x.js`), { code: 'MODULE_NOT_FOUND' });
    };
    it.each([
      ['@oto/drizzle', ['check', '--drizzle', 'drizzle.config.ts'], { 'drizzle.config.ts': 'export default {};\n' }],
      ['@oto/drizzle', ['check'], { 'drizzle.config.ts': 'export default {};\n' }],
      ['@oto/prisma', ['check', '--prisma', 'schema.prisma'], { 'schema.prisma': 'datasource db {\n  provider = "postgresql"\n}\n' }],
      ['@oto/typeorm', ['check', '--typeorm', 'src/data-source.ts'], { 'src/data-source.ts': 'export default {};\n' }],
      ['@oto/typeorm', ['generate', 'accessors', '--typeorm', 'src/data-source.ts', '--out', 'x.ts'], { 'src/data-source.ts': 'export default {};\n' }],
    ] as const)('%s for oto %j', async (pkg, args, files) => {
      const dir = project(`${pkg.replace(/\W/g, '')}-${args.length}`, { 'package.json': '{}', ...files });
      let result: { code: number; stdout: string; stderr: string } | undefined;
      await jest.isolateModulesAsync(async () => {
        jest.doMock(pkg, missing(pkg));
        const { oto } = require('./testing/run-oto') as typeof import('./testing/run-oto');
        result = await oto(dir, ...args);
      });
      expect(result?.stderr).toBe(`oto: ${pkg === '@oto/prisma' ? 'Reading a Prisma schema' : pkg === '@oto/drizzle' ? 'Reading a Drizzle schema' : 'Reading a TypeORM data source'} needs the package ${pkg}, which is not installed: npm install --save-dev ${pkg}\n`);
      expect(result?.stdout).toBe('');
      expect(result?.code).toBe(2);
    });
  });

  it.each([
    ['pg', 'postgres', 'postgresClient', 'A PostgreSQL database URL'],
    ['mysql2', 'mysql', 'mysqlClient', 'A MySQL/MariaDB database URL'],
  ] as const)('a missing %s is one line naming it, before any connection', async (pkg, file, fn, purpose) => {
    let error: unknown;
    await jest.isolateModulesAsync(async () => {
      jest.doMock(pkg === 'mysql2' ? 'mysql2/promise' : pkg, () => {
        throw Object.assign(new Error(`Cannot find module '${pkg === 'mysql2' ? 'mysql2/promise' : pkg}'`), { code: 'MODULE_NOT_FOUND' });
      });
      const client = require(`../../database/src/clients/${file}`) as Record<string, (url: string, label: string, bounds: object) => Promise<unknown>>;
      error = await client[fn]!('postgres://127.0.0.1:1/none', 'db', { connectTimeoutMs: 1000, queryTimeoutMs: 1000 }).catch((e: unknown) => e);
    });
    expect((error as Error).name).toBe('UserError');
    expect((error as Error).message).toBe(`${purpose} needs the package ${pkg}, which is not installed: npm install --save-dev ${pkg}`);
  });
});
