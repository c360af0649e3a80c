export { fromTypeorm } from './from-typeorm';
export type { TypeormSchemaInput } from './from-typeorm';
export { loadTypeormModel, modelOfDataSource } from './load-typeorm';
export type { LoadTypeormOptions, LoadedTypeormModel } from './load-typeorm';
export { loadTypeormSource } from './typeorm-source';
export type { MigrationQuery, ReplaySession, TypeormMigrations } from './replay-typeorm';
