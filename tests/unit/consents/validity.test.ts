import { describe, expect, it } from 'vitest';
import { validity, validUntil } from '../../../main/consents/consent-validity';

describe('consent validity', () => {
  const facts = { signedAt: '2026-01-31T10:00:00.000Z', major: 1, latestMajor: 1, withdrawn: false, declined: false, validityMonths: 12, today: '2026-06-01' };

  it('runs for the clinic’s months, to the day, month ends included', () => {
    expect(validUntil('2026-01-31T10:00:00.000Z', 1)).toBe('2026-02-28');
    expect(validity(facts)).toEqual({ state: 'valid', staleReason: null, validUntil: '2027-01-31' });
    expect(validity({ ...facts, today: '2027-01-31' }).state).toBe('valid');
    expect(validity({ ...facts, today: '2027-02-01' })).toMatchObject({ state: 'stale', staleReason: 'expired' });
  });

  it('a new major version or a withdrawal makes it stale before its time', () => {
    expect(validity({ ...facts, latestMajor: 2 })).toMatchObject({ state: 'stale', staleReason: 'new-major-version' });
    expect(validity({ ...facts, withdrawn: true, latestMajor: 2 })).toMatchObject({ state: 'stale', staleReason: 'withdrawn' });
  });
});
