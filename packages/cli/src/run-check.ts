/** `oto check`: read the schema, run the rules, print the report, say by exit code whether it passed. */
import { format, redactSecrets, runProjectCheck, UserError } from '@oto/core';
import type { FailOn, Format, LoadedSource, OtoConfig, ProjectCheck, SchemaModel } from '@oto/core';
import { drizzleAdapter, findDrizzleConfigHere, prismaAdapter, typeormAdapter } from './adapters';
import { planDatabase } from './database-source';
import type { DatabaseOptions, DatabasePlan } from './database-source';
import type { CliIo } from './io';
import { describeUsage, readProjectUsage } from './usage-source';
import { useColor } from './color';
import { step } from './progress';

/** The schema source and the database of a check: what `oto check` and `oto generate sql` take. */
export interface SourceOptions extends DatabaseOptions {
  /** `--prisma [path]`: true when given without a path. */
  readonly prisma?: string | true;
  /** `--drizzle [config]`: true when given without a path. */
  readonly drizzle?: string | true;
  /** `--typeorm <data source file>`. */
  readonly typeorm?: string;
  /** `--stub <pattern>`, repeatable. */
  readonly stub?: readonly string[];
  readonly config?: string;
}

export interface CheckOptions extends SourceOptions {
  readonly format: Format;
  readonly failOn?: FailOn;
  /** `--usage [tsconfig]`: true when given without a path. */
  readonly usage?: string | true;
  readonly verbose?: boolean;
  /** `--color` / `--no-color`; else the environment decides (see useColor). */
  readonly color?: boolean;
}

export const EXIT = { ok: 0, findings: 1, input: 2 } as const;

const ORMS = ['prisma', 'drizzle', 'typeorm'] as const;
export type Orm = (typeof ORMS)[number];

/** The ORM flag given; without one, Drizzle when a drizzle.config.* is here, else Prisma. */
function chooseOrm(options: SourceOptions, cwd: string): Orm {
  const given = ORMS.filter((orm) => options[orm] !== undefined);
  if (given.length > 1) {
    throw new UserError(`${given.map((orm) => `--${orm}`).join(' and ')} name ${given.length} schema sources: check one at a time`);
  }
  return given[0] ?? (findDrizzleConfigHere(cwd) ? 'drizzle' : 'prisma');
}

async function loadSource(orm: Orm, options: SourceOptions, config: OtoConfig, cwd: string, database: DatabasePlan): Promise<LoadedSource> {
  const path = (flag: string | true | undefined) => (typeof flag === 'string' ? flag : undefined);
  if (orm === 'drizzle') {
    const given = path(options.drizzle);
    // A schema module given instead of a config (any file not named *config.*) is read without one.
    const isConfig = given === undefined || /config\.([cm]?[jt]s|json)$/i.test(given);
    return drizzleAdapter().loadDrizzleSource({
      cwd,
      ...(given !== undefined ? (isConfig ? { config: given } : { schemaFiles: [given] }) : {}),
      stubs: config.stub ?? [],
    });
  }
  if (orm === 'typeorm') {
    return typeormAdapter().loadTypeormSource({
      cwd,
      dataSource: options.typeorm as string,
      stubs: config.stub ?? [],
      ...(database.kind === 'source' ? { migrations: database.typeorm } : {}),
    });
  }
  const schema = path(options.prisma);
  // The schema's generator oto block over the config file, as in `prisma generate`.
  const { model, warnings, overrides } = await prismaAdapter().loadPrismaModel(schema ? { schema, cwd } : { cwd });
  return { model, warnings, overrides };
}

/** The project's check for the schema source and database the options name (warnings printed; their details with `verbose`). */
/** What the spinner says while a source loads (TypeORM's and Drizzle's compile the project's modules). */
const LOADING: Record<Orm, string> = {
  prisma: 'reading the Prisma schema',
  drizzle: 'compiling and loading the Drizzle schema',
  typeorm: 'compiling the TypeORM entities and building their metadata',
};

export async function checkProject(
  options: SourceOptions & { readonly failOn?: FailOn; readonly usage?: string | true; readonly verbose?: boolean },
  io: CliIo,
): Promise<ProjectCheck & { readonly orm: Orm }> {
  const orm = chooseOrm(options, io.cwd);
  const database = planDatabase(options, orm, io.cwd);
  const overrides: OtoConfig = {
    ...(options.failOn ? { failOn: options.failOn } : {}),
    ...(options.stub?.length ? { stub: [...options.stub] } : {}),
  };
  const result = await runProjectCheck({
    cwd: io.cwd,
    ...(options.config ? { configFile: options.config } : {}),
    overrides,
    load: (config) => step(io, LOADING[orm], () => loadSource(orm, options, config, io.cwd, database)),
    ...(database.kind === 'compare'
      ? { database: (declared: SchemaModel) => step(io, options.migrations !== undefined ? 'replaying the migrations' : 'reading the database', () => database.read(declared)) }
      : {}),
    ...(options.usage !== undefined
      ? { usage: async (model: SchemaModel, config: OtoConfig) => step(io, 'type-checking the application code (--usage)', () => readProjectUsage(options.usage!, model, config, io.cwd)) }
      : {}),
  });
  for (const warning of result.warnings) io.stderr(`oto: warning: ${redactSecrets(warning)}\n`);
  if (options.verbose) for (const detail of result.details) io.stderr(`oto:   ${detail}\n`);
  return { ...result, orm };
}

export async function runCheck(options: CheckOptions, io: CliIo, version: string): Promise<number> {
  const result = await checkProject(options, io);
  if (result.result.usage) io.stderr(describeUsage(result.result.usage, io.cwd, options.verbose === true));
  io.stdout(format(result.report, options.format, { color: useColor(io, options.color), toolVersion: version, verbose: options.verbose === true, ...(result.config.docsUrl ? { docsUrl: result.config.docsUrl } : {}) }));
  return result.failed ? EXIT.findings : EXIT.ok;
}
