import * as fs from 'node:fs';
import * as path from 'node:path';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { withModuleLoader } from './index';
import { chooseProjectTypescript, hasCompilerApi } from './project-typescript';
import { typescriptProgramCompiler } from './typescript-program';

const project = tempProjects('project-ts');

// The fixtures record decorator metadata by replacing Reflect.metadata in Node's realm: put it back.
const nodeReflect = (process.getBuiltinModule('vm') as typeof import('node:vm')).runInThisContext('Reflect') as { metadata?: unknown };
let savedMetadata: unknown;
beforeEach(() => {
  savedMetadata = nodeReflect.metadata;
});
afterEach(() => {
  if (savedMetadata === undefined) delete nodeReflect.metadata;
  else nodeReflect.metadata = savedMetadata;
});

/** `typescript@7` as npm installs it: a package whose main export is no compiler (a version string). */
const TYPESCRIPT_7 = {
  'node_modules/typescript/package.json': JSON.stringify({ name: 'typescript', version: '7.0.0', main: 'lib/version.js' }),
  'node_modules/typescript/lib/version.js': 'module.exports = "7.0.0";\n',
};

const ENTITIES = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, experimentalDecorators: true, emitDecoratorMetadata: true } }),
  'meta.ts': [
    'export const seen: Record<string, string> = {};',
    '(Reflect as any).metadata = (key: string, value: any) => (t: any, prop?: string) => { if (key === "design:type") seen[`${t.constructor.name}.${String(prop)}`] = value?.name ?? String(value); };',
    'export const field = (): PropertyDecorator => () => undefined;',
  ].join('\n'),
  'types.ts': 'export type State = "open" | "closed";\n',
  'a.ts': 'import { field } from "./meta";\nimport { B } from "./b";\nimport type { State } from "./types";\nexport class A { @field() state!: State; @field() b!: B; @field() at!: Date; }\n',
  'b.ts': 'import { field } from "./meta";\nimport { A } from "./a";\nexport class B { @field() a!: A; }\n',
  'entry.ts': 'import "./a";\nexport { seen } from "./meta";\n',
};

describe('the project\'s TypeScript is TypeScript 7 (no JavaScript compiler API)', () => {
  it('compiles with oto\'s own TypeScript through one program, as tsc does, and says so in one line', () => {
    const dir = project('ts7', { ...ENTITIES, ...TYPESCRIPT_7 });
    const result = withModuleLoader({ cwd: dir, compiler: 'project-typescript' }, (loader) => ({
      seen: (loader.load('entry.ts') as { seen: Record<string, string> }).seen,
      notes: loader.notes,
    }));
    // The alias names its real type and the cycle reads undefined, as with tsc (swc names Object and throws).
    expect(result.seen).toEqual({ 'B.a': 'undefined', 'A.state': 'String', 'A.b': 'B', 'A.at': 'Date' });
    expect(result.notes).toEqual([
      `the project's typescript 7.0.0 has no JavaScript compiler API (TypeScript 7): its TypeScript files are compiled with oto's own TypeScript ${chooseProjectTypescript(dir)?.ts.version} instead, one program over the tsconfig as tsc does`,
    ]);
  }, 120_000);

  it('says nothing when the project\'s TypeScript has the compiler API', () => {
    const dir = project('ts5', ENTITIES, { typescript: installed('typescript', __dirname) });
    expect(withModuleLoader({ cwd: dir, compiler: 'project-typescript' }, (loader) => loader.notes)).toEqual([]);
    expect(chooseProjectTypescript(dir)?.note).toBeUndefined();
  }, 120_000);

  it('knows a compiler from a stand-in', () => {
    expect(hasCompilerApi('7.0.0')).toBe(false);
    expect(hasCompilerApi({ version: '7.0.0' })).toBe(false);
    expect(hasCompilerApi(require('typescript'))).toBe(true);
  });
});

describe('oto\'s own TypeScript emits the decorator metadata tsc 5.9 emits', () => {
  /** One property type per row, as entities declare them. */
  const TYPES = [
    'string',
    'number',
    'boolean',
    'bigint',
    'Date',
    'Buffer',
    'Uint8Array',
    'string | null',
    'number | undefined',
    'State',
    'Kind',
    'Shape',
    'B',
    'B[]',
    'Array<B>',
    'Promise<B>',
    'Map<string, B>',
    'Record<string, unknown>',
    'Lowercase<string>',
    '"a" | "b"',
    '1 | 2',
    'unknown',
    'object',
    '() => void',
    '[number, string]',
    'typeof B',
  ];
  it('for every property type in the table, with the same output', () => {
    const dir = project('metadata', {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, types: ['node'] } }),
      'types.ts': 'export type State = "open" | "closed";\nexport enum Kind { A = 1 }\nexport interface Shape { x: number }\n',
      'b.ts': 'export class B {}\n',
      'entity.ts': [
        'import { B } from "./b";',
        'import { Kind } from "./types";',
        'import type { State, Shape } from "./types";',
        'const field = (): PropertyDecorator => () => undefined;',
        'export class Entity {',
        ...TYPES.map((type, i) => `  @field() p${i}!: ${type};`),
        '}',
      ].join('\n'),
    }, { typescript: installed('typescript', __dirname), '@types/node': installed('@types/node', __dirname) });
    const file = path.join(dir, 'entity.ts');
    const code = fs.readFileSync(file, 'utf8');
    const metadata = (out: string) => out.split('\n').filter((l) => l.includes('__metadata("design:type"')).map((l) => l.trim());
    const tsc = metadata(typescriptProgramCompiler(require('typescript'), dir)(code, file));
    const own = chooseProjectTypescript(project('metadata-ts7', TYPESCRIPT_7));
    const oto = metadata(typescriptProgramCompiler(own!.ts, dir, own!.libFiles)(code, file));
    expect(tsc).toHaveLength(TYPES.length);
    expect(oto).toEqual(tsc);
  }, 180_000);
});
