import { tempProjects } from '../../core/src/testing/temp-projects';
import { describeLoadError, withModuleLoader } from './index';

const project = tempProjects('resolver');

const PATHS = JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', paths: { '@/*': ['./src/*'] } } });

function loadError(dir: string, entry: string, stubs: string[] = []): string {
  try {
    withModuleLoader({ cwd: dir, stubs }, (loader) => {
      try {
        return loader.load(entry);
      } catch (error) {
        throw describeLoadError(error, entry);
      }
    });
  } catch (error) {
    return (error as Error).message;
  }
  return 'loaded';
}

describe('imports through tsconfig paths written with the emitted extension', () => {
  it('maps @/x.js, @/x.mjs and @/x.cjs to their .ts, .mts and .cts sources, as relative imports are', () => {
    const dir = project('esm-paths', {
      'tsconfig.json': PATHS,
      'src/models/user.ts': 'export const user: string = "user";\n',
      'src/models/post.mts': 'export const post: string = "post";\n',
      'src/models/tag.cts': 'export const tag: string = "tag";\n',
      // A real .js file under the same mapping is taken as it is.
      'src/models/plain.js': 'exports.plain = "plain";\n',
      'schema.ts': [
        'import { user } from "@/models/user.js";',
        'import { post } from "@/models/post.mjs";',
        'import { tag } from "@/models/tag.cjs";',
        'import { plain } from "@/models/plain.js";',
        'export const names = [user, post, tag, plain];',
      ].join('\n'),
    });
    const names = withModuleLoader({ cwd: dir }, (loader) => (loader.load('schema.ts') as { names: string[] }).names);
    expect(names).toEqual(['user', 'post', 'tag', 'plain']);
  });

  it('says that paths maps a missing module, instead of telling to map it', () => {
    const dir = project('esm-paths-missing', {
      'tsconfig.json': PATHS,
      'schema.ts': 'import { gone } from "@/models/gone.js";\nexport const g = gone;\n',
    });
    expect(loadError(dir, 'schema.ts')).toBe(
      `schema.ts: cannot find module '@/models/gone.js' imported by schema.ts (tsconfig "paths" maps it to src/models/gone.js, which is not there): fix the import or the tsconfig "paths" entry; if it cannot load here (it needs secrets, env vars or servers), stub it: "stub": ["@/models/gone.js"] in the oto config, or --stub '@/models/gone.js'`,
    );
  });
});

describe('all missing modules at once', () => {
  const files = {
    'tsconfig.json': PATHS,
    'src/db/users.ts': 'import { env } from "@app/env";\nimport { redis } from "../lib/redis.js";\nexport const users = [env, redis];\n',
    'src/db/posts.ts': 'import { env } from "@app/env";\nimport "left-pad-that-is-not-here";\nimport { gen } from "./generated/types";\nexport const posts = [env, gen];\n',
    'src/db/index.ts': 'export * from "./users.js";\nexport * from "./posts.js";\nimport { sentry } from "@sentry/not-installed";\nimport { flags } from "@/flags.js";\nexport const extra = [sentry, flags];\n',
  };

  it('names every module that does not resolve, each once with its importer, and the exact stub list', () => {
    const dir = project('five-missing', files);
    expect(loadError(dir, 'src/db/index.ts')).toBe(
      [
        `src/db/index.ts: cannot find 6 modules: '@app/env' imported by src/db/users.ts, '../lib/redis.js' imported by src/db/users.ts, 'left-pad-that-is-not-here' imported by src/db/posts.ts, './generated/types' imported by src/db/posts.ts, '@sentry/not-installed' imported by src/db/index.ts, '@/flags.js' imported by src/db/index.ts (tsconfig "paths" maps it to src/flags.js, which is not there):`,
        ` install them or map them in tsconfig "paths"; if they cannot load here (they need secrets, env vars, servers or a build step), stub them:`,
        ` "stub": ["@app/env", "src/lib/redis.js", "left-pad-that-is-not-here", "src/db/generated/types", "@sentry/not-installed", "@/flags.js"] in the oto config,`,
        ` or --stub '@app/env' --stub 'src/lib/redis.js' --stub 'left-pad-that-is-not-here' --stub 'src/db/generated/types' --stub '@sentry/not-installed' --stub '@/flags.js'`,
      ].join(''),
    );
  });

  it('loads with exactly that stub list', () => {
    const dir = project('five-stubbed', files);
    const stubs = ['@app/env', 'src/lib/redis.js', 'left-pad-that-is-not-here', 'src/db/generated/types', '@sentry/not-installed', '@/flags.js'];
    const result = withModuleLoader({ cwd: dir, stubs }, (loader) => ({
      extra: (loader.load('src/db/index.ts') as { extra: unknown[] }).extra.length,
      stubbed: loader.stubbed.map((s) => s.request),
    }));
    expect(result).toEqual({ extra: 2, stubbed: ['@app/env', '../lib/redis.js', 'left-pad-that-is-not-here', './generated/types', '@sentry/not-installed', '@/flags.js'] });
  });

  it('names the missing modules rather than what their stand-ins made fail, in an async load too', async () => {
    const dir = project('missing-then-fails', {
      'schema.ts': 'import { make } from "./not-there";\nexport const value: number = make().toFixed(2);\n',
    });
    const message = await withModuleLoader({ cwd: dir }, async (loader) => {
      await Promise.resolve();
      return loader.load('schema.ts');
    }).then(
      () => 'loaded',
      (error: Error) => error.message,
    );
    expect(message).toMatch(/^schema\.ts: cannot find module '\.\/not-there' imported by schema\.ts: install it or map it in tsconfig "paths"; /);
  });

  it('stops at a module that throws, as before', () => {
    const dir = project('throws', {
      'tsconfig.json': PATHS,
      'src/env.ts': 'throw new Error("DATABASE_URL is not set");\n',
      'schema.ts': 'import "@/env.js";\nexport const s = 1;\n',
    });
    expect(loadError(dir, 'schema.ts')).toMatch(/^schema\.ts: module '@\/env\.js' imported by schema\.ts threw while loading: DATABASE_URL is not set; /);
  });

  it('leaves a package\'s own failed require to the package (it may catch it: an optional dependency)', () => {
    const dir = project('optional', {
      'node_modules/lib/package.json': '{ "name": "lib", "main": "index.js" }',
      'node_modules/lib/index.js': 'let native = "js"; try { require("lib-native-not-here"); native = "native"; } catch {} exports.native = native;\n',
      'schema.ts': 'import { native } from "lib";\nexport const n = native;\n',
    });
    expect(withModuleLoader({ cwd: dir }, (loader) => (loader.load('schema.ts') as { n: string }).n)).toBe('js');
  });
});

describe('a tsconfig with baseUrl and paths', () => {
  it('says "paths maps it" only for a specifier a paths pattern matches, not for one baseUrl alone offers a folder', () => {
    const dir = project('base-url', {
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@app/*': ['src/*'] } } }),
      'schema.ts': 'import "@app/gone";\nimport "not-installed-package";\n',
    });
    expect(loadError(dir, 'schema.ts')).toMatch(
      /^schema\.ts: cannot find 2 modules: '@app\/gone' imported by schema\.ts \(tsconfig "paths" maps it to src\/gone, which is not there\), 'not-installed-package' imported by schema\.ts: install them or map them in tsconfig "paths"; /,
    );
  });
});
