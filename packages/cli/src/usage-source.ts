/**
 * `oto check --usage`: the application code's queries, read by @oto/usage. That package (and
 * ts-morph with its TypeScript) is loaded only here, when --usage is given: a user who never
 * checks the code does not pay for it.
 */
import * as path from 'node:path';
import { UserError, relativeFile } from '@oto/core';
import type { OtoConfig, SchemaModel, UsageFacts } from '@oto/core';

type UsageModule = typeof import('@oto/usage');

function loadUsageModule(): UsageModule {
  try {
    return require('@oto/usage') as UsageModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes("'@oto/usage'")) {
      throw new UserError('--usage needs the @oto/usage package: npm install --save-dev @oto/usage');
    }
    throw error;
  }
}

/** Reads the queries of the tsconfig `--usage` names (else the config's `usage.tsconfig`, else ./tsconfig.json), raw SQL with the dialect's parser. */
export async function readProjectUsage(given: string | true, model: SchemaModel, config: OtoConfig, cwd: string): Promise<UsageFacts> {
  const tsconfig = typeof given === 'string' ? given : (config.usage?.tsconfig ?? 'tsconfig.json');
  const usage = loadUsageModule();
  const sql = await usage.loadSqlParser(model.dialect);
  return usage.readUsage(model, {
    tsconfig,
    cwd,
    ...(config.usage?.include ? { include: config.usage.include } : {}),
    ...(config.usage?.exclude ? { exclude: config.usage.exclude } : {}),
  }, sql);
}

/** What --usage read, one line; with --verbose each query oto could not resolve below it. */
export function describeUsage(usage: UsageFacts, cwd: string, verbose: boolean): string {
  const tsconfig = relativeFile(path.resolve(cwd, usage.tsconfig), cwd);
  const lines = [
    `oto: usage: ${usage.queries.length + usage.unresolved.length} queries in ${usage.files} files of ${tsconfig}, ${usage.unresolved.length} not resolved${usage.unresolved.length > 0 && !verbose ? ' (--verbose lists them)' : ''}`,
  ];
  if (verbose) {
    for (const u of usage.unresolved) lines.push(`  ${relativeFile(u.location.file, cwd)}:${u.location.line}:${u.location.column}: ${u.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
