import type { StubbedModule } from './module-loader';

/** The warning shown for a module the loader replaced with a stub. */
export function stubbedWarning(stubbed: StubbedModule): string {
  return `stubbed module '${stubbed.request}'${stubbed.importer ? ` (imported by ${stubbed.importer})` : ''}: its exports are inert stand-ins`;
}
