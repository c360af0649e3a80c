/**
 * A data source module may connect when it is imported (`AppDataSource.initialize()` at its end,
 * as TypeORM's own project template does). oto never connects: while the module loads and the
 * metadata is built, the project's DataSource answers `initialize()` and `connect()` itself,
 * resolved with the DataSource and no connection.
 */
import { createRequire } from 'node:module';
import type { ModuleLoader } from '@oto/loader';

type Connecting = { prototype: Record<'initialize' | 'connect', unknown> };

/** The project's DataSource class (the copy of TypeORM the data source file imports), if it resolves. */
function projectDataSource(file: string, loader: ModuleLoader): Connecting | undefined {
  try {
    const typeorm = loader.load(createRequire(file).resolve('typeorm')) as { DataSource?: Connecting };
    return typeof typeorm.DataSource === 'function' ? typeorm.DataSource : undefined;
  } catch {
    return undefined; // TypeORM then says itself what is missing, when the data source imports it.
  }
}

/** Runs `run` with `initialize()`/`connect()` of the project's DataSource answered without connecting. */
export async function withoutConnecting<T>(file: string, loader: ModuleLoader, run: () => Promise<T>): Promise<T> {
  const DataSource = projectDataSource(file, loader);
  if (!DataSource) return run();
  const own = Object.getOwnPropertyDescriptors(DataSource.prototype);
  const answer = function (this: unknown) {
    return Promise.resolve(this);
  };
  for (const name of ['initialize', 'connect'] as const) {
    if (typeof own[name]?.value === 'function') Object.defineProperty(DataSource.prototype, name, { ...own[name], value: answer });
  }
  try {
    return await run();
  } finally {
    for (const name of ['initialize', 'connect'] as const) {
      const descriptor = own[name];
      if (descriptor) Object.defineProperty(DataSource.prototype, name, descriptor);
    }
  }
}
