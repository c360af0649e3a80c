export { runCli } from './cli';
export { processIo } from './io';
export type { CliIo } from './io';
export { runCheck, EXIT } from './run-check';
export type { CheckOptions } from './run-check';
