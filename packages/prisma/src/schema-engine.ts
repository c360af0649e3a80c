/**
 * What oto asks of Prisma's schema engine (@prisma/prisma-schema-wasm, the same build that
 * @prisma/get-dmmf runs): the datasource and generator blocks of a schema, and its DMMF. A schema
 * Prisma rejects throws an Error holding Prisma's own report (`error: …`, `-->  file:line`, and
 * `Validation Error Count: n` when it counts them), which describePrismaError makes one line of.
 */
import type * as DMMF from '@prisma/dmmf';
import type { DataSource, GeneratorConfig } from '@prisma/generator';
import { getDMMF } from '@prisma/get-dmmf';
import { get_config } from '@prisma/prisma-schema-wasm';
import type { SchemaFile } from './schema-text';

/** The blocks of a schema that are no data model. */
export interface SchemaConfig {
  readonly datasources: readonly DataSource[];
  readonly generators: readonly GeneratorConfig[];
  readonly warnings: readonly string[];
}

interface ConfigResponse {
  readonly config?: SchemaConfig;
  readonly errors?: readonly { readonly message?: unknown }[];
}

/** The engine's input: every file of the schema with its path, which its messages then name. */
function toEngineFiles(files: readonly SchemaFile[]): [string, string][] {
  return files.map((f) => [f.path, f.content]);
}

/** An engine call that threw (not a validation error: a crash, or input it could not read). */
function engineFailure(call: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`Prisma's schema engine failed in ${call} (${message}): run prisma validate on the schema`);
}

/**
 * The datasource and generator blocks, as `prisma generate` hands them to generators. Errors in
 * those blocks throw (the data model itself is validated by readSchemaDmmf). `binaryTargets` are
 * left as the schema writes them: oto runs no engine binary.
 */
export function readSchemaConfig(files: readonly SchemaFile[]): SchemaConfig {
  let response: ConfigResponse;
  try {
    response = JSON.parse(get_config(JSON.stringify({ prismaSchema: toEngineFiles(files) }))) as ConfigResponse;
  } catch (error) {
    throw engineFailure('get_config', error);
  }
  const errors = (response.errors ?? []).map((e) => String(e.message ?? ''));
  if (errors.length > 0) throw new Error(`${errors.join('\n\n')}\nValidation Error Count: ${errors.length}`);
  if (!response.config) throw engineFailure('get_config', 'no config in its answer');
  return response.config;
}

/** The engine's error text: a JSON `{ error_code, message }` for a schema it rejects, else as it came. */
function engineMessage(error: Error): string | undefined {
  try {
    const parsed = JSON.parse(error.message) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : undefined;
  } catch {
    return undefined;
  }
}

/** The schema's DMMF; a schema Prisma rejects throws its validation report. */
export function readSchemaDmmf(files: readonly SchemaFile[]): DMMF.Document {
  const result = getDMMF({ datamodel: toEngineFiles(files) });
  if (!('error' in result)) return result;
  const message = result.error instanceof Error ? engineMessage(result.error) : undefined;
  if (message !== undefined) throw new Error(message);
  throw engineFailure(`get_dmmf ${result.reason}`, result.error);
}
