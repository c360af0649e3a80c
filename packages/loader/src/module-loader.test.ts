import * as fs from 'node:fs';
import * as path from 'node:path';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { describeLoadError, withModuleLoader } from './index';
import { createStub } from './stub';

const project = tempProjects('loader');

// The fixtures record decorator metadata by replacing Reflect.metadata in Node's realm, where the
// loaded modules run; put it back, or later test files in this worker (TypeORM's) lose it.
const nodeReflect = (process.getBuiltinModule('vm') as typeof import('node:vm')).runInThisContext('Reflect') as { metadata?: unknown };
let savedMetadata: unknown;
beforeEach(() => {
  savedMetadata = nodeReflect.metadata;
});
afterEach(() => {
  if (savedMetadata === undefined) delete nodeReflect.metadata;
  else nodeReflect.metadata = savedMetadata;
});

const TSCONFIG = JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@app/*': ['src/*'] } } });

describe('withModuleLoader', () => {
  it('loads TypeScript with tsconfig paths, NodeNext .js specifiers and decorator metadata', () => {
    const dir = project('ts', {
      'tsconfig.json': TSCONFIG,
      'src/names.ts': 'export const greeting: string = "hello";\n',
      'src/meta.ts': [
        'const seen: Record<string, unknown> = {};',
        '(Reflect as any).metadata = (key: string, value: unknown) => (_t: object, prop?: string) => { if (key === "design:type") seen[String(prop)] = value; };',
        'const column = (): PropertyDecorator => () => undefined;',
        'export class Entity { @column() name!: string; @column() count!: number; }',
        'export { seen };',
      ].join('\n'),
      'schema.ts': 'import { greeting } from "@app/names";\nimport { seen } from "./src/meta.js";\nexport const value = `${greeting} world`;\nexport { seen };\n',
    });
    const result = withModuleLoader({ cwd: dir }, (loader) => {
      const loaded = loader.load('schema.ts') as { value: string; seen: Record<string, unknown> };
      return { loaded, compiled: loader.compiled().map((m) => path.relative(dir, m.file)).sort() };
    });
    expect(result.loaded.value).toBe('hello world');
    // Node's realm, not jest's: compare the constructors by name.
    expect(Object.entries(result.loaded.seen).map(([k, v]) => [k, (v as () => unknown).name])).toEqual([
      ['name', 'String'],
      ['count', 'Number'],
    ]);
    expect(result.compiled).toEqual(['schema.ts', 'src/meta.ts', 'src/names.ts']);
  });

  it('replaces stubbed modules (by specifier or by project path) and lists each once with its importer', () => {
    const dir = project('stubs', {
      'tsconfig.json': TSCONFIG,
      'src/secrets.ts': 'throw new Error("DATABASE_URL is not set");\n',
      'src/server/index.ts': 'throw new Error("connects to docker");\n',
      'schema.ts': [
        'import { key } from "@app/secrets";',
        'import * as server from "./src/server";',
        'import again from "@app/secrets";',
        'import { Kind } from "./src/generated/types";',
        'export const kept = [typeof key, typeof server.start, typeof again, typeof Kind];',
      ].join('\n'),
    });
    // src/generated/ is not there (a build step writes it): its path matches all the same.
    const result = withModuleLoader({ cwd: dir, stubs: ['@app/secrets', 'src/server/**', '**/generated/**'] }, (loader) => ({
      kept: (loader.load('schema.ts') as { kept: string[] }).kept,
      stubbed: loader.stubbed,
    }));
    expect(result.kept).toEqual(['function', 'function', 'function', 'function']);
    expect(result.stubbed).toEqual([
      { request: '@app/secrets', importer: 'schema.ts' },
      { request: './src/server', importer: 'schema.ts' },
      { request: './src/generated/types', importer: 'schema.ts' },
    ]);
  });

  it('names the module that threw and its importer, and suggests the stub option', () => {
    const dir = project('throws', {
      'tsconfig.json': TSCONFIG,
      'src/env.ts': 'export const url: string = process.env.NOPE ?? (() => { throw new Error("NOPE is required"); })();\n',
      'schema.ts': 'import { url } from "@app/env";\nexport const u = url;\n',
    });
    const error = withModuleLoader({ cwd: dir }, (loader) => {
      try {
        loader.load('schema.ts');
      } catch (e) {
        return describeLoadError(e, 'schema.ts');
      }
      throw new Error('loaded');
    });
    expect(error.message).toBe(
      `schema.ts: module '@app/env' imported by schema.ts threw while loading: NOPE is required; if it cannot load here (it needs secrets, env vars or servers), stub it: "stub": ["@app/env"] in the oto config, or --stub '@app/env'`,
    );
  });

  it('names a module that is not installed', () => {
    const dir = project('missing', { 'schema.ts': 'import "./lib";\n', 'lib.ts': 'import "left-pad-that-is-not-here";\n' });
    // The load goes on past it (to name every missing module at once), and fails after.
    expect(() => withModuleLoader({ cwd: dir }, (loader) => loader.load('schema.ts'))).toThrow(
      /^schema\.ts: cannot find module 'left-pad-that-is-not-here' imported by lib\.ts: install it or map it in tsconfig "paths"; /,
    );
  });

  it('forgets the modules it compiled, so a second load reads the files again', () => {
    const dir = project('reload', { 'schema.ts': 'export const n = 1;\n' });
    const first = withModuleLoader({ cwd: dir }, (loader) => (loader.load('schema.ts') as { n: number }).n);
    fs.writeFileSync(path.join(dir, 'schema.ts'), 'export const n = 2;\n');
    const second = withModuleLoader({ cwd: dir }, (loader) => (loader.load('schema.ts') as { n: number }).n);
    expect([first, second]).toEqual([1, 2]);
  });

  it('keeps the hooks while an async use runs (modules required after an await still compile), and removes them after', async () => {
    const dir = project('async', { 'late.ts': 'export const n: number = 3;\n' });
    // Node's own loader, as the hooks patch it (jest hands out a subclass of Module).
    const nodeLoader = Object.getPrototypeOf(process.getBuiltinModule('module')) as { _load: unknown };
    const before = nodeLoader._load;
    let during: unknown;
    const late = await withModuleLoader({ cwd: dir }, async (loader) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      during = nodeLoader._load;
      return (loader.load('late.ts') as { n: number }).n;
    });
    expect(late).toBe(3);
    expect(during).not.toBe(before);
    expect(nodeLoader._load).toBe(before);
  });
});

describe('withModuleLoader with the project\'s TypeScript', () => {
  const TYPESCRIPT = { typescript: installed('typescript', __dirname) };
  const META = [
    'export const seen: Record<string, string> = {};',
    '(Reflect as any).metadata = (key: string, value: any) => (t: any, prop?: string) => { if (key === "design:type") seen[`${t.constructor.name}.${String(prop)}`] = value?.name ?? String(value); };',
    'export const field = (): PropertyDecorator => () => undefined;',
  ].join('\n');
  const files = {
    'tsconfig.json': '{ "compilerOptions": { "strict": true } }',
    'meta.ts': META,
    'types.ts': 'export type State = "open" | "closed";\n',
    // Two entities that import each other, with metadata naming the other class (TypeORM's usual cycle).
    'a.ts': 'import { field } from "./meta";\nimport { B } from "./b";\nimport type { State } from "./types";\nexport class A { @field() state!: State; @field() b!: B; }\n',
    'b.ts': 'import { field } from "./meta";\nimport { A } from "./a";\nexport class B { @field() a!: A; }\n',
    'entry.ts': 'import "./a";\nexport { seen } from "./meta";\n',
  };

  it('names the real type of an imported alias, and loads entities that import each other', () => {
    const dir = project('project-ts', files, TYPESCRIPT);
    const seen = withModuleLoader({ cwd: dir, compiler: 'project-typescript' }, (loader) => (loader.load('entry.ts') as { seen: Record<string, string> }).seen);
    // b.ts runs while a.ts is still loading: A reads undefined, as with tsc (swc's live bindings throw here).
    expect(seen).toEqual({ 'B.a': 'undefined', 'A.state': 'String', 'A.b': 'B' });
  });

  it('falls back to swc without a TypeScript in the project, where the alias is an Object and the cycle throws', () => {
    const dir = project('no-ts', files);
    expect(() => withModuleLoader({ cwd: dir, compiler: 'project-typescript' }, (loader) => loader.load('entry.ts'))).toThrow(/before initialization/);
  });
});

describe('createStub', () => {
  it('answers every property, call and construction with itself, and is no thenable', () => {
    const stub = createStub('@app/x') as Record<string, unknown> & (() => unknown);
    expect(stub.anything).toBe(stub);
    expect(stub()).toBe(stub);
    expect(new (stub as unknown as new () => unknown)()).toBe(stub);
    expect(stub.then).toBeUndefined();
    expect(`${String(stub)}`).toBe('[oto stub of @app/x]');
    expect([...(stub as unknown as Iterable<unknown>)]).toEqual([]);
  });
});
