import type { StubbedModule } from './module-loader';

/** How many stubbed modules the summary line names before "and N more". */
const NAMED_IN_SUMMARY = 4;

/** One module: `stubbed module 'x' (imported by src/a.ts): its exports are inert stand-ins`. */
export function stubbedWarning(stubbed: StubbedModule): string {
  const through = stubbed.via ? ` through ${stubbed.via}` : '';
  const by = stubbed.importer ? ` (imported by ${stubbed.importer}${through})` : stubbed.via ? ` (imported by ${stubbed.via})` : '';
  return `stubbed module '${stubbed.request}'${by}: its exports are inert stand-ins`;
}

/**
 * The stubbed modules of a load as warnings: one line (the module with its importer, or the count
 * and names of several), and as details (shown with `--verbose`) a line per module. Sorted by
 * specifier, so the lines are the same from run to run.
 */
export function stubbedWarnings(stubbed: readonly StubbedModule[]): { warnings: string[]; details: string[] } {
  const sorted = [...stubbed].sort((a, b) => (a.request < b.request ? -1 : a.request > b.request ? 1 : 0));
  if (sorted.length === 0) return { warnings: [], details: [] };
  if (sorted.length === 1) return { warnings: [stubbedWarning(sorted[0] as StubbedModule)], details: [] };
  const named = sorted.slice(0, NAMED_IN_SUMMARY).map((s) => `'${s.request}'`);
  const more = sorted.length - named.length;
  const list = more > 0 ? `${named.join(', ')} and ${more} more` : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
  return {
    warnings: [`stubbed ${sorted.length} modules, their exports inert stand-ins: ${list} (--verbose names each one's importer)`],
    details: sorted.map(stubbedWarning),
  };
}
