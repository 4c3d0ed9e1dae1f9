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

/** Each pair's ours-over-bare ratio: their median and interquartile range, and how many pairs. */
export interface PairedRatio {
  median: number;
  q1: number;
  q3: number;
  pairs: number;
}

/** Both sides' timings and the ratios of their pairs. */
export interface Paired {
  ours: Timing;
  bare: Timing;
  ratio: PairedRatio;
}

export function pairedRatio(oursMs: readonly number[], bareMs: readonly number[]): PairedRatio {
  const ratios = oursMs.map((ms, i) => ms / Math.max(bareMs[i]!, 0.001)).sort((a, b) => a - b);
  return { median: round(percentile(ratios, 50)), q1: round(percentile(ratios, 25)), q3: round(percentile(ratios, 75)), pairs: ratios.length };
}

function pairedFrom(oursMs: number[], bareMs: number[]): Paired {
  return { ours: summarise(oursMs), bare: summarise(bareMs), ratio: pairedRatio(oursMs, bareMs) };
}

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * Ours and the bare work on the same input `i`, one straight after the other, the side that goes
 * first alternating: a burst of load on a shared machine falls on both sides of a pair alike, and
 * neither side always finds the caches the other just warmed. `warmUp` untimed pairs first (JIT).
 */
export function pairedEach(count: number, warmUp: number, ours: (i: number) => void, bare: (i: number) => void): Paired {
  for (let i = 0; i < warmUp; i++) {
    ours(-1 - i);
    bare(-1 - i);
  }
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  const time = (work: (i: number) => void, i: number, into: number[]) => {
    const start = process.hrtime.bigint();
    work(i);
    into.push(elapsedMs(start));
  };
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      time(ours, i, oursMs);
      time(bare, i, bareMs);
    } else {
      time(bare, i, bareMs);
      time(ours, i, oursMs);
    }
  }
  return pairedFrom(oursMs, bareMs);
}

/** pairedEach for work that waits (IPC, files, the event loop's next turn). */
export async function pairedEachAsync(count: number, warmUp: number, ours: (i: number) => Promise<void>, bare: (i: number) => Promise<void>): Promise<Paired> {
  for (let i = 0; i < warmUp; i++) {
    await ours(-1 - i);
    await bare(-1 - i);
  }
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  const time = async (work: (i: number) => Promise<void>, i: number, into: number[]) => {
    const start = process.hrtime.bigint();
    await work(i);
    into.push(elapsedMs(start));
  };
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      await time(ours, i, oursMs);
      await time(bare, i, bareMs);
    } else {
      await time(bare, i, bareMs);
      await time(ours, i, oursMs);
    }
  }
  return pairedFrom(oursMs, bareMs);
}
