import type { ChannelOutput } from '../../../shared/contract/channels';

type LotUse = ChannelOutput<'sessions.findByLot'>[number];

/**
 * One CSV field: quoted when it holds a comma, quote or line break, and defused when it starts
 * like a spreadsheet formula (=, +, -, @), so a name typed as "=HYPERLINK(...)" stays text.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function recallCsv(
  uses: readonly LotUse[],
  text: { header: string[]; kind: (kind: LotUse['kind']) => string; day: (iso: string | null) => string; moment: (iso: string) => string },
): string {
  const rows = [text.header, ...uses.map((use) => [use.clientName, text.day(use.dateOfBirth), text.moment(use.performedAt), text.kind(use.kind), use.product, use.lot, text.day(use.expiry)])];
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
