/** `oto check`: read the schema, run the rules, print the report, say by exit code whether it passed. */
import * as path from 'node:path';
import {
  buildReport,
  check,
  format,
  loadConfigFile,
  mergeConfigs,
  reaches,
  resolveConfig,
} from '@oto/core';
import type { FailOn, Format } from '@oto/core';
import { loadPrismaModel } from '@oto/prisma';
import type { CliIo } from './io';

export interface CheckOptions {
  /** `--prisma [path]`: true when given without a path. */
  readonly prisma?: string | true;
  readonly format: Format;
  readonly config?: string;
  readonly failOn?: FailOn;
}

export const EXIT = { ok: 0, findings: 1, input: 2 } as const;

export async function runCheck(options: CheckOptions, io: CliIo, version: string): Promise<number> {
  const { config: fileConfig, file } = await loadConfigFile(
    options.config ? { cwd: io.cwd, file: options.config } : { cwd: io.cwd },
  );
  const merged = mergeConfigs(fileConfig, options.failOn ? { failOn: options.failOn } : {});
  const config = resolveConfig(merged, file ? path.relative(io.cwd, file) || file : 'config');
  const schema = typeof options.prisma === 'string' ? options.prisma : undefined;
  const { model } = await loadPrismaModel(schema ? { schema, cwd: io.cwd } : { cwd: io.cwd });
  const report = buildReport(check(model, config), { cwd: io.cwd });
  io.stdout(format(report, options.format, { color: io.isTTY && !io.env.NO_COLOR, toolVersion: version }));
  return reaches(report.diagnostics, config.failOn) ? EXIT.findings : EXIT.ok;
}
