import { describe, expect, it } from 'vitest';
import type { TreatmentSessionView } from '../../../shared/clinical/records';
import { clinicDay, inWords, treatmentSummary } from '../../../main/client-export/readable-parts';

function session(performedAt: string, amendments = 0): TreatmentSessionView {
  return {
    id: performedAt,
    clientId: 'c',
    courseId: null,
    practitionerId: 'p',
    practitionerName: 'Pia Practitioner',
    record: { performedAt, areas: [{ area: 'cheek-right', depthMm: 1, passes: 3 }] } as unknown as TreatmentSessionView['record'],
    createdAt: performedAt,
    updatedAt: performedAt,
    updatedByName: null,
    basis: { consent: null, exceptions: [] },
    amendments: Array.from({ length: amendments }, () => ({}) as TreatmentSessionView['amendments'][number]),
  };
}

describe('the record export in words', () => {
  it('writes days in the clinic’s order and codes as words', () => {
    expect(clinicDay('2026-02-01T10:00:00Z', 'DD/MM/YYYY')).toBe('01/02/2026');
    expect(clinicDay('2026-02-01', 'MM/DD/YYYY')).toBe('02/01/2026');
    expect(inWords('cheek-right')).toBe('cheek right');
    expect(inWords('left-45')).toBe('left 45\u00b0');
  });

  it('summarises the treatment history oldest first, with amendments counted', () => {
    expect(treatmentSummary([session('2026-03-01T10:00:00Z', 1), session('2026-01-10T10:00:00Z')], 'DD/MM/YYYY')).toEqual([
      'Session 1, 10/01/2026, by Pia Practitioner: cheek right 1 mm \u00d7 3.',
      'Session 2, 01/03/2026, by Pia Practitioner: cheek right 1 mm \u00d7 3; amended 1 time.',
    ]);
    expect(treatmentSummary([], 'DD/MM/YYYY')).toEqual(['No treatment sessions are recorded.']);
  });
});
