/** A TypeORM project as a source for `runProjectCheck`: the model, the loader's notes and the stub warnings. */
import type { LoadedSource } from '@oto/core';
import { stubbedWarnings } from '@oto/loader';
import type { LoadTypeormOptions } from './load-typeorm';
import { loadTypeormModel } from './load-typeorm';

export async function loadTypeormSource(options: LoadTypeormOptions): Promise<LoadedSource> {
  const loaded = await loadTypeormModel(options);
  const stubs = stubbedWarnings(loaded.stubbed);
  return {
    model: loaded.model,
    warnings: [...loaded.notes, ...stubs.warnings],
    details: stubs.details,
    ...(loaded.database ? { database: loaded.database } : {}),
  };
}
