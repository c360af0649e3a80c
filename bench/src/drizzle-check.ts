/**
 * `oto check --drizzle` against what drizzle-kit itself takes to load the same schema: its
 * `generate` when nothing changed (it loads the config and every schema module, builds its
 * snapshot and finds no difference). Both run as the commands users type, cold processes,
 * alternating; the median of each is compared.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generatedDrizzleSchema } from './generated-schema';
import { compare, row } from './measure';

const ROOT = path.resolve(__dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function installed(name: string): string {
  for (let dir = path.join(ROOT, 'examples/drizzle'); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(candidate)) return fs.realpathSync(candidate);
    if (dir === path.dirname(dir)) throw new Error(`${name} is not installed`);
  }
}

function run(cwd: string, args: string[]): Promise<void> {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')}: exit ${result.status}: ${result.stderr}`);
  return Promise.resolve();
}

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_TABLES ?? 1000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oto-bench-drizzle-'));
  try {
    fs.mkdirSync(path.join(dir, 'node_modules'));
    for (const pkg of ['drizzle-orm', 'drizzle-kit']) fs.symlinkSync(installed(pkg), path.join(dir, 'node_modules', pkg), 'dir');
    fs.writeFileSync(path.join(dir, 'schema.ts'), generatedDrizzleSchema(n));
    fs.writeFileSync(path.join(dir, 'drizzle.config.ts'), "export default { schema: './schema.ts', out: './migrations', dialect: 'postgresql' };\n");
    const drizzleKit = [path.join(installed('drizzle-kit'), 'bin.cjs'), 'generate'];
    const oto = [path.join(ROOT, 'packages/cli/bin/oto.js'), 'check', '--drizzle', 'drizzle.config.ts', '--format', 'json'];
    await run(dir, drizzleKit); // the first generate writes the snapshot; the measured ones find no change
    console.log(`oto check --drizzle vs drizzle-kit generate with no changes (median of ${RUNS} cold runs each, ${os.cpus().length} cores)`);
    const result = await compare(RUNS, () => run(dir, oto), () => run(dir, drizzleKit));
    console.log(row(`generated (${n.toLocaleString('en')} tables)`, result, 1.3));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
