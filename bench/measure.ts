/** Timing helpers shared by the benchmarks: medians over repeated runs, printed as one table. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs `fn` `runs` times (after one warm-up) and returns the median wall time in milliseconds. */
export async function medianMs(fn: () => unknown | Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export interface BenchRow {
  name: string;
  ms: number;
  /** The row this one is compared with; its ratio is `reference.ms / ms` ("× faster"). */
  reference?: string;
  note?: string;
}

export function printTable(title: string, rows: BenchRow[]): void {
  const byName = new Map(rows.map((row) => [row.name, row]));
  const lines = rows.map((row) => {
    const ref = row.reference ? byName.get(row.reference) : undefined;
    const ratio = ref ? `${(ref.ms / row.ms).toFixed(1)}× vs ${ref.name}` : '';
    return `  ${row.name.padEnd(48)} ${row.ms.toFixed(1).padStart(10)} ms  ${ratio}${row.note ? `  (${row.note})` : ''}`;
  });
  console.log(`\n${title}\n${lines.join('\n')}`);
}
