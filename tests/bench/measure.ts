import { readFileSync } from 'node:fs';

/** Timing helpers for the benchmark: repeated runs, median and p95, no averages that hide tails. */
export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: samples.length, medianMs: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)) };
}

export function timeEach(count: number, work: (i: number) => void): Timing {
  for (let i = 0; i < Math.min(20, count); i++) work(i); // warm caches and JIT first
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    work(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarise(samples);
}

export async function timeEachAsync(count: number, work: (i: number) => Promise<void>): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await work(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarise(samples);
}

export function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/**
 * Peak resident memory of this process so far, in MB. On Linux from VmHWM, the high-water mark of
 * this process's own memory: getrusage's maxRSS (process.resourceUsage) carries over the parent's
 * size from before exec, so a child forked by a large benchmark process reported the parent's
 * peak, not its own.
 */
export function peakRssMb(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
    if (kb) return Math.round(Number(kb) / 1024);
  } catch {
    // Not Linux: getrusage is the figure there is.
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
