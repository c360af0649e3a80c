export { fromDmmf, prismaDefaultName, toDialect } from './from-dmmf';
export type { PrismaSchemaInput } from './from-dmmf';
export { findPrismaSchema } from './load-prisma-schema';
export type { FindSchemaOptions, FoundSchema } from './load-prisma-schema';
export { loadPrismaModel, prepareSchema, readPrismaModel } from './load-prisma-model';
export type { LoadedPrismaModel } from './load-prisma-model';
export { describePrismaError } from './prisma-errors';
export { findPartialUniques, findRelationMode, locateDeclarations, unknownPreviewFeatures, withoutConnectionUrls, withoutPreviewFeatures } from './schema-text';
export type { PartialUnique, SchemaFile, RelationMode } from './schema-text';
