/**
 * @oto/runtime: the only module oto's generated accessors import. No dependencies.
 */
export { OneToOneNotFoundError, OneToOneViolationError, formatKey } from './errors';
export type { OneToOneKey, OneToOneRead } from './errors';
export { atMostOne, exactlyOne } from './guards';
