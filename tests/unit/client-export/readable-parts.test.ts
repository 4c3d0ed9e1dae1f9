import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendmentRows, clinicDay, overrideRows, ruleWords, trailRows, treatmentSummary } from '../../../main/client-export/readable-parts';
import type { TreatmentSessionView } from '../../../shared/clinical/records';
import { answerInWords } from '../../../shared/screening/answers-in-words';
import type { SessionRecord } from '../../../shared/clinical/session';
import { answeredHistory, declined } from '../../support/medical-history';

// The clinic's day is read in UTC here; put the zone back so later files in this worker keep theirs.
const zoneBefore = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'UTC';
});
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

const record = (performedAt: string, notes = 'Tolerated well'): SessionRecord => ({
  performedAt,
  device: { kind: 'pen', make: 'Dr. Pen', model: 'M8', settings: '' },
  cartridge: null,
  anaesthetic: { product: '', appliedAt: null },
  skinPrep: '',
  areas: [{ area: 'cheek-right', depthMm: 1, passes: 3 }],
  products: [],
  endpoint: 'even-erythema',
  immediateReaction: '',
  aftercareGiven: true,
  notes,
});

function session(performedAt: string, amendments: { notes: string; reason: string }[] = [], notes = 'Tolerated well'): TreatmentSessionView {
  return {
    id: performedAt,
    clientId: 'c',
    courseId: null,
    practitionerId: 'p',
    practitionerName: 'Pia Practitioner',
    record: record(performedAt, notes),
    createdAt: performedAt,
    updatedAt: performedAt,
    updatedByName: null,
    basis: { consent: null, exceptions: [] },
    amendments: amendments.map((amendment, index) => ({
      id: String(index),
      amendedAt: '2026-03-05T10:00:00Z',
      amendedBy: 'p',
      amendedByName: 'Pia Practitioner',
      reason: amendment.reason,
      previous: record(performedAt, amendment.notes),
    })),
  };
}

describe('the record export in words', () => {
  it('writes days in the clinic’s order, a moment on the local clock', () => {
    expect(clinicDay('2026-02-01', 'DD/MM/YYYY')).toBe('01/02/2026');
    expect(clinicDay('2026-02-01', 'MM/DD/YYYY')).toBe('02/01/2026');
    expect(clinicDay('2026-02-01T23:30:00-05:00', 'YYYY-MM-DD')).toBe('2026-02-02');
  });

  it('never reads a declined or missing answer as "No"', () => {
    const answerWords = (entry: Parameters<typeof answerInWords>[0], key: Parameters<typeof answerInWords>[1], dateFormat: 'DD/MM/YYYY') =>
      answerInWords(entry, key, (iso) => clinicDay(iso, dateFormat));
    const version = { answers: answeredHistory({ diabetes: declined(), lastChemicalPeel: { answer: 'on', date: '2026-01-09' } }), legacyForm: false, carriedForward: null };
    expect(answerWords(version, 'diabetes', 'DD/MM/YYYY')).toBe('Client declined to answer');
    expect(answerWords(version, 'lastChemicalPeel', 'DD/MM/YYYY')).toBe('On 09/01/2026');
    const unanswered = { ...version, answers: { ...version.answers, diabetes: { answer: null, detail: '' } } };
    expect(answerWords(unanswered, 'diabetes', 'DD/MM/YYYY')).toBe('Not answered');
    const carried = { ...version, carriedForward: { fromRecordedAt: '2026-01-02T10:00:00Z', questions: ['sunburnInArea' as const] } };
    expect(answerWords(carried, 'sunburnInArea', 'DD/MM/YYYY')).toBe('No (answer from 02/01/2026, confirmed with the client)');
  });

  it('summarises the treatment history oldest first, with amendments counted', () => {
    expect(treatmentSummary([session('2026-03-01T10:00:00Z', [{ notes: 'x', reason: 'y' }]), session('2026-01-10T10:00:00Z')], 'DD/MM/YYYY')).toEqual([
      'Session 1, 10/01/2026, by Pia Practitioner: Right cheek 1 mm \u00d7 3.',
      'Session 2, 01/03/2026, by Pia Practitioner: Right cheek 1 mm \u00d7 3. Amended 1 time.',
    ]);
    expect(treatmentSummary([], 'DD/MM/YYYY')).toEqual(['No treatment sessions are recorded.']);
  });

  it('gives each amendment its original and its new text, chained through later amendments', () => {
    const amended = session(
      '2026-03-01T10:00:00Z',
      [
        { notes: 'First', reason: 'Spelling' },
        { notes: 'Second', reason: 'Follow-up' },
      ],
      'Third',
    );
    expect(amendmentRows([amended], 'DD/MM/YYYY').map((row) => [row['Reason'], row['What'], row['Before'], row['After']])).toEqual([
      ['Spelling', 'Notes', 'First', 'Second'],
      ['Follow-up', 'Notes', 'Second', 'Third'],
    ]);
  });

  it('lists a screening override no session was saved under, in words', () => {
    const rows = overrideRows(
      [],
      [{ id: 'o', overriddenAt: '2026-03-01T10:00:00Z', overriddenByName: 'Pia Practitioner', rules: ['history-incomplete', 'sunburn'], reason: 'Asked again' }],
      'DD/MM/YYYY',
    );
    expect(rows).toEqual([
      {
        When: '01/03/2026 10:00',
        Session: 'No session was saved under it',
        Exception: 'Screening stop overridden (history incomplete)',
        Details: 'Medical history incomplete; Sunburn in the treatment area',
        Reason: 'Asked again',
        By: 'Pia Practitioner',
      },
    ]);
    expect(ruleWords('some-new-rule')).toBe('some new rule');
  });

  it('names who did what in the trail, oldest first, never an id', () => {
    const rows = trailRows(
      [
        { at: '2026-03-02T10:00:00Z', staffName: null, staffId: 'gone', action: 'client.view', entity: 'client' },
        { at: '2026-03-01T10:00:00Z', staffName: 'Pia Practitioner', staffId: 'p', action: 'photo.export', entity: 'photo' },
      ],
      'DD/MM/YYYY',
      (action) => (action === 'client.view' ? 'Opened client record' : 'Exported photos'),
    );
    expect(rows).toEqual([
      { When: '01/03/2026 10:00', Who: 'Pia Practitioner', What: 'Exported photos', Concerning: 'A photo' },
      { When: '02/03/2026 10:00', Who: 'A former member of staff', What: 'Opened client record', Concerning: 'The client record' },
    ]);
  });
});
