export * from './fix';
export * from './plan-sql-changes';
export * from './render-sql';
export * from './inert-text';
export type { SqlRunner } from './sql-guard';
export * from './source-edits';
