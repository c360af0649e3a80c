/**
 * How a module in oto's generator output imports the schema's Prisma Client. `prisma-client`
 * writes `client.<generatedFileExtension>` into its output and imports its own files with an
 * extension it infers from the tsconfig governing that output (unless `importFileExtension` is
 * set); oto's module imports the client the same way, so it compiles wherever the client does.
 * `prisma-client-js` is `@prisma/client` in its default place, else its output folder.
 */
import * as path from 'node:path';
import { relativeImport } from '@oto/core';
import type { GeneratorConfig } from '@prisma/generator';

const CLIENT_PROVIDERS = ['prisma-client', 'prisma-client-ts', 'prisma-client-js'];

/** The compiler options Prisma reads for the import style (from the nearest tsconfig.json). */
export interface TsCompilerOptions {
  readonly module?: string;
  readonly moduleResolution?: string;
  readonly allowImportingTsExtensions?: boolean;
  readonly rewriteRelativeImportExtensions?: boolean;
}

/** The client's own import extension: `importFileExtension`, else what Prisma infers from tsconfig ('' = none). */
export function clientImportExtension(config: GeneratorConfig['config'], tsconfig: TsCompilerOptions | undefined): string {
  if (typeof config.importFileExtension === 'string') return config.importFileExtension;
  const generated = typeof config.generatedFileExtension === 'string' ? config.generatedFileExtension : 'ts';
  if (config.runtime === 'deno' || !tsconfig) return generated;
  if (tsconfig.allowImportingTsExtensions || tsconfig.rewriteRelativeImportExtensions) return generated;
  if (tsconfig.module?.toLowerCase() === 'commonjs' || tsconfig.moduleResolution?.toLowerCase() === 'bundler') return '';
  return { ts: 'js', mts: 'mjs', cts: 'cjs' }[generated] ?? generated;
}

/** The import specifier of the client for a module in `outDir`; undefined when the schema generates no client. */
export function clientModule(
  generators: readonly GeneratorConfig[],
  outDir: string,
  readTsconfig: (dir: string) => TsCompilerOptions | undefined,
): string | undefined {
  const client = generators.find((g) => CLIENT_PROVIDERS.includes(g.provider.value ?? ''));
  if (!client) return undefined;
  const output = client.output?.value;
  if (client.provider.value === 'prisma-client-js') {
    if (!output || output.split(path.sep).includes('node_modules')) return '@prisma/client';
    return relativeImport(outDir, output, false);
  }
  if (!output) return undefined;
  const extension = clientImportExtension(client.config, readTsconfig(output));
  const bare = relativeImport(outDir, path.join(output, 'client'), false);
  return extension ? `${bare}.${extension}` : bare;
}
