import type { Paired, PairedRatio, Timing } from './measure';

/** One line of the benchmark table: our figure, the bare library's for the same work, and the target. */
export interface Row {
  row: string;
  work: string;
  ours: Timing | { value: number; unit: string };
  baseline: Timing | null;
  /** The median of the pairs' ours-over-bare ratios with its interquartile range (never one draw). */
  ratio: PairedRatio | null;
  target: string;
  pass: boolean | null;
}

/**
 * The table's order, as the performance targets list it. Rows of features built on other branches (consent PDF,
 * photo import, compare) slot in here by name when their code lands: each adds its own measuring
 * file beside this one and pushes its row; the table sorts by this list.
 */
export const rowOrder = [
  'open',
  'key derivation',
  'sign in',
  'unlock',
  'search',
  'profile',
  'write',
  'home',
  'diary',
  'audit trail',
  'first consent',
  'consent sign',
  'consent PDF',
  'photo import',
  'compare',
  'backup',
  'backup memory',
  'import',
  'audit anchor',
  'audit verify',
  'seed',
  'memory',
  'bundle',
  'first screen',
  'cold start',
];

export function byTableOrder(a: Row, b: Row): number {
  const place = (row: Row) => (rowOrder.includes(row.row) ? rowOrder.indexOf(row.row) : rowOrder.length);
  return place(a) - place(b);
}

/** Fewer pairs than this give a ratio, but no verdict on a target that is a ratio or a tail. */
export const minimumPairs = 8;

/** A row comparing ours with bare work, from paired runs. */
export function pairedRow(row: string, work: string, paired: Paired, target: string, pass: boolean | null): Row {
  return { row, work, ours: paired.ours, baseline: paired.bare, ratio: paired.ratio, target, pass: paired.ratio.pairs >= minimumPairs ? pass : null };
}

/** "1.02× (IQR 0.97–1.08, 400 pairs)" */
export function describeRatio(ratio: PairedRatio | null): string {
  return ratio === null ? '—' : `${ratio.median}× (IQR ${ratio.q1}–${ratio.q3}, ${ratio.pairs} pairs)`;
}
