import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxLogoBytes } from '../../shared/settings';
import { openTrustClinic, type TrustClinic } from './support/trust-clinic';

/** What the IPC fuzzer found that was not a crash but was wrong, kept as tests now it is fixed. */
let clinic: TrustClinic;
beforeAll(async () => {
  clinic = await openTrustClinic();
});
afterAll(() => clinic.close());

describe('findings of the IPC fuzzer', () => {
  // An unbounded logo made every app.status afterwards parse megabytes.
  it('settings.update refuses a logo larger than maxLogoBytes', async () => {
    const current = await clinic.call('settings.get');
    expect(current.ok).toBe(true);
    if (!current.ok) return;
    const result = await clinic.call('settings.update', { ...(current.value as object), logo: new Uint8Array(maxLogoBytes + 1) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  // A bare date regex let month 99 and 30 February through, and a client born on 9999-99-99
  // showed as -7974 years old; a birth date in the future is refused too.
  it.each(['9999-99-99', '2026-02-30', '0000-00-00', '2999-01-01'])('a date of birth of %s is refused', async (dateOfBirth) => {
    const result = await clinic.call('clients.create', { fields: { firstName: 'Date', lastName: 'Check', dateOfBirth }, allowDuplicate: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('a course start date of 2026-02-30 is refused', async () => {
    const course = { indication: 'acne-scarring', plannedSessions: 3, intervalWeeks: 4, startedOn: '2026-02-30' };
    const result = await clinic.call('courses.create', { clientId: clinic.ids.clientId, course });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
