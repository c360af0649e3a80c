/** The load watch lives in core (the config loader marks its loads too); the loader re-exports it. */
export { setLoadWatch, watchedLoad } from '@oto/core';
export type { LoadWatch } from '@oto/core';
