import * as path from 'node:path';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { describeLoadError } from './describe-load-error';
import { withModuleLoader } from './module-loader';

const projects = tempProjects('syntax-error');
const BROKEN = `export class User {\n  id = 1;\n  name: string = 'x' +;\n}\n`;

describe('a module that does not parse is named at file:line:column, with no stub advice', () => {
  const dir = projects(
    'project',
    {
      'tsconfig.json': '{"compilerOptions":{"strict":true,"experimentalDecorators":true}}',
      'src/entity/user.ts': BROKEN,
      'src/data-source.ts': `import { User } from './entity/user';\nexport const entities = [User];\n`,
      'src/broken.js': `module.exports = {\n  a: 1,,\n};\n`,
      'src/unclosed.ts': `export class User {\n  id = 1;\n`,
    },
    { typescript: installed('typescript', __dirname) },
  );

  it.each([
    ['swc', 'src/data-source.ts', /^src\/data-source\.ts: src\/entity\/user\.ts:3:23: syntax error: Expression expected$/],
    // TypeScript would emit code anyway (Node's parser then pointing into it): its own diagnostic names the source.
    ['project-typescript', 'src/data-source.ts', /^src\/data-source\.ts: src\/entity\/user\.ts:3:23: syntax error: Expression expected\.$/],
    // A missing brace TypeScript recovers from: the emitted code would run, without the class body's end.
    ['project-typescript', 'src/unclosed.ts', /^src\/unclosed\.ts: src\/unclosed\.ts:3:1: syntax error: '}' expected\.$/],
    ['swc', 'src/broken.js', /^src\/broken\.js: src\/broken\.js:2:8: syntax error: /],
  ] as const)('compiled with %s: %s', (compiler, entry, message) => {
    let error: unknown;
    try {
      withModuleLoader({ cwd: dir, compiler }, (loader) => loader.load(entry));
    } catch (e) {
      error = e;
    }
    expect(describeLoadError(error, entry, dir).message).toMatch(message);
  });

  it('without the project folder the file is named by its absolute path', () => {
    let error: unknown;
    try {
      withModuleLoader({ cwd: dir }, (loader) => loader.load('src/data-source.ts'));
    } catch (e) {
      error = e;
    }
    expect(describeLoadError(error, 'src/data-source.ts').message).toBe(`src/data-source.ts: ${path.join(dir, 'src/entity/user.ts')}:3:23: syntax error: Expression expected`);
  });
});
