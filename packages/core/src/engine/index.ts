export * from './check';
export * from './run-project-check';
