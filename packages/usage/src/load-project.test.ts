import * as path from 'node:path';
import { tempProjects } from '../../core/src/testing/temp-projects';
import { openPrograms, readUsageConfigs } from './load-project';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const project = tempProjects('usage-load');
const TS = { compilerOptions: { strict: true, module: 'commonjs', target: 'es2022', skipLibCheck: true } };

describe('the programs of a solution tsconfig', () => {
  const dir = project('solution', {
    'tsconfig.json': JSON.stringify({ files: [], references: [{ path: './app' }, { path: './server' }] }),
    'app/tsconfig.json': JSON.stringify({ ...TS, include: ['*.ts'] }),
    'app/main.ts': `import { shared } from '../server/shared';\nexport const main = shared;\n`,
    'server/tsconfig.json': JSON.stringify({ ...TS, include: ['*.ts'], exclude: ['skipped.ts'] }),
    'server/shared.ts': 'export const shared = 1;\n',
    'server/lonely.ts': 'export const lonely = 2;\n',
    'server/skipped.ts': 'export const skipped = 3;\n',
  });

  it('follows the references, and analyses a file once: in the first program that loads it', () => {
    const configs = readUsageConfigs({ tsconfig: 'tsconfig.json', cwd: dir });
    expect(configs.map((c) => [path.relative(dir, c.tsconfig), c.files.map((f) => path.relative(dir, f))])).toEqual([
      ['app/tsconfig.json', ['app/main.ts']],
      ['server/tsconfig.json', ['server/lonely.ts', 'server/shared.ts']],
    ]);
    const programs = [...openPrograms(configs)].map((p) => [path.relative(dir, p.tsconfig), p.files.map((f) => path.relative(dir, f))]);
    expect(programs).toEqual([
      ['app/tsconfig.json', ['app/main.ts', 'server/shared.ts']],
      ['server/tsconfig.json', ['server/lonely.ts']],
    ]);
  });

  it('include and exclude globs of the oto config narrow the files', () => {
    const configs = readUsageConfigs({ tsconfig: 'tsconfig.json', cwd: dir, exclude: ['server/lonely.ts'] });
    expect(configs.flatMap((c) => c.files.map((f) => path.relative(dir, f)))).toEqual(['app/main.ts', 'server/shared.ts']);
  });
});
