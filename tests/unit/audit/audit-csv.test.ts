import { describe, expect, it } from 'vitest';
import { auditCsv, clinicLocalTime } from '../../../main/audit/audit-csv';

// The cells themselves (formula defusing, quoting) are the one CSV writer's: tests/unit/client-export/csv.test.ts.
describe('the audit trail as CSV for an inspector’s spreadsheet', () => {
  it('writes the clinic time in the clinic’s day order with the offset', () => {
    const iso = '2026-03-02T09:05:07.000Z';
    const local = new Date(iso);
    const pad = (n: number) => String(n).padStart(2, '0');
    const expected = `${pad(local.getDate())}/${pad(local.getMonth() + 1)}/${local.getFullYear()} ${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}`;
    expect(clinicLocalTime(iso, 'DD/MM/YYYY')).toMatch(new RegExp(`^${expected.replace(/[/()+]/g, '\\$&')} \\(UTC[+-]\\d\\d:\\d\\d\\)$`));
    expect(clinicLocalTime(iso, 'YYYY-MM-DD').slice(0, 10)).toBe(`${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`);
  });

  it('one header and one line per row, CRLF, no client names', () => {
    const text = auditCsv(
      [{ seq: 7, at: '2026-03-02T09:05:07.000Z', staffId: 's1', staffName: 'Ada', action: 'client.view', entity: 'client', entityId: 'c1', entityName: 'Zoë Client', purged: false, detail: '-' }],
      'YYYY-MM-DD',
    );
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^7,2026-03-02T09:05:07.000Z,2026-03-0\d \d\d:\d\d:07 \(UTC[+-]\d\d:\d\d\),Ada,client\.view,client,c1,'-$/);
    expect(text).not.toContain('Zoë');
  });
});
