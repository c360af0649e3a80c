/** Median wall time of a few alternating runs: alternation spreads the machine's noise over both sides. */
export async function compare(
  runs: number,
  subject: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
): Promise<{ subject: number; baseline: number; ratio: number }> {
  const times = { subject: [] as number[], baseline: [] as number[] };
  await subject(); // warm both: the first call pays for loading Prisma's wasm
  await baseline();
  for (let i = 0; i < runs; i += 1) {
    for (const [key, fn] of [['subject', subject], ['baseline', baseline]] as const) {
      const start = process.hrtime.bigint();
      await fn();
      times[key].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const subjectMs = median(times.subject);
  const baselineMs = median(times.baseline);
  return { subject: subjectMs, baseline: baselineMs, ratio: subjectMs / baselineMs };
}

export function row(name: string, r: { subject: number; baseline: number; ratio: number }, target?: number): string {
  const verdict = target === undefined ? '' : r.ratio <= target ? `  (target ≤ ${target}: met)` : `  (target ≤ ${target}: NOT met)`;
  return `${name.padEnd(44)} oto ${r.subject.toFixed(0).padStart(6)} ms   baseline ${r.baseline.toFixed(0).padStart(6)} ms   ratio ${r.ratio.toFixed(2)}${verdict}`;
}
