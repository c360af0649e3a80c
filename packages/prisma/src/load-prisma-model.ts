import { stripVTControlCharacters } from 'node:util';
import type { SchemaModel } from '@oto/core';
import { UserError } from '@oto/core';
import { getConfig, getDMMF } from '@prisma/internals';
import { fromDmmf } from './from-dmmf';
import { findPrismaSchema } from './load-prisma-schema';
import type { FindSchemaOptions, FoundSchema } from './load-prisma-schema';
import { describePrismaError } from './prisma-errors';
import { unknownPreviewFeatures, withoutConnectionUrls, withoutPreviewFeatures } from './schema-text';
import type { SchemaFile } from './schema-text';

export interface LoadedPrismaModel {
  readonly schema: FoundSchema;
  readonly model: SchemaModel;
}

function toDatamodel(files: readonly SchemaFile[]): [string, string][] {
  return files.map((f) => [f.path, f.content]);
}

/**
 * The datasource, from `getConfig` (fast): when it rejects preview features that Prisma no longer
 * knows, they are dropped and the config read again, so the slow `getDMMF` runs once.
 */
async function readDatasource(files: readonly SchemaFile[]) {
  try {
    return { files, config: await getConfig({ datamodel: toDatamodel(files) }) };
  } catch (error) {
    const retired = unknownPreviewFeatures(stripVTControlCharacters(error instanceof Error ? error.message : String(error)));
    if (retired.length === 0) throw error;
    const kept = withoutPreviewFeatures(files, retired);
    return { files: kept, config: await getConfig({ datamodel: toDatamodel(kept) }) };
  }
}

/** The files as Prisma 7 accepts them (see readPrismaModel) and their config, with the datasource. */
export function prepareSchema(files: readonly SchemaFile[]) {
  return readDatasource(withoutConnectionUrls(files));
}

/**
 * Reads the schema's DMMF and datasource, then maps it. Schemas written for Prisma 5 and 6 read too:
 * connection URLs are set aside and preview features Prisma no longer knows are dropped (they do not
 * change the data model). Anything else Prisma rejects becomes one line naming file and line.
 */
export async function readPrismaModel(schema: FoundSchema): Promise<SchemaModel> {
  try {
    const { files, config } = await prepareSchema(schema.files);
    const datasource = config.datasources[0];
    if (!datasource) throw new UserError(`${schema.schemaPath}: the schema has no datasource block: add one with a provider`);
    const dmmf = await getDMMF({ datamodel: toDatamodel(files) });
    return fromDmmf({ datamodel: dmmf.datamodel, provider: datasource.activeProvider, files: schema.files });
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(describePrismaError(error));
  }
}

export async function loadPrismaModel(options: FindSchemaOptions): Promise<LoadedPrismaModel> {
  const schema = await findPrismaSchema(options);
  return { schema, model: await readPrismaModel(schema) };
}
