export * from './fix';
export * from './plan-sql-changes';
export * from './render-sql';
export * from './source-edits';
