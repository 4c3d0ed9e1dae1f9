import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderMedicalHistoryPdf } from '../../../main/pdf/medical-history-pdf';
import { renderSessionPdf } from '../../../main/pdf/session-pdf';
import { SessionRecord } from '../../../shared/clinical/session';
import { blankMedicalHistory } from '../../../shared/screening/medical-history';
import { answeredHistory, declined, yes } from '../../support/medical-history';

const clinic = { name: 'Harbour Skin Studio', address: '12 Quay Street\nFalmouth TR11 3HH', phone: '01326 555 010', logo: null };

/** What a reader sees, spaces collapsed so line breaks do not matter. */
const textOf = (pdf: Buffer) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');

describe('printed records', () => {
  it('a session record carries the letterhead, every exception with its reason and who, and page X of Y', async () => {
    const record = SessionRecord.parse({
      performedAt: '2026-03-04T10:00:00.000Z',
      device: { kind: 'pen', make: 'Dermapen', model: '4', settings: '' },
      anaesthetic: { product: '', appliedAt: null },
      areas: [{ area: 'forehead', depthMm: 0.5, passes: 2 }],
      endpoint: 'even-erythema',
      aftercareGiven: true,
      notes: 'Tolerated well.',
    });
    const pdf = await renderSessionPdf({
      clinic,
      clientName: 'Zoë Nguyễn',
      dateOfBirth: '1990-05-17',
      practitionerName: 'Maria Lopez',
      record,
      basis: {
        consent: null,
        exceptions: [{ kind: 'no-consent', consentState: 'none', reason: 'Paper consent signed, scanned tomorrow.', by: 'staff-1', byName: 'Maria Lopez', at: '2026-03-04T09:55:00.000Z' }],
      },
      createdAt: '2026-03-04T10:30:00.000Z',
      updatedAt: '2026-03-04T10:30:00.000Z',
      updatedByName: null,
      amendments: [],
      paperSize: 'A4',
      dateFormat: 'DD/MM/YYYY',
      printedAt: new Date('2026-03-04T11:00:00Z'),
    });
    const text = textOf(pdf);
    expect(text).toContain('12 Quay Street, Falmouth TR11 3HH · 01326 555 010');
    expect(text).toContain('Paper consent signed, scanned tomorrow.');
    expect(text).toContain('Maria Lopez');
    expect(text).toMatch(/Page 1 of 1/);
  });

  it('a medical history prints an unanswered question as "Not answered" and a refusal as declined, never as "No"', async () => {
    const answers = {
      ...answeredHistory({ diabetes: declined(), allergies: { answer: 'some', text: 'Latex' } }),
      bleedingDisorder: blankMedicalHistory().bleedingDisorder,
      immunosuppressed: yes('Methotrexate'),
    };
    const pdf = await renderMedicalHistoryPdf({
      clinic,
      clientName: 'Zoë Nguyễn',
      dateOfBirth: null,
      entry: { recordedAt: '2026-03-01T09:00:00.000Z', recordedByName: 'Maria Lopez', answers, carriedForward: null, legacyForm: false, alerts: [] },
      paperSize: 'A4',
      dateFormat: 'DD/MM/YYYY',
      printedAt: new Date('2026-03-04T11:00:00Z'),
    });
    const text = textOf(pdf);
    expect(text).toContain('Bleeding disorder Not answered');
    expect(text).toContain('Diabetes Client declined to answer');
    expect(text).toContain('Immunosuppressed Yes: Methotrexate');
    expect(text).toContain('Allergies Latex');
    expect(text).toMatch(/Page 1 of \d/);
  });
});
