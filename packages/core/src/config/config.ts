import { z } from 'zod';
import { RULES, NAMING_MODES } from '../rules';
import type { Rule } from '../rules';
import type { Severity } from '../diagnostics';
import { UserError } from '../errors';
import { describeConfigError } from './describe-config-error';

export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'] as const;
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];
/** `warn`, eslint's spelling, is accepted for `warning` (config, generator block, flags). */
export function canonicalSeverity<T extends string>(value: T | 'warn'): T | 'warning' {
  return value === 'warn' ? 'warning' : (value as T);
}

const severitySetting = z.enum([...SEVERITY_SETTINGS, 'warn']).transform((s) => (s === 'warn' ? 'warning' : s));
const ruleSetting = z.union([severitySetting, z.tuple([severitySetting, z.record(z.string(), z.unknown())])], {
  error: `expected a severity (error, warning or warn, info, off) or [severity, options]`,
});

/** The oto configuration, as written in `oto.config.*`, `package.json#oto` or a generator block. */
export const otoConfigSchema = z
  .object({
    /** Severity, or [severity, options], by rule id. */
    rules: z.partialRecord(z.enum(RULES.map((r) => r.id) as [string, ...string[]]), ruleSetting).optional(),
    /** The `oto_` naming convention that `one-to-one-naming` checks. */
    naming: z.enum(NAMING_MODES).optional(),
    /** Findings on these tables (database or ORM names) or relations (name, `Model.field` or `table.field`) are dropped. */
    ignore: z
      .object({ tables: z.array(z.string()).optional(), relations: z.array(z.string()).optional() })
      .strict()
      .optional(),
    /** The lowest severity that fails the run. */
    failOn: z
      .enum([...FAIL_ON, 'warn'])
      .transform((s) => (s === 'warn' ? 'warning' : s))
      .optional(),
    /**
     * Modules replaced by inert stubs when oto loads Drizzle or TypeORM sources (import specifiers
     * or project paths, globs allowed): app modules that need secrets, env vars or servers to load.
     */
    stub: z.array(z.string().min(1)).optional(),
    /**
     * Where the typed one-to-one accessors go (`oto generate accessors` without --out; `withOto`
     * writes them each time drizzle-kit loads the config). Prisma's come from its generator.
     */
    accessors: z.object({ out: z.string().min(1) }).strict().optional(),
    /**
     * Migration replay (`--migrations`): `prelude` lists SQL run before the first migration, in
     * order, for what the hosting platform creates: a prelude oto ships (`supabase`) or a `.sql`
     * file relative to the config file's folder.
     */
    replay: z.object({ prelude: z.array(z.string().min(1)).optional() }).strict().optional(),
    /**
     * Where the rule docs (docs/rules/<id>.md, shipped in @oto/core) are published: a base URL
     * (`<docsUrl>/<rule id>.md`) or one with `{ruleId}`. SARIF rules then carry a `helpUri`.
     */
    docsUrl: z.url().optional(),
    /**
     * The TypeORM data source module (what the TypeORM CLI takes as -d), relative to the config
     * file's folder: `oto check`, `fix` and `generate` read it without --typeorm.
     */
    typeorm: z.string().min(1).optional(),
    /**
     * `oto check --usage`: the tsconfig of the application code (a solution tsconfig's references
     * are followed), and globs of files to keep or leave out (relative to the tsconfig's folder).
     */
    usage: z
      .object({ tsconfig: z.string().min(1).optional(), include: z.array(z.string().min(1)).optional(), exclude: z.array(z.string().min(1)).optional() })
      .strict()
      .optional(),
  })
  .strict();

export type OtoConfig = z.infer<typeof otoConfigSchema>;

export interface ResolvedRule {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly options: unknown;
}

export interface ResolvedConfig {
  /** The rules that run (those not turned off), in registry order. */
  readonly rules: readonly ResolvedRule[];
  readonly ignore: { readonly tables: ReadonlySet<string>; readonly relations: ReadonlySet<string> };
  readonly failOn: FailOn;
  /** The config's `docsUrl`: where the rule docs are published. */
  readonly docsUrl?: string;
}

/**
 * `path.to.key: message` for one problem zod found: a misspelt key first (`output` for `out` also
 * leaves `out` missing, and the misspelling is what the user must fix), else the first.
 */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues.find((i) => i.code === 'unrecognized_keys') ?? error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Merges configs left to right: later ones win key by key (rules merge per rule, stubs add up). */
export function mergeConfigs(...configs: readonly OtoConfig[]): OtoConfig {
  return configs.reduce<OtoConfig>(
    (acc, c) => ({
      ...acc,
      ...c,
      rules: { ...acc.rules, ...c.rules },
      ignore: { ...acc.ignore, ...c.ignore },
      ...(acc.stub || c.stub ? { stub: [...new Set([...(acc.stub ?? []), ...(c.stub ?? [])])] } : {}),
    }),
    {},
  );
}

/** Validates a config; `source` names where it came from in the one-line error. */
export function parseConfig(input: unknown, source: string): OtoConfig {
  const parsed = otoConfigSchema.safeParse(input ?? {});
  if (!parsed.success) throw new UserError(`${source}: ${describeConfigError(parsed.error, otoConfigSchema)}`);
  return parsed.data;
}

/** Turns a validated config into the rules to run with their severities and options. */
export function resolveConfig(config: OtoConfig, source = 'config'): ResolvedConfig {
  const rules: ResolvedRule[] = [];
  for (const rule of RULES) {
    const setting = config.rules?.[rule.id];
    const [severity, given] = Array.isArray(setting) ? setting : [setting ?? rule.defaultSeverity, {}];
    const naming = rule.id === 'one-to-one-naming' && config.naming ? { mode: config.naming } : {};
    if (severity === 'off' || (rule.id === 'one-to-one-naming' && config.naming === 'off')) continue;
    const options = rule.options.safeParse({ ...(rule.defaultOptions as object), ...naming, ...given });
    if (!options.success) throw new UserError(`${source}: rules.${rule.id}: ${describeZodError(options.error)}`);
    rules.push({ rule, severity, options: options.data });
  }
  return {
    rules,
    ignore: { tables: new Set(config.ignore?.tables ?? []), relations: new Set(config.ignore?.relations ?? []) },
    failOn: config.failOn ?? 'error',
    ...(config.docsUrl ? { docsUrl: config.docsUrl } : {}),
  };
}
