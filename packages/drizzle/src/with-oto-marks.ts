/** Marks shared by every copy of @oto/drizzle in a process (the app's and the CLI's), and how withOto's options are read. */
import type { OtoConfig } from '@oto/core';
import { parseConfig } from '@oto/core';

/** `withOto` options are an oto config; a wrong one fails where the drizzle config is named. */
export function parseWithOtoOptions(options: unknown, where: string): OtoConfig {
  return parseConfig(options ?? {}, `${where}: withOto options`);
}

/** On a drizzle config object: the options its `withOto` call was given. */
export const OTO_OPTIONS = Symbol.for('oto.drizzle.withOtoOptions');

/** In the environment of the check that `withOto` starts, so the config it loads does not start another. */
export const WITHIN_CHECK_ENV = 'OTO_DRIZZLE_WITHIN_CHECK';
