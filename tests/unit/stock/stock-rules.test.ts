import { describe, expect, it } from 'vitest';
import { foldLot, sameLot } from '../../../shared/stock/lot-number';
import { belowMinimum, countCorrection, expiresWithin, isExpired, onHand, pickOrder, windowEnd } from '../../../shared/stock/stock-rules';

describe('lot numbers', () => {
  it('match without case, spaces or punctuation', () => {
    expect(foldLot('CT-2026-0412')).toBe('CT20260412');
    expect(sameLot('CT-2026-0412', 'ct2026 0412')).toBe(true);
    expect(sameLot('CT-2026-0412', 'CT-2026-0413')).toBe(false);
  });
  it('never match an empty lot', () => {
    expect(sameLot(' - ', '')).toBe(false);
  });
});

describe('stock on hand', () => {
  it('is received minus used minus written off', () => {
    expect(
      onHand([
        { kind: 'received', quantity: 10 },
        { kind: 'used', quantity: 3 },
        { kind: 'written-off', quantity: 2 },
      ]),
    ).toBe(5);
  });
  it('takes a stock count correction either way', () => {
    const booked = onHand([
      { kind: 'received', quantity: 10 },
      { kind: 'used', quantity: 1 },
    ]);
    expect(countCorrection(booked, 7)).toBe(-2);
    expect(
      onHand([
        { kind: 'received', quantity: 10 },
        { kind: 'used', quantity: 1 },
        { kind: 'counted', quantity: -2 },
      ]),
    ).toBe(7);
    expect(countCorrection(4, 6)).toBe(2);
  });
  it('is below the minimum only when the clinic set one', () => {
    expect(belowMinimum(2, 3)).toBe(true);
    expect(belowMinimum(3, 3)).toBe(false);
    expect(belowMinimum(0, null)).toBe(false);
  });
});

describe('lot expiry', () => {
  it('a month and year lot is good to the last day of that month', () => {
    expect(isExpired('2026-02', '2026-02-28')).toBe(false);
    expect(isExpired('2026-02', '2026-03-01')).toBe(true);
    expect(isExpired('2028-02', '2028-02-29')).toBe(false);
  });
  it('a dated lot is good to that day', () => {
    expect(isExpired('2026-02-10', '2026-02-10')).toBe(false);
    expect(isExpired('2026-02-10', '2026-02-11')).toBe(true);
  });
  it('a lot without expiry never expires by date', () => {
    expect(isExpired(null, '2099-01-01')).toBe(false);
    expect(expiresWithin(null, '2026-01-01', 30)).toBe(false);
  });
  it('expiring within days counts from today to the last usable day, and leaves out expired lots', () => {
    expect(expiresWithin('2026-01', '2026-01-01', 30)).toBe(true);
    expect(expiresWithin('2026-02', '2026-01-01', 30)).toBe(false);
    expect(expiresWithin('2026-01-31', '2026-01-01', 30)).toBe(true);
    expect(expiresWithin('2026-02-01', '2026-01-01', 30)).toBe(false);
    expect(expiresWithin('2025-12', '2026-01-01', 30)).toBe(false);
    expect(windowEnd('2026-01-01', 30)).toBe('2026-01-31');
  });
  it('offers lots on hand at the chair, earliest expiry first', () => {
    const lots = [
      { lot: 'C', expiry: null, onHand: 2 },
      { lot: 'B', expiry: '2026-05', onHand: 1 },
      { lot: 'A', expiry: '2026-05-10', onHand: 4 },
      { lot: 'D', expiry: '2026-01', onHand: 0 },
    ];
    expect(pickOrder(lots).map((lot) => lot.lot)).toEqual(['A', 'B', 'C']);
  });
});
