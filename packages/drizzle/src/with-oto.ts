/**
 * `withOto(defineConfig({...}), options?)` for drizzle.config.ts: each time drizzle-kit loads its
 * config (generate, migrate, push, check, …), oto checks the schema first and stops drizzle-kit
 * with the report when the findings reach `failOn`.
 *
 * drizzle-kit requires its config synchronously, so the check runs in a child process (which
 * loads the schema on its own, with oto's loader) and this call waits for it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { OtoConfig } from '@oto/core';
import { oneLine } from '@oto/core';
import { parseWithOtoOptions } from './drizzle-source';
import { LOADING_CONFIG, OTO_OPTIONS, WITHIN_CHECK_ENV } from './with-oto-marks';

/** The oto config for this drizzle config: rules, naming, ignore, failOn, stub. */
export type WithOtoOptions = OtoConfig;

/** drizzle-kit's `--config <file>` / `--config=<file>`, if given. */
export function drizzleKitConfigArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--config') return argv[i + 1];
    if (arg.startsWith('--config=')) return arg.slice('--config='.length);
  }
  return undefined;
}

export function withOto<T extends object>(config: T, options: WithOtoOptions = {}): T {
  let parsed: OtoConfig;
  try {
    parsed = parseWithOtoOptions(options, 'drizzle config');
  } catch (error) {
    process.stderr.write(`oto: ${oneLine(error)}\n`);
    process.exit(2);
  }
  Object.defineProperty(config, OTO_OPTIONS, { value: parsed, enumerable: false, configurable: true });
  if ((globalThis as Record<symbol, unknown>)[LOADING_CONFIG] || process.env[WITHIN_CHECK_ENV]) return config;

  const drizzleConfig = drizzleKitConfigArgument(process.argv);
  const request = JSON.stringify({ cwd: process.cwd(), ...(drizzleConfig ? { config: drizzleConfig } : {}) });
  const result = spawnSync(process.execPath, [path.join(__dirname, 'with-oto-check.js'), request], {
    stdio: 'inherit',
    env: { ...process.env, [WITHIN_CHECK_ENV]: '1' },
  });
  if (result.error) {
    process.stderr.write(`oto: could not start the schema check: ${oneLine(result.error)}\n`);
    process.exit(2);
  }
  if (result.status !== 0) process.exit(result.status ?? 2);
  return config;
}
