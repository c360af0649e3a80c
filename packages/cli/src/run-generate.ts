/**
 * `oto generate accessors`: write the typed single-row accessors of every one-to-one, for Drizzle
 * (`--drizzle [config]`) or TypeORM (`--typeorm <data source>`), into `--out <file>`. Prisma's
 * come from the generator in the schema (`generator oto`), next to the Prisma Client.
 */
import { loadConfigFile, UserError } from '@oto/core';
import type { GeneratedAccessors } from '@oto/core';
import { drizzleAdapter, findDrizzleConfigHere, typeormAdapter } from './adapters';
import type { CliIo } from './io';
import { EXIT } from './run-check';

export interface GenerateAccessorsOptions {
  readonly prisma?: string | true;
  readonly drizzle?: string | true;
  readonly typeorm?: string;
  readonly out?: string;
  readonly stub?: readonly string[];
  readonly config?: string;
}

async function generate(options: GenerateAccessorsOptions, cwd: string, out: string, stubs: readonly string[]): Promise<GeneratedAccessors> {
  if (options.prisma !== undefined) {
    throw new UserError(
      'Prisma accessors come from the oto generator: add `generator oto { provider = "oto-prisma" }` to the schema and run `prisma generate` (it writes accessors.ts next to the report)',
    );
  }
  if (options.drizzle !== undefined && options.typeorm !== undefined) throw new UserError('--drizzle and --typeorm name two schema sources: generate one at a time');
  if (options.typeorm !== undefined) return typeormAdapter().generateTypeormAccessors({ cwd, dataSource: options.typeorm, out, stubs });
  if (options.drizzle === undefined && !findDrizzleConfigHere(cwd)) {
    throw new UserError(`no drizzle.config.* in ${cwd}: pass --drizzle <config> or --typeorm <data source>`);
  }
  const given = typeof options.drizzle === 'string' ? options.drizzle : undefined;
  const isConfig = given === undefined || /config\.([cm]?[jt]s|json)$/i.test(given);
  return drizzleAdapter().generateDrizzleAccessors({ cwd, ...(given !== undefined ? (isConfig ? { config: given } : { schemaFiles: [given] }) : {}), out, stubs });
}

export async function runGenerateAccessors(options: GenerateAccessorsOptions, io: CliIo): Promise<number> {
  const { config } = await loadConfigFile({ cwd: io.cwd, ...(options.config ? { file: options.config } : {}) });
  const out = options.out ?? config.accessors?.out;
  if (!out) throw new UserError('generate accessors: pass --out <file>, the module to write (e.g. --out src/db/oto-accessors.ts), or set accessors.out in the oto config');
  const stubs = [...(config.stub ?? []), ...(options.stub ?? [])];
  const result = await generate(options, io.cwd, out, stubs);
  const what = `${result.accessors} accessor${result.accessors === 1 ? '' : 's'}`;
  io.stdout(result.outcome === 'written' ? `oto: wrote ${result.file} (${what})\n` : `oto: ${result.file} is up to date (${what})\n`);
  for (const s of result.skipped) io.stdout(`oto: no accessor for ${s.relation}: ${s.reason}\n`);
  return EXIT.ok;
}
