/**
 * The check `withOto` runs in a child process: `node with-oto-check.js '{"cwd":…,"config":…}'`.
 * Prints the report; exit 0 to let drizzle-kit go on, 1 when the findings reach `failOn`, 2 for bad input.
 */
import { formatText, oneLine, redactSecrets, runProjectCheck, UserError } from '@oto/core';
import { generateDrizzleAccessors } from './accessors/generate-drizzle-accessors';
import { loadDrizzleSource } from './drizzle-source';

async function main(): Promise<number> {
  const { cwd, config } = JSON.parse(process.argv[2] ?? '{}') as { cwd: string; config?: string };
  let accessors: { out: string; stubs: readonly string[] } | undefined;
  const result = await runProjectCheck({
    cwd,
    load: (otoConfig) => {
      const source = loadDrizzleSource({ cwd, ...(config ? { config } : {}), stubs: otoConfig.stub ?? [] });
      const out = source.overrides?.accessors?.out ?? otoConfig.accessors?.out;
      if (out) accessors = { out, stubs: [...(otoConfig.stub ?? []), ...(source.overrides?.stub ?? [])] };
      return source;
    },
  });
  for (const warning of result.warnings) process.stderr.write(`oto: warning: ${warning}\n`);
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  process.stdout.write(formatText(result.report, { color }));
  if (result.failed) {
    process.stderr.write(`oto: one-to-one problems at or above "${result.config.failOn}": drizzle-kit stopped\n`);
    return 1;
  }
  if (accessors) {
    // Asked for with `accessors: { out }`: the accessors follow the schema drizzle-kit is about to use.
    const written = generateDrizzleAccessors({ cwd, ...(config ? { config } : {}), out: accessors.out, stubs: accessors.stubs });
    if (written.outcome === 'written') process.stderr.write(`oto: wrote ${written.file} (${written.accessors} accessors)\n`);
  }
  return 0;
}

// The check ends this process itself once its result is written: timers, sockets or servers the
// schema modules left open must not keep drizzle-kit waiting for it.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UserError) process.stderr.write(`oto: ${redactSecrets(error.message)}\n`);
    else process.stderr.write(`oto: unexpected error: ${redactSecrets(oneLine(error))}\n`);
    if (process.env.OTO_DEBUG) process.stderr.write(`${redactSecrets(String((error as Error)?.stack ?? error))}\n`);
    process.exit(2);
  },
);
