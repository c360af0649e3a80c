/**
 * Pack and install, as a user gets oto: `npm pack` every package, then one fresh app per ORM in a
 * temporary folder outside the workspace, the ORM from the registry and oto from the tarballs, and
 * the README's snippets run there. Also measures node_modules per app, and checks that a Drizzle +
 * pg app gets neither Prisma, TypeORM, mysql2 nor a native build.
 *
 * Installs from the registry take minutes: run when OTO_TEST_PACK=1 (.ci/run sets it).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../packages/core/src/rules';
import { ROOT } from '../support/paths';
import { APPS } from './pack-apps';
import type { PackApp } from './pack-apps';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const PACKAGES = ['core', 'loader', 'runtime', 'database', 'prisma', 'drizzle', 'typeorm', 'usage', 'cli'];
const run = process.env.OTO_TEST_PACK === '1' ? describe : describe.skip;
const MINUTE = 60_000;

/** The environment without what a parent `npm run`/`npm test` sets (its prefix would be the workspace). */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD'));
  return { ...env, NO_COLOR: '1', CI: '1', ...extra };
}

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function sh(cwd: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, timeout = 5 * MINUTE): Ran {
  const r = spawnSync(command, args, { cwd, env: cleanEnv(env), encoding: 'utf8', timeout });
  return { status: r.status, stdout: r.stdout ?? '', stderr: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** `npm install` without blocking the event loop, so that the three apps install side by side. */
function npmInstall(cwd: string): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['install', '--no-audit', '--no-fund', '--no-update-notifier'], { cwd, env: cleanEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), 7 * MINUTE);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const duKb = (dir: string) => Number(sh(dir, 'du', ['-sk', dir]).stdout.split(/\s/)[0]);
const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;

/** Every installed copy of package `name` under `nodeModules`, nested ones too (npm's layout), relative to `root`. */
function installedCopies(root: string, nodeModules: string, name: string): string[] {
  const copies: string[] = [];
  const visit = (dir: string) => {
    const manifest = path.join(dir, name, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown }).name === name) copies.push(path.relative(root, path.dirname(manifest)));
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const packages = entry.name.startsWith('@') ? fs.readdirSync(path.join(dir, entry.name)).map((n) => path.join(dir, entry.name, n)) : [path.join(dir, entry.name)];
      for (const pkg of packages) if (fs.existsSync(path.join(pkg, 'node_modules'))) visit(path.join(pkg, 'node_modules'));
    }
  };
  visit(nodeModules);
  return copies.map((c) => c.split(path.sep).join('/'));
}

