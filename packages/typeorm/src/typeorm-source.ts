/** A TypeORM project as a source for `runProjectCheck`: the model, the loader's notes and the stub warnings. */
import type { LoadedSource } from '@oto/core';
import { stubbedWarning } from '@oto/loader';
import type { LoadTypeormOptions } from './load-typeorm';
import { loadTypeormModel } from './load-typeorm';

export async function loadTypeormSource(options: LoadTypeormOptions): Promise<LoadedSource> {
  const loaded = await loadTypeormModel(options);
  return { model: loaded.model, warnings: [...loaded.notes, ...loaded.stubbed.map(stubbedWarning)], ...(loaded.database ? { database: loaded.database } : {}) };
}
