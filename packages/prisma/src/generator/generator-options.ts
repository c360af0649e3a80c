/**
 * The options of the `generator oto { … }` block. Prisma hands them over as strings (or lists of
 * strings); they are validated here, and an unknown or ill-typed one fails `prisma generate` with one line.
 */
import { z } from 'zod';
import { FAIL_ON, NAMING_MODES, RULE_IDS, SEVERITY_SETTINGS, UserError, canonicalSeverity, describeConfigError, didYouMean } from '@oto/core';
import type { OtoConfig } from '@oto/core';

const ruleSetting = z.string().transform((text, ctx): [string, string] => {
  const match = /^\s*([a-z-]+)\s*[=:]\s*([a-z]+)\s*$/.exec(text);
  const fail = (message: string): [string, string] => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (!match) return fail(`"${text}": expected "<rule-id> = <severity>", e.g. "one-to-one-naming = off"`);
  const [, id = '', given = ''] = match;
  const severity = canonicalSeverity(given);
  if (!RULE_IDS.includes(id)) {
    const guess = didYouMean(id, RULE_IDS);
    return fail(`unknown rule "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}: one of ${RULE_IDS.join(', ')}`);
  }
  if (!(SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
    return fail(`unknown severity "${given}" for ${id}: one of ${SEVERITY_SETTINGS.join(', ')} (warn for warning)`);
  }
  return [id, severity];
});

export const generatorOptionsSchema = z
  .object({
    /** The lowest severity that fails `prisma generate`: error (default), warning or never. */
    failOn: z
      .enum([...FAIL_ON, 'warn'])
      .transform((s) => (s === 'warn' ? 'warning' : s))
      .optional(),
    /** The oto_ naming convention: prefix (default), infix or off. */
    naming: z.enum(NAMING_MODES).optional(),
    /** Rule severities: `rules = ["one-to-one-naming = off", "hidden-one-to-one = error"]`. */
    rules: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(ruleSetting)).optional(),
    /** An oto config file, relative to the schema; by default the project's own is found. */
    config: z.string().optional(),
    /** Write accessors.ts, the one-to-one accessors as a Prisma Client extension (default: true when the schema has a client generator). */
    accessors: z.enum(['true', 'false']).optional(),
  })
  .strict();

export type GeneratorOptions = z.infer<typeof generatorOptionsSchema>;

export function parseGeneratorOptions(raw: Readonly<Record<string, unknown>>): GeneratorOptions {
  const parsed = generatorOptionsSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`generator oto: ${describeConfigError(parsed.error, generatorOptionsSchema)}`);
  return parsed.data;
}

/** The block's settings as an oto config (to merge over the project's config file). */
export function toConfig(options: GeneratorOptions): OtoConfig {
  const settings = options.rules ?? [];
  return {
    ...(options.failOn ? { failOn: options.failOn } : {}),
    ...(options.naming ? { naming: options.naming } : {}),
    ...(settings.length > 0 ? { rules: Object.fromEntries(settings) as OtoConfig['rules'] } : {}),
  };
}

