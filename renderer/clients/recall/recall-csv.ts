import type { ChannelOutput } from '../../../shared/contract/channels';
import { csvText } from '../../../shared/csv';

type LotUse = ChannelOutput<'sessions.findByLot'>[number];

export function recallCsv(
  uses: readonly LotUse[],
  text: { header: string[]; kind: (kind: LotUse['kind']) => string; day: (iso: string | null) => string; moment: (iso: string) => string },
): string {
  const rows = [text.header, ...uses.map((use) => [use.clientName, text.day(use.dateOfBirth), text.moment(use.performedAt), text.kind(use.kind), use.product, use.lot, text.day(use.expiry)])];
  return csvText(rows);
}
