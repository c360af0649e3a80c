export { readUsage } from './run-usage';
export { openPrograms, readUsageConfigs } from './load-project';
export type { UsageConfig, UsageProgram, UsageProjectOptions } from './load-project';
export { createDrizzleRecogniser } from './drizzle/recognise-drizzle';
export { loadSqlParser } from './sql/sql-parser';
export type { LoadedSqlParser } from './sql/sql-parser';
