/** Marks shared by every copy of @oto/drizzle in a process (the app's and the CLI's). */

/** On a drizzle config object: the options its `withOto` call was given. */
export const OTO_OPTIONS = Symbol.for('oto.drizzle.withOtoOptions');

/** In the environment of the check that `withOto` starts, so the config it loads does not start another. */
export const WITHIN_CHECK_ENV = 'OTO_DRIZZLE_WITHIN_CHECK';
