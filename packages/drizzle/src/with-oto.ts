/**
 * `withOto(defineConfig({...}), options?)` for drizzle.config.ts: each time drizzle-kit loads its
 * config (generate, migrate, push, check, …), oto checks the schema first and stops drizzle-kit
 * with the report when the findings reach `failOn`.
 *
 * drizzle-kit requires its config synchronously, so the check runs in a child process (which
 * loads the schema on its own, with oto's loader) and this call waits for it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { OtoConfig } from '@oto/core';
import { oneLine } from '@oto/core';
import { OTO_OPTIONS, WITHIN_CHECK_ENV } from './with-oto-marks';

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

/**
 * Whether drizzle-kit is the program running (`node …/drizzle-kit/bin.cjs`, or its `.bin` link):
 * the config may also be loaded by oto itself or by app code, which must not start a check.
 */
export function launchedByDrizzleKit(argv: readonly string[]): boolean {
  const script = argv[1];
  if (!script) return false;
  let real = script;
  try {
    real = fs.realpathSync(script);
  } catch {
    // keep the path as given
  }
  return [script, real].some((p) => p.split(/[\\/]/).includes('drizzle-kit'));
}

export function withOto<T extends object>(config: T, options: WithOtoOptions = {}): T {
  // Validated where the config is read (the check below, or `oto check`): one line naming the file.
  Object.defineProperty(config, OTO_OPTIONS, { value: options, enumerable: false, configurable: true });
  if (!launchedByDrizzleKit(process.argv) || process.env[WITHIN_CHECK_ENV]) return config;

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
