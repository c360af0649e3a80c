/**
 * `oto check --drizzle … --usage` against `tsc --noEmit` of the same generated application
 * (BENCH_FILES modules of queries, default 1,000, over a schema of BENCH_USAGE_TABLES tables):
 * the type-check is the floor, oto reads the same program. Cold processes, alternating, medians
 * compared; the peak memory (largest resident set of each command's processes, from
 * /usr/bin/time when present) is printed beside it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compare, row } from './measure';
import { generatedDrizzleApp } from './usage-app';

const ROOT = path.resolve(__dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TIME = '/usr/bin/time';

function installed(name: string): string {
  for (let dir = path.join(ROOT, 'examples/drizzle'); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(candidate)) return fs.realpathSync(candidate);
    if (dir === path.dirname(dir)) throw new Error(`${name} is not installed`);
  }
}

/** Runs a node command; with /usr/bin/time, records its peak resident set (kB) in `peaks`. */
function runner(cwd: string, args: string[], peaks: number[], ok: (status: number | null) => boolean) {
  const out = path.join(cwd, `.peak-${path.basename(args[0] ?? 'cmd')}`);
  return (): Promise<void> => {
    const timed = fs.existsSync(TIME);
    const [command, argv] = timed ? [TIME, ['-f', '%M', '-o', out, process.execPath, ...args]] : [process.execPath, args];
    const result = spawnSync(command, argv, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 });
    if (!ok(result.status)) throw new Error(`${args.join(' ')}: exit ${result.status}: ${result.stderr.slice(0, 2000)}`);
    if (timed) peaks.push(Number(fs.readFileSync(out, 'utf8').trim().split('\n').pop()));
    return Promise.resolve();
  };
}

const mb = (kb: number[]) => (kb.length === 0 ? 'n/a' : `${(Math.max(...kb) / 1024).toFixed(0)} MB`);

async function main(): Promise<void> {
  const files = Number(process.env.BENCH_FILES ?? 1000);
  const tables = Number(process.env.BENCH_USAGE_TABLES ?? 200);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oto-bench-usage-'));
  try {
    fs.mkdirSync(path.join(dir, 'node_modules'));
    for (const pkg of ['drizzle-orm', 'pg', '@types/pg']) {
      fs.mkdirSync(path.dirname(path.join(dir, 'node_modules', pkg)), { recursive: true });
      fs.symlinkSync(installed(pkg), path.join(dir, 'node_modules', pkg), 'dir');
    }
    for (const [file, text] of Object.entries(generatedDrizzleApp(tables, files))) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const tsc = [path.join(installed('typescript'), 'bin/tsc'), '--noEmit', '-p', 'tsconfig.json'];
    const oto = [path.join(ROOT, 'packages/cli/bin/oto.js'), 'check', '--drizzle', 'schema.ts', '--usage', 'tsconfig.json', '--format', 'json'];
    const peaks = { oto: [] as number[], tsc: [] as number[] };
    const otoRun = runner(dir, oto, peaks.oto, (s) => s === 0 || s === 1);
    const tscRun = runner(dir, tsc, peaks.tsc, (s) => s === 0);
    const usage = spawnSync(process.execPath, oto, { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    console.log(`oto check --usage vs tsc --noEmit of the same project (median of ${RUNS} cold runs each, ${os.cpus().length} cores)`);
    console.log(`  ${usage.stderr.split('\n').find((l) => l.startsWith('oto: usage:')) ?? usage.stderr.trim().split('\n')[0]}`);
    const result = await compare(RUNS, otoRun, tscRun);
    console.log(`${row(`generated Drizzle app (${files.toLocaleString('en')} files, ${tables} tables)`, result, 1.2)}   peak memory oto ${mb(peaks.oto)}, tsc ${mb(peaks.tsc)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
