/**
 * `oto fix` on the Dokploy schema of ../shared/corpus laid out as a Windows checkout has it: every
 * schema module in CRLF, account.ts with a UTF-8 BOM and mode 0600, github.ts reached through a
 * symbolic link. Each of the 6 fixed files gains exactly one line, ending in CRLF like the others,
 * and keeps its BOM, mode and link (the issue saw one LF among account.ts's 289 CRLF lines). Run
 * in-process; skipped when the corpus folder is absent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '@oto/cli';
import { CORPUS, ROOT, copyWritable, hasCorpus, installed, tempDir } from '../support/paths';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const SCHEMA = 'packages/server/src/db/schema';
const PACKAGES = ['drizzle-orm', 'drizzle-zod', 'zod', 'nanoid', '@faker-js/faker'];
const STUBS = ['@dokploy/server/constants', '@dokploy/server/lib/encryption', '@dokploy/server/templates'];

(hasCorpus ? describe : describe.skip)('Dokploy in CRLF: oto fix', () => {
  const root = hasCorpus ? tempDir('dokploy-layout') : '';
  it('adds one CRLF line to each of the 6 files, keeping the BOM, the mode and the link', async () => {
    const dir = path.join(root, 'Dokploy');
    copyWritable(path.join(CORPUS, 'drizzle', 'Dokploy__dokploy'), dir);
    for (const pkg of PACKAGES) {
      fs.mkdirSync(path.dirname(path.join(dir, 'node_modules', pkg)), { recursive: true });
      fs.symlinkSync(installed(pkg, path.join(ROOT, 'test')), path.join(dir, 'node_modules', pkg), 'dir');
    }
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@dokploy/server/*': ['packages/server/src/*'] } } }));
    fs.writeFileSync(path.join(dir, 'drizzle.config.ts'), `export default { schema: './${SCHEMA}/index.ts', dialect: 'postgresql' };\n`);
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ oto: { stub: STUBS } }));

    const folder = path.join(dir, SCHEMA);
    const names = fs.readdirSync(folder).filter((f) => f.endsWith('.ts'));
    for (const name of names) {
      const file = path.join(folder, name);
      fs.writeFileSync(file, `${name === 'account.ts' ? '\uFEFF' : ''}${fs.readFileSync(file, 'utf8').replace(/\r?\n/g, '\r\n')}`);
    }
    fs.chmodSync(path.join(folder, 'account.ts'), 0o600);
    fs.renameSync(path.join(folder, 'github.ts'), path.join(folder, 'github.real.ts'));
    fs.symlinkSync('github.real.ts', path.join(folder, 'github.ts'));
    const read = () => Object.fromEntries(fs.readdirSync(folder).map((f) => [f, fs.readFileSync(path.join(folder, f), 'utf8')]));
    const before = read();

    let stderr = '';
    const code = await runCli(['fix'], { cwd: dir, env: {}, isTTY: false, stdout: () => undefined, stderr: (t) => (stderr += t) });
    expect({ code, stderr: stderr.split('\n').filter((l) => !l.startsWith('oto: warning')).at(-2) }).toEqual({ code: 0, stderr: 'oto: made 6 changes for 6 findings' });

    const after = read();
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]).sort();
    expect(changed).toEqual(['account.ts', 'bitbucket.ts', 'gitea.ts', 'github.real.ts', 'github.ts', 'gitlab.ts', 'rollbacks.ts']);
    for (const file of changed) {
      const added = /\r\n\t+\.unique\("oto_\w+_key"\)/.exec(after[file]!);
      expect(added).not.toBeNull();
      expect(after[file]!.replace(added![0], '')).toBe(before[file]);
      expect(after[file]!.match(/(?<!\r)\n/g)).toBeNull();
    }
    expect(after['account.ts']!.startsWith('\uFEFFimport')).toBe(true);
    expect(fs.statSync(path.join(folder, 'account.ts')).mode & 0o777).toBe(0o600);
    expect(fs.lstatSync(path.join(folder, 'github.ts')).isSymbolicLink()).toBe(true);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 180_000);
});
