import type { AuditTrailRow } from '../../shared/contract/audit-channels';
import { csvText } from '../../shared/csv';
import type { ClinicSettings } from '../../shared/settings';

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A moment as the clinic's wall clock showed it: the day in the clinic's date order, the time,
 * and the offset from UTC then (so a row written in summer time reads right in winter).
 */
export function clinicLocalTime(iso: string, dateFormat: ClinicSettings['dateFormat']): string {
  const at = new Date(iso);
  const [y, m, d] = [String(at.getFullYear()).padStart(4, '0'), two(at.getMonth() + 1), two(at.getDate())];
  const day = dateFormat === 'DD/MM/YYYY' ? `${d}/${m}/${y}` : dateFormat === 'MM/DD/YYYY' ? `${m}/${d}/${y}` : `${y}-${m}-${d}`;
  const east = -at.getTimezoneOffset();
  const offset = `${east < 0 ? '-' : '+'}${two(Math.floor(Math.abs(east) / 60))}:${two(Math.abs(east) % 60)}`;
  return `${day} ${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())} (UTC${offset})`;
}

const auditCsvHeader = ['Row', 'Time UTC (ISO 8601)', 'Time (clinic)', 'Staff', 'Action', 'Entity', 'Id', 'Detail'];

/**
 * The trail for an inspector: one line per row, oldest last as on screen. Client names are left
 * out on purpose: the file leaves the encrypted store, and the ids tie each line to the record.
 */
export function auditCsv(rows: readonly AuditTrailRow[], dateFormat: ClinicSettings['dateFormat']): string {
  return csvText([
    auditCsvHeader,
    ...rows.map((row) => [
      String(row.seq),
      row.at,
      clinicLocalTime(row.at, dateFormat),
      row.staffName ?? (row.staffId ? row.staffId : ''),
      row.action,
      row.entity ?? '',
      row.entityId ?? '',
      row.detail,
    ]),
  ]);
}
