export { readUsage } from './run-usage';
export { loadUsagePrograms } from './load-project';
export type { UsageProjectOptions, UsageProgram } from './load-project';
export { createDrizzleRecogniser } from './drizzle/recognise-drizzle';
