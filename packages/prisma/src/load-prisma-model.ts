import { stripVTControlCharacters } from 'node:util';
import type { OtoConfig, SchemaModel } from '@oto/core';
import { shownPath, UserError } from '@oto/core';
import { fromDmmf } from './from-dmmf';
import { findPrismaSchema } from './load-prisma-schema';
import type { FindSchemaOptions, FoundSchema } from './load-prisma-schema';
import { adaptPrisma5Views, restoreViewKeys, viewsAdaptedWarning } from './prisma-5-views';
import { generatorBlockConfig } from './generator/generator-block';
import { describePrismaError } from './prisma-errors';
import { readSchemaConfig, readSchemaDmmf } from './schema-engine';
import type { SchemaConfig } from './schema-engine';
import { unknownPreviewFeatures, withoutConnectionUrls, withoutPreviewFeatures } from './schema-text';
import type { SchemaFile } from './schema-text';

export interface LoadedPrismaModel {
  readonly schema: FoundSchema;
  readonly model: SchemaModel;
  /** What was adapted for Prisma 7 in a schema written for Prisma 5 or 6, in one line, if anything. */
  readonly warnings: readonly string[];
  /** The settings of the schema's `generator oto` block ({} without one): over the config file, as in `prisma generate`. */
  readonly overrides: OtoConfig;
}

/**
 * The datasource, from the engine's config (fast): when it rejects preview features that Prisma no
 * longer knows, they are dropped and the config read again, so the slow DMMF is read once.
 */
async function readDatasource(files: readonly SchemaFile[]): Promise<{ files: readonly SchemaFile[]; config: SchemaConfig }> {
  try {
    return { files, config: readSchemaConfig(files) };
  } catch (error) {
    const retired = unknownPreviewFeatures(stripVTControlCharacters(error instanceof Error ? error.message : String(error)));
    if (retired.length === 0) throw error;
    const kept = withoutPreviewFeatures(files, retired);
    return { files: kept, config: readSchemaConfig(kept) };
  }
}

/** The files as Prisma 7 accepts them (see readPrismaModel) and their config, with the datasource. */
export function prepareSchema(files: readonly SchemaFile[]) {
  return readDatasource(adaptPrisma5Views(withoutConnectionUrls(files)).files);
}

/**
 * Reads the schema's DMMF and datasource, then maps it. Schemas written for Prisma 5 and 6 read too:
 * connection URLs are set aside and preview features Prisma no longer knows are dropped (they do not
 * change the data model), and views keep the `@id` and `@@index` Prisma 5 took (prisma-5-views),
 * said in one warning. Anything else Prisma rejects becomes one line naming file and line.
 */
export async function readPrismaSchema(schema: FoundSchema, cwd = process.cwd()): Promise<{ model: SchemaModel; warnings: string[]; overrides: OtoConfig }> {
  // The files Prisma was given last, to locate its error's column in.
  let given: readonly SchemaFile[] = schema.files;
  try {
    const views = adaptPrisma5Views(withoutConnectionUrls(schema.files));
    given = views.files;
    const { files, config } = await readDatasource(views.files);
    given = files;
    const datasource = config.datasources[0];
    if (!datasource) throw new UserError(`${shownPath(cwd, schema.schemaPath)}: the schema has no datasource block: add one with a provider`);
    const dmmf = readSchemaDmmf(files);
    const datamodel = restoreViewKeys(dmmf.datamodel, views.keys);
    const warning = viewsAdaptedWarning(views, (file) => shownPath(cwd, file));
    const overrides = generatorBlockConfig(config.generators, (file) => shownPath(cwd, file || schema.schemaPath));
    return { model: fromDmmf({ datamodel, provider: datasource.activeProvider, files: schema.files }), warnings: warning ? [warning] : [], overrides };
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(describePrismaError(error, given, (file) => shownPath(cwd, file)));
  }
}

/** The model alone (see readPrismaSchema). */
export async function readPrismaModel(schema: FoundSchema): Promise<SchemaModel> {
  return (await readPrismaSchema(schema)).model;
}

export async function loadPrismaModel(options: FindSchemaOptions): Promise<LoadedPrismaModel> {
  const schema = await findPrismaSchema(options);
  return { schema, ...(await readPrismaSchema(schema, options.cwd)) };
}