run('pack and install into fresh apps (one per ORM)', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oto-pack-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
  const tarballs = new Map<string, string>();
  const packed = new Map<string, readonly string[]>();
  const installs = new Map<string, Ran>();
  const appDir = (name: string) => path.join(work, 'apps', name);

  beforeAll(async () => {
    // The dist the tarballs hold (a no-op when `npm test` has just built).
    const build = sh(ROOT, 'npx', ['turbo', 'run', 'build', '--filter=./packages/*', '--output-logs=errors-only'], {}, 10 * MINUTE);
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
    const out = path.join(work, 'tarballs');
    fs.mkdirSync(out);
    const pack = sh(ROOT, 'npm', ['pack', '--json', '--pack-destination', out, ...PACKAGES.flatMap((p) => ['--workspace', `packages/${p}`])]);
    if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
    for (const p of JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { name: string; filename: string; files: { path: string }[] }[]) {
      tarballs.set(p.name, path.join(out, p.filename.replace(/^@/, '').replace(/\//g, '-')));
      packed.set(p.name, p.files.map((f) => f.path));
    }
    const spec = (name: string) => `file:${tarballs.get(name)}`;
    const overrides = Object.fromEntries([...tarballs.keys()].map((n) => [n, spec(n)]));
    for (const app of APPS) {
      const dir = appDir(app.name);
      const pick = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, spec(n)]));
      const pkg = {
        name: `oto-pack-${app.name}`,
        version: '1.0.0',
        private: true,
        dependencies: { ...app.dependencies, ...pick(app.oto.dependencies) },
        devDependencies: { ...app.devDependencies, ...pick(app.oto.devDependencies) },
        overrides,
      };
      for (const [file, text] of Object.entries({ ...app.files, 'package.json': `${JSON.stringify(pkg, null, 2)}\n` })) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
      }
    }
    const results = await Promise.all(APPS.map((app) => npmInstall(appDir(app.name))));
    APPS.forEach((app, i) => installs.set(app.name, results[i]!));
  }, 12 * MINUTE);

  const installed = (app: PackApp) => {
    const r = installs.get(app.name);
    expect(r?.stderr.match(/npm error.*/g) ?? []).toEqual([]);
    expect(r?.status).toBe(0);
    return appDir(app.name);
  };
  const [prisma, drizzle, typeorm] = APPS as [PackApp, PackApp, PackApp];

  it('the apps are outside the workspace', () => {
    for (const app of APPS) expect(path.relative(ROOT, appDir(app.name)).startsWith('..')).toBe(true);
  });

  it('every package ships its dist with types, and @oto/core its rule docs', () => {
    expect([...packed.keys()].sort()).toEqual(PACKAGES.map((p) => `@oto/${p}`).sort());
    for (const [name, files] of packed) {
      expect([name, files.includes('dist/index.js'), files.includes('dist/index.d.ts')]).toEqual([name, true, true]);
      expect(files.filter((f) => f.startsWith('src/') || f.endsWith('.test.js'))).toEqual([]);
    }
    expect(RULES.map((r) => r.id).filter((id) => !packed.get('@oto/core')!.includes(`docs/rules/${id}.md`))).toEqual([]);
  });

  it('sizes: node_modules per app; a Drizzle + pg app gets no Prisma, TypeORM, mysql2 or native build, a Prisma app no swc', () => {
    const sizes = APPS.map((app) => `${app.name}: ${mb(duKb(path.join(installed(app), 'node_modules')))}`);
    const dir = installed(drizzle);
    const nm = path.join(dir, 'node_modules');
    const heavy = ['prisma', '@prisma', 'typeorm', 'mysql2', 'better-sqlite3', '@libsql', 'sqlite3'].filter((p) => fs.existsSync(path.join(nm, p)));
    const npmLs = sh(dir, 'npm', ['ls', '--all', '--parseable']).stdout;
    const gyp = npmLs.split('\n').filter((p) => p && fs.existsSync(path.join(p, 'binding.gyp')));
    const oto = ['@oto', '@swc', '@electric-sql', 'ts-morph', '@ts-morph', 'typescript'].map((p) => `${p} ${fs.existsSync(path.join(nm, p)) ? mb(duKb(path.join(nm, p))) : '-'}`);
    process.stdout.write(`oto pack test: node_modules ${sizes.join(', ')}; drizzle app: ${oto.join(', ')}\n`);
    expect(heavy).toEqual([]);
    expect(gyp).toEqual([]);
    expect(npmLs).not.toMatch(/node_modules\/(@prisma|prisma|typeorm|mysql2|better-sqlite3)(\/|$)/m);
    // Nor a Prisma app the loader of TypeScript sources (swc, ts-morph): it has none to load.
    const prismaModules = path.join(installed(prisma), 'node_modules');
    expect(['@oto/loader', '@swc/core', 'ts-morph'].filter((p) => fs.existsSync(path.join(prismaModules, p)))).toEqual([]);
  });

  it('Prisma: the generator runs in `prisma generate`, `npx oto check` agrees, and the accessors compile with tsc --strict', () => {
    const dir = installed(prisma);
    const gen = sh(dir, 'npx', ['prisma', 'generate'], { PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath });
    expect(`${gen.stdout}${gen.stderr}`).toContain('hidden-one-to-one');
    expect(gen.status).toBe(0);
    expect(fs.existsSync(path.join(dir, 'src/generated/oto/accessors.ts'))).toBe(true);
    const check = sh(dir, 'npx', ['oto', 'check']);
    expect(check.stdout).toContain('hidden-one-to-one  prisma/schema.prisma');
    expect(check.status).toBe(0);
    const tsc = sh(dir, 'npx', ['tsc', '-p', 'tsconfig.json', '--strict']);
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
  }, 5 * MINUTE);

  it('Prisma: oto brings no second @prisma/engines (nor @prisma/internals, which pins one patch version of it)', () => {
    const dir = installed(prisma);
    const nm = path.join(dir, 'node_modules');
    expect(installedCopies(dir, nm, '@prisma/engines')).toEqual(['node_modules/@prisma/engines']);
    expect(installedCopies(dir, nm, '@prisma/internals')).toEqual([]);
  });

  it('Drizzle: withOto runs in `drizzle-kit generate`, writes the accessors, and they compile with tsc --strict', () => {
    const dir = installed(drizzle);
    const kit = sh(dir, 'npx', ['drizzle-kit', 'generate']);
    const output = `${kit.stdout}${kit.stderr}`;
    expect(output).toContain('hidden-one-to-one');
    expect(output).toMatch(/oto: 0 errors, \d+ warnings?/);
    expect(kit.status).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'drizzle')).some((f) => f.endsWith('.sql'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'src/oto-accessors.ts'))).toBe(true);
    const tsc = sh(dir, 'npx', ['tsc', '-p', 'tsconfig.json', '--strict']);
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
    // A Prisma schema asked of a Drizzle app: one line naming the package to install.
    const missing = sh(dir, 'npx', ['oto', 'check', '--prisma', 'schema.prisma'], { CI: '' });
    expect(missing.stderr).toBe('oto: Reading a Prisma schema needs the package @oto/prisma, which is not installed: npm install --save-dev @oto/prisma\n');
    expect(missing.status).toBe(2);
  }, 5 * MINUTE);

  it('TypeORM: `npx oto check --typeorm` reads the data source, and the generated accessors compile with tsc --strict', () => {
    const dir = installed(typeorm);
    const check = sh(dir, 'npx', ['oto', 'check', '--typeorm', 'src/data-source.ts']);
    // CI is set here (cleanEnv): one progress line per step, on stderr.
    expect(check.stderr).toBe('oto: compiling the TypeORM entities and building their metadata\n');
    expect(check.stdout).toMatch(/0 errors, \d+ warnings?, \d+ info in 1 one-to-one relation/);
    expect(check.status).toBe(0);
    const gen = sh(dir, 'npx', ['oto', 'generate', 'accessors', '--typeorm', 'src/data-source.ts', '--out', 'src/oto-accessors.ts']);
    expect(gen.status).toBe(0);
    const tsc = sh(dir, 'npx', ['tsc', '-p', 'tsconfig.json', '--strict']);
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
    // A database URL without its driver installed (mysql2 is not in this app): one line (outside CI:
    // in CI the steps' progress lines come before it).
    const driver = sh(dir, 'npx', ['oto', 'check', '--typeorm', 'src/data-source.ts', '--database-url', 'mysql://oto@127.0.0.1:1/none'], { CI: '' });
    expect(driver.stderr).toBe('oto: A MySQL/MariaDB database URL needs the package mysql2, which is not installed: npm install --save-dev mysql2\n');
    expect(driver.status).toBe(2);
  }, 5 * MINUTE);
});
