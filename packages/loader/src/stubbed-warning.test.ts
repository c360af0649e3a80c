import { tempProjects } from '../../core/src/testing/temp-projects';
import { withModuleLoader } from './index';
import { stubbedWarnings } from './stubbed-warning';

const project = tempProjects('stubbed');

describe('the importer named for a stubbed module', () => {
  it('is the project file behind a package that requires it, never a path inside node_modules', () => {
    const dir = project('through-package', {
      'node_modules/fake-orm/package.json': '{ "name": "fake-orm", "main": "lib/index.js" }',
      'node_modules/fake-orm/lib/index.js': 'exports.driver = require("./driver");\n',
      'node_modules/fake-orm/lib/driver.js': 'module.exports = require("native-driver");\n',
      'src/data-source.ts': 'import { driver } from "fake-orm";\nexport const d = driver;\n',
    });
    const stubbed = withModuleLoader({ cwd: dir, stubs: ['native-driver'] }, (loader) => {
      loader.load('src/data-source.ts');
      return loader.stubbed;
    });
    expect(stubbed).toEqual([{ request: 'native-driver', importer: 'src/data-source.ts', via: 'fake-orm' }]);
    expect(stubbedWarnings(stubbed).warnings).toEqual([
      `stubbed module 'native-driver' (imported by src/data-source.ts through fake-orm): its exports are inert stand-ins`,
    ]);
  });

  it('is the first by name of the files that import it, whatever the load order', () => {
    const files = { 'a.ts': 'import "@app/env";\n', 'z.ts': 'import "@app/env";\n' };
    const importerAfter = (entry: string) => {
      const dir = project(`order-${entry.length}`, { ...files, 'entry.ts': entry });
      return withModuleLoader({ cwd: dir, stubs: ['@app/env'] }, (loader) => {
        loader.load('entry.ts');
        return loader.stubbed.map((s) => s.importer);
      });
    };
    expect(importerAfter('import "./z";\nimport "./a";\n')).toEqual(['a.ts']);
    expect(importerAfter('import "./a";\nimport "./z";\n\n')).toEqual(['a.ts']);
  });
});

describe('stubbedWarnings', () => {
  const m = (request: string, importer?: string) => ({ request, ...(importer ? { importer } : {}) });
  it.each([
    { name: 'none', stubbed: [], warnings: [], details: 0 },
    { name: 'one: the module and its importer', stubbed: [m('@app/env', 'src/a.ts')], warnings: [`stubbed module '@app/env' (imported by src/a.ts): its exports are inert stand-ins`], details: 0 },
    {
      name: 'two, sorted',
      stubbed: [m('zod-env', 'src/b.ts'), m('@app/env', 'src/a.ts')],
      warnings: [`stubbed 2 modules, their exports inert stand-ins: '@app/env' and 'zod-env' (--verbose names each one's importer)`],
      details: 2,
    },
    {
      name: 'six: four named, and the count of the rest',
      stubbed: ['f', 'e', 'd', 'c', 'b', 'a'].map((r) => m(r, 'x.ts')),
      warnings: [`stubbed 6 modules, their exports inert stand-ins: 'a', 'b', 'c', 'd' and 2 more (--verbose names each one's importer)`],
      details: 6,
    },
  ])('$name', ({ stubbed, warnings, details }) => {
    const result = stubbedWarnings(stubbed);
    expect(result.warnings).toEqual(warnings);
    expect(result.details).toHaveLength(details);
  });
});
