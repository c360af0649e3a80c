/**
 * relationFieldLocator with ts-morph (its bundled TypeScript, ~0.3 s to load) required at the first
 * field it locates: a schema without relations, and whatever loads @oto/drizzle without reading a
 * schema (`oto fix` planning, a drizzle.config that imports `withOto`), never loads it.
 */
import type { RelationFieldLocator } from './relation-field-locator';

type LocatorModule = typeof import('./relation-field-locator');

export function lazyRelationFieldLocator(files: ReadonlyMap<string, string> | undefined): RelationFieldLocator {
  let locate: RelationFieldLocator | undefined;
  return (owner, keys) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    locate ??= (require('./relation-field-locator') as LocatorModule).relationFieldLocator(files);
    return locate(owner, keys);
  };
}
