/**
 * drizzle-kit's bin for tests that run it often: asynchronously and at most `limit` runs at a time
 * (a 7 MB bundle each, on a 2-core machine), and work that tests share started together.
 */
import { spawn } from 'node:child_process';

export interface KitRun {
  readonly status: number | null;
  /** stdout and stderr, as a terminal shows them. */
  readonly output: string;
}

/** `run(cwd, ...args)` runs `bin` with NO_COLOR and CI set and no input, waiting its turn. */
export function kitRunner(bin: string, limit = 2): (cwd: string, ...args: string[]) => Promise<KitRun> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (cwd, ...args) => {
    while (running >= limit) await new Promise<void>((go) => waiting.push(go));
    running += 1;
    try {
      return await new Promise<KitRun>((done, fail) => {
        const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        child.on('error', fail);
        child.on('close', (status) => done({ status, output }));
      });
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

/**
 * `later(work)`: a thunk whose one promise every caller shares; every thunk made here is started in
 * the file's first beforeAll, together (a failure is the tests' that await it).
 */
export function startedTogether(): <T>(work: () => Promise<T>) => () => Promise<T> {
  const started: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    await Promise.allSettled(started.map((get) => get()));
  });
  return <T>(work: () => Promise<T>) => {
    let promise: Promise<T> | undefined;
    const get = () => (promise ??= work());
    started.push(get);
    return get;
  };
}
