/** A Drizzle project as a source for `runProjectCheck`: the model, `withOto`'s options, stub warnings. */
import type { LoadedSource } from '@oto/core';
import { stubbedWarnings } from '@oto/loader';
import type { LoadDrizzleOptions } from './load-drizzle';
import { loadDrizzleModel } from './load-drizzle';

export function loadDrizzleSource(options: LoadDrizzleOptions): LoadedSource {
  const loaded = loadDrizzleModel(options);
  const stubs = stubbedWarnings(loaded.stubbed);
  return {
    model: loaded.model,
    ...(loaded.withOtoOptions ? { overrides: loaded.withOtoOptions } : {}),
    warnings: [
      ...stubs.warnings,
      ...loaded.unresolved.map(
        (u) =>
          `${u.origin ? `${u.origin.file}${u.origin.line ? `:${u.origin.line}` : ''}: ` : ''}relation ${u.relation} left out: ${u.reason} (drizzle's queries fail on it too)`,
      ),
    ],
    details: stubs.details,
  };
}
