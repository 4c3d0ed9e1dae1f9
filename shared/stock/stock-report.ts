import { csvFile, csvText } from '../csv';
import { lastUsableDay } from '../clinical/expiry';
import { expiresWithin, isExpired } from './stock-rules';

export interface ReportLot {
  id: string;
  productName: string;
  category: string;
  lot: string;
  expiry: string | null;
  onHand: number;
}

/** Categories in words for the spreadsheet (never a code). */
const categoryWords: Record<string, string> = { cartridge: 'Needle cartridge', serum: 'Serum', topical: 'Topical', other: 'Other' };

/** The twelve months up to and including this one, oldest first ("2026-01" … "2026-12"). */
export function lastMonths(today: string, count = 12): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (count - 1 - index), 1));
    return date.toISOString().slice(0, 7);
  });
}

/**
 * The stock report as one spreadsheet: each lot with what is on hand, whether it is expired or
 * expiring within `days`, and how many were used at sessions in each of the last twelve months.
 * Lots with nothing on hand and nothing used in those months are left out.
 */
export function stockReportCsv(lots: readonly ReportLot[], usedByMonth: ReadonlyMap<string, ReadonlyMap<string, number>>, today: string, days = 30): string {
  const months = lastMonths(today);
  const rows = lots
    .filter((lot) => lot.onHand > 0 || months.some((month) => (usedByMonth.get(lot.id)?.get(month) ?? 0) > 0))
    .map((lot) => [
      lot.productName,
      categoryWords[lot.category] ?? lot.category,
      lot.lot,
      lot.expiry ?? '',
      lot.expiry ? lastUsableDay(lot.expiry) : '',
      String(lot.onHand),
      isExpired(lot.expiry, today) ? 'Expired' : expiresWithin(lot.expiry, today, days) ? `Expires within ${days} days` : '',
      ...months.map((month) => String(usedByMonth.get(lot.id)?.get(month) ?? 0)),
    ]);
  const header = ['Product', 'Category', 'Lot', 'Expiry', 'Last usable day', 'On hand', 'Expiry warning', ...months.map((month) => `Used ${month}`)];
  return csvFile(csvText([header, ...rows]));
}
