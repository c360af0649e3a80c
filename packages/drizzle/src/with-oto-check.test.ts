/**
 * The check `withOto` runs for drizzle-kit, in its child process (the built with-oto-check.js, as
 * drizzle-kit starts it): it ends once its report is written, whatever the schema left running.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const CHECK = path.resolve(__dirname, '../dist/with-oto-check.js');
const projects = tempProjects('with-oto-check');

function run(cwd: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHECK, JSON.stringify({ cwd, config: 'drizzle.config.ts' })], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout });
    });
  });
}

describe('withOto check', () => {
  it('ends after its report when a schema module keeps a timer and a server running (drizzle-kit waited forever)', async () => {
    const dir = projects(
      'running',
      {
        'drizzle.config.ts': `export default { schema: './schema.ts', dialect: 'postgresql' };\n`,
        'schema.ts': `import * as net from 'node:net';\nimport { pgTable, serial } from 'drizzle-orm/pg-core';\nexport const users = pgTable('app_user', { id: serial('id').primaryKey() });\nsetInterval(() => undefined, 1000);\nnet.createServer().listen(0, '127.0.0.1');\n`,
      },
      { 'drizzle-orm': installed('drizzle-orm', path.resolve(__dirname, '..')) },
    );
    const result = await run(dir);
    expect(result.stdout).toMatch(/oto: no findings in 0 one-to-one relations \(of 0 relations\)\n$/);
    expect(result.code).toBe(0);
  }, 180_000);
});
