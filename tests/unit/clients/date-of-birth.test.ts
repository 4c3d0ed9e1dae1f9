import { describe, expect, it } from 'vitest';
import { ClientInput } from '../../../shared/clients/client';
import { checkDateOfBirth, dateOfBirthRefusal, readDateOfBirth, unconfirmedDateOfBirth, unusualAgeUnconfirmed } from '../../../shared/clients/date-of-birth';

const today = '2026-12-07';

describe('reading a typed date of birth', () => {
  it('reads short forms in the clinic’s date order', () => {
    expect(readDateOfBirth('1/2/85', 'DD/MM/YYYY', today)).toEqual({ ok: true, iso: '1985-02-01' });
    expect(readDateOfBirth('1/2/85', 'MM/DD/YYYY', today)).toEqual({ ok: true, iso: '1985-01-02' });
    expect(readDateOfBirth('1.2.1985', 'DD/MM/YYYY', today)).toEqual({ ok: true, iso: '1985-02-01' });
    expect(readDateOfBirth('1985-02-01', 'MM/DD/YYYY', today)).toEqual({ ok: true, iso: '1985-02-01' });
    expect(readDateOfBirth('  ', 'DD/MM/YYYY', today)).toEqual({ ok: true, iso: null });
  });

  it('puts a two-digit year in the past', () => {
    expect(readDateOfBirth('3/4/26', 'DD/MM/YYYY', today)).toEqual({ ok: true, iso: '2026-04-03' });
    expect(readDateOfBirth('3/4/27', 'DD/MM/YYYY', today)).toEqual({ ok: true, iso: '1927-04-03' });
    expect(readDateOfBirth('3/4/00', 'DD/MM/YYYY', today)).toEqual({ ok: true, iso: '2000-04-03' });
    expect(readDateOfBirth('3/4/99', 'DD/MM/YYYY', today)).toEqual({ ok: true, iso: '1999-04-03' });
  });

  it('names what is wrong with text that is not a date', () => {
    expect(readDateOfBirth('1850', 'DD/MM/YYYY', today)).toEqual({ ok: false, problem: 'year-only' });
    expect(readDateOfBirth('31/2/85', 'DD/MM/YYYY', today)).toEqual({ ok: false, problem: 'no-such-day' });
    expect(readDateOfBirth('1/2/985', 'DD/MM/YYYY', today)).toEqual({ ok: false, problem: 'not-a-date' });
    expect(readDateOfBirth('next tuesday', 'DD/MM/YYYY', today)).toEqual({ ok: false, problem: 'not-a-date' });
  });
});

describe('checking a date of birth', () => {
  it('refuses the future', () => {
    expect(checkDateOfBirth('2026-12-08', today)).toMatchObject({ verdict: 'refused', problem: 'future' });
  });

  it('says what 1850 would mean instead of a range of years', () => {
    const check = checkDateOfBirth('1850-01-01', today);
    expect(check).toEqual({ verdict: 'refused', problem: 'impossible-age', age: 176 });
    expect(dateOfBirthRefusal(check)).toBe('That date of birth would make the client 176 years old. Check the year.');
  });

  it('asks for confirmation under 1 year and over 110 years', () => {
    expect(checkDateOfBirth('2026-03-01', today)).toEqual({ verdict: 'confirm', reason: 'under-one', age: 0 });
    expect(checkDateOfBirth('1915-01-01', today)).toEqual({ verdict: 'confirm', reason: 'over-110', age: 111 });
    expect(checkDateOfBirth('1916-12-07', today)).toEqual({ verdict: 'ok', age: 110 });
    expect(checkDateOfBirth('2025-12-07', today)).toEqual({ verdict: 'ok', age: 1 });
    expect(checkDateOfBirth(null, today)).toEqual({ verdict: 'ok', age: null });
  });

  it('is what the main side validates with', () => {
    const issue = (dateOfBirth: string) => ClientInput.safeParse({ firstName: 'A', lastName: 'B', dateOfBirth }).error?.issues[0]?.message;
    expect(issue('1850-01-01')).toMatch(/would make the client \d+ years old/);
    expect(issue('2999-01-01')).toBe('A date of birth cannot be in the future.');
    expect(ClientInput.safeParse({ firstName: 'A', lastName: 'B', dateOfBirth: '1985-02-01' }).success).toBe(true);
  });

  it('needs the confirmation for an unusual age that is new, not for the one on file', () => {
    expect(unconfirmedDateOfBirth('2026-03-01', null, false, today)).toBe(unusualAgeUnconfirmed);
    expect(unconfirmedDateOfBirth('1915-01-01', '1985-02-01', false, today)).toBe(unusualAgeUnconfirmed);
    expect(unconfirmedDateOfBirth('2026-03-01', null, true, today)).toBeNull();
    expect(unconfirmedDateOfBirth('1915-01-01', '1915-01-01', false, today)).toBeNull();
    expect(unconfirmedDateOfBirth('1985-02-01', null, false, today)).toBeNull();
    expect(unconfirmedDateOfBirth(null, '1915-01-01', false, today)).toBeNull();
  });
});
