import type { Timing } from './measure';

/** One line of the benchmark table: our figure, the bare library's for the same work, and the target. */
export interface Row {
  row: string;
  work: string;
  ours: Timing | { value: number; unit: string };
  baseline: Timing | null;
  ratio: number | null;
  target: string;
  pass: boolean | null;
}

/**
 * The table's order, as the performance targets list it. Rows of features built on other branches (consent PDF,
 * photo import, compare) slot in here by name when their code lands: each adds its own measuring
 * file beside this one and pushes its row; the table sorts by this list.
 */
export const rowOrder = ['open', 'unlock', 'sign in', 'search', 'profile', 'write', 'home', 'audit trail', 'consent PDF', 'photo import', 'compare', 'backup', 'import', 'audit anchor', 'audit verify', 'seed', 'memory', 'bundle', 'first screen'];

export function byTableOrder(a: Row, b: Row): number {
  const place = (row: Row) => (rowOrder.includes(row.row) ? rowOrder.indexOf(row.row) : rowOrder.length);
  return place(a) - place(b);
}
