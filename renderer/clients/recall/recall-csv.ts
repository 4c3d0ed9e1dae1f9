import type { ChannelOutput } from '../../../shared/contract/channels';
import { csvText } from '../../../shared/csv';

type LotUse = ChannelOutput<'sessions.findByLot'>[number];

export const recallColumns = ['clientId', 'client', 'born', 'phone', 'email', 'address', 'treated', 'practitioner', 'kind', 'product', 'lot', 'expiry'] as const;
export type RecallColumn = (typeof recallColumns)[number];

/** What a recall letter or call needs: who, how to reach them, when and by whom they were treated, with what. */
export function recallCsv(
  uses: readonly LotUse[],
  text: {
    header: (column: RecallColumn) => string;
    kind: (kind: LotUse['kind']) => string;
    day: (iso: string | null) => string;
    expiry: (expiry: string | null) => string;
    moment: (iso: string) => string;
  },
): string {
  const value = (use: LotUse, column: RecallColumn): string => {
    switch (column) {
      case 'clientId':
        return use.clientId;
      case 'client':
        return use.clientName;
      case 'born':
        return text.day(use.dateOfBirth);
      case 'phone':
        return use.phone;
      case 'email':
        return use.email;
      case 'address':
        return use.address;
      case 'treated':
        return text.moment(use.performedAt);
      case 'practitioner':
        return use.practitionerName;
      case 'kind':
        return text.kind(use.kind);
      case 'product':
        return use.product;
      case 'lot':
        return use.lot;
      case 'expiry':
        return text.expiry(use.expiry);
    }
  };
  return csvText([recallColumns.map(text.header), ...uses.map((use) => recallColumns.map((column) => value(use, column)))]);
}
