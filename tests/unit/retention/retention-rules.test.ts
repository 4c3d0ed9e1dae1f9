import { describe, expect, it } from 'vitest';
import { addYears, retentionDefaults, retentionEnds } from '../../../shared/retention/retention-rules';

const uk = retentionDefaults.UK;

describe('retention: when a record may be purged', () => {
  it('an adult: the last treatment plus the country’s years', () => {
    expect(retentionEnds({ lastTreatmentDay: '2020-03-10', dateOfBirth: '1980-01-01' }, uk)).toEqual({ keepUntil: '2028-03-10', rule: 'adult' });
    expect(retentionEnds({ lastTreatmentDay: '2020-03-10', dateOfBirth: '1980-01-01' }, retentionDefaults.US)).toEqual({ keepUntil: '2027-03-10', rule: 'adult' });
    expect(retentionEnds({ lastTreatmentDay: '2020-03-10', dateOfBirth: '1980-01-01' }, retentionDefaults.AU).keepUntil).toBe('2027-03-10');
  });

  it('a child in the UK: until their 25th birthday when that is later', () => {
    // Treated at 10: 25th birthday (2035) is after 8 years (2028).
    expect(retentionEnds({ lastTreatmentDay: '2020-03-10', dateOfBirth: '2010-06-01' }, uk)).toEqual({ keepUntil: '2035-06-01', rule: 'minor' });
  });

  it('17 at the last treatment in the UK: until the 26th birthday', () => {
    expect(retentionEnds({ lastTreatmentDay: '2020-03-10', dateOfBirth: '2002-06-01' }, uk)).toEqual({ keepUntil: '2028-06-01', rule: 'minor' });
    // Australia has no such extra year: the 25th birthday (2027) is before 7 years (2027-03-10 vs 2027-06-01).
    expect(retentionEnds({ lastTreatmentDay: '2020-03-10', dateOfBirth: '2002-06-01' }, retentionDefaults.AU)).toEqual({ keepUntil: '2027-06-01', rule: 'minor' });
  });

  it('turning 18 on the day of treatment counts as an adult', () => {
    expect(retentionEnds({ lastTreatmentDay: '2020-06-01', dateOfBirth: '2002-06-01' }, uk)).toEqual({ keepUntil: '2028-06-01', rule: 'adult' });
  });

  it('a minor whose birthday rule ends before the adult period keeps the adult period', () => {
    expect(retentionEnds({ lastTreatmentDay: '2020-03-10', dateOfBirth: '2003-01-01' }, { ...uk, minorUntilAge: 18 })).toEqual({ keepUntil: '2028-03-10', rule: 'adult' });
  });

  it('no date of birth: the adult period, flagged', () => {
    expect(retentionEnds({ lastTreatmentDay: '2020-03-10', dateOfBirth: null }, uk)).toEqual({ keepUntil: '2028-03-10', rule: 'no-birth-date' });
  });

  it('adds years to 29 February as 28 February in a common year', () => {
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
  });
});
