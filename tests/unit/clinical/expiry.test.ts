import { describe, expect, it } from 'vitest';
import { Expiry, expiryState, isMonthExpiry, lastUsableDay, lotsByExpiry, parseMonthYear } from '../../../shared/clinical/expiry';
import { Lot } from '../../../shared/clinical/session';

describe('lot expiry as packs print it', () => {
  it('reads month and year in the forms packs use, and nothing else', () => {
    expect(parseMonthYear('01/2025')).toBe('2025-01');
    expect(parseMonthYear('1/2025')).toBe('2025-01');
    expect(parseMonthYear(' 12-2027 ')).toBe('2027-12');
    expect(parseMonthYear('06.2026')).toBe('2026-06');
    expect(parseMonthYear('2026-06')).toBe('2026-06');
    expect(parseMonthYear('03/27')).toBe('2027-03');
    expect(parseMonthYear('13/2025')).toBeNull();
    expect(parseMonthYear('00/2025')).toBeNull();
    expect(parseMonthYear('01/02/2025')).toBeNull();
    expect(parseMonthYear('Jan 2025')).toBeNull();
    expect(parseMonthYear('')).toBeNull();
  });

  it('stores which one was typed: a month stays a month, a day stays a day', () => {
    expect(Lot.parse({ name: 'Serum', lot: 'A1', expiry: '2025-01' }).expiry).toBe('2025-01');
    expect(Lot.parse({ name: 'Serum', lot: 'A1', expiry: '2025-01-15' }).expiry).toBe('2025-01-15');
    expect(Expiry.safeParse('2025-13').success).toBe(false);
    expect(Expiry.safeParse('2025-02-30').success).toBe(false);
    expect(isMonthExpiry('2025-01')).toBe(true);
    expect(isMonthExpiry('2025-01-31')).toBe(false);
  });

  it('a month is usable to its last day, leap years included', () => {
    expect(lastUsableDay('2025-01')).toBe('2025-01-31');
    expect(lastUsableDay('2024-02')).toBe('2024-02-29');
    expect(lastUsableDay('2025-02')).toBe('2025-02-28');
    expect(lastUsableDay('2025-01-15')).toBe('2025-01-15');
  });

  it('is expired after its last usable day, close within 30 days, otherwise fine', () => {
    expect(expiryState('2025-01', '2025-01-31')).toBe('soon');
    expect(expiryState('2025-01', '2025-02-01')).toBe('expired');
    expect(expiryState('2024-11', '2026-11-25')).toBe('expired');
    expect(expiryState('2026-12-20', '2026-11-25')).toBe('soon');
    expect(expiryState('2026-12-26', '2026-11-25')).toBe('ok');
    expect(expiryState(null, '2026-11-25')).toBe('unknown');
  });

  it('lists the cartridge and products that are expired or close on the session day', () => {
    const judged = lotsByExpiry(
      {
        cartridge: { name: '16-pin', lot: 'C1', expiry: '2024-11' },
        products: [
          { name: 'HA serum', lot: 'P1', expiry: '2026-12-01' },
          { name: 'Peptide', lot: 'P2', expiry: null },
        ],
      },
      '2026-11-25',
    );
    expect(judged.expired.map((lot) => [lot.kind, lot.lot])).toEqual([['cartridge', 'C1']]);
    expect(judged.soon.map((lot) => [lot.kind, lot.lot])).toEqual([['product', 'P1']]);
  });
});
