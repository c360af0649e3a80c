/** A Drizzle project as a source for `runProjectCheck`: the model, `withOto`'s options, stub warnings. */
import type { LoadedSource, OtoConfig } from '@oto/core';
import { parseConfig } from '@oto/core';
import type { LoadDrizzleOptions, LoadedDrizzleModel } from './load-drizzle';
import { loadDrizzleModel } from './load-drizzle';

export interface DrizzleSource extends LoadedSource {
  readonly loaded: LoadedDrizzleModel;
}

/** `withOto` options are an oto config; a wrong one fails where the drizzle config is named. */
export function parseWithOtoOptions(options: unknown, where: string): OtoConfig {
  return parseConfig(options ?? {}, `${where}: withOto options`);
}

export function loadDrizzleSource(options: LoadDrizzleOptions): DrizzleSource {
  const loaded = loadDrizzleModel(options);
  const overrides =
    loaded.withOtoOptions === undefined ? undefined : parseWithOtoOptions(loaded.withOtoOptions, loaded.configFile ?? 'drizzle config');
  return {
    loaded,
    model: loaded.model,
    ...(overrides ? { overrides } : {}),
    warnings: [
      ...loaded.stubbed.map(
        (s) => `stubbed module '${s.request}'${s.importer ? ` (imported by ${s.importer})` : ''}: its exports are inert stand-ins`,
      ),
      ...loaded.unresolved.map(
        (u) =>
          `${u.origin ? `${u.origin.file}${u.origin.line ? `:${u.origin.line}` : ''}: ` : ''}relation ${u.relation} left out: ${u.reason} (drizzle's queries fail on it too)`,
      ),
    ],
  };
}
