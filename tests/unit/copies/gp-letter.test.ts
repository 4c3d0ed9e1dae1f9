import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gpLetterCopy } from '../../../main/copies/record-copies';
import { fillGpLetterText } from '../../../shared/copies/gp-letter';
import { gpLetterRefusal } from '../../../shared/copies/sharing-choices';
import { answeredHistory } from '../../support/medical-history';
import { createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

const choice = (agreed: boolean) => ({ agreed, recordedAt: '2026-09-01T09:00:00.000Z', recordedByName: 'Maria' });

describe('GP letter rules', () => {
  it('is made only for a client who was asked and agreed, with a GP on record', () => {
    expect(gpLetterRefusal(null, 'Dr Ali, Quay Surgery')).toMatch(/Ask the client/);
    expect(gpLetterRefusal(choice(false), 'Dr Ali, Quay Surgery')).toMatch(/did not agree/);
    expect(gpLetterRefusal(choice(true), '  ')).toMatch(/Add the client's GP/);
    expect(gpLetterRefusal(choice(true), 'Dr Ali, Quay Surgery')).toBeNull();
  });

  it('fills the known placeholders and leaves any other braces as typed', () => {
    const values = { client: 'Zoë Nguyễn', dateOfBirth: '17/05/1990', sessionDate: '04/03/2026', clinic: 'Harbour', practitioner: 'Maria' };
    expect(fillGpLetterText('{client} ({dateOfBirth}) at {clinic} on {sessionDate}, {practitioner}; {other}', values)).toBe('Zoë Nguyễn (17/05/1990) at Harbour on 04/03/2026, Maria; {other}');
  });
});

describe('GP letter from a session', () => {
  let folder: ReturnType<typeof tempFolder>;
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    folder = tempFolder();
    store = await createTestStore(folder.path, new TestClock(new Date('2026-09-01T09:00:00Z')));
  });
  afterEach(() => {
    store.services.close();
    folder.remove();
  });

  it('is refused until the client agrees, then carries the summary; a purge removes the answer', async () => {
    const { services } = store;
    const by = store.admin.id;
    const client = services.clients.create(by, { firstName: 'Zoë', lastName: 'Nguyễn', gp: 'Dr A. Ali\nQuay Surgery, Falmouth' });
    services.medicalHistory.record(by, client.id, answeredHistory());
    const session = services.sessions.record(
      by,
      client.id,
      null,
      {
        performedAt: '2026-09-01T08:30:00.000Z',
        device: { kind: 'pen', make: 'Dr. Pen', model: 'M8', settings: '' },
        cartridge: { name: '16-pin cartridge', lot: 'CART-2291', expiry: '2027-06-30' },
        anaesthetic: { product: '', appliedAt: null },
        skinPrep: '',
        areas: [{ area: 'forehead', depthMm: 0.5, passes: 3 }],
        products: [],
        endpoint: 'even-erythema',
        immediateReaction: 'Even erythema',
        aftercareGiven: true,
        notes: '',
      },
      { noConsentReason: 'Consent signed on paper, being scanned.' },
    );
    expect(services.copies.sharingChoices(client.id)).toEqual({ gpLetter: null, emailCopies: null });
    await expect(gpLetterCopy(services, session.id)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/Ask the client/) });
    services.copies.recordChoice(by, client.id, 'gp-letter', false);
    await expect(gpLetterCopy(services, session.id)).rejects.toMatchObject({ message: expect.stringMatching(/did not agree/) });
    services.copies.recordChoice(by, client.id, 'gp-letter', true);
    expect(services.audit.recent(2).map((row) => [row.action, row.detail])).toContainEqual(['client.sharing-choice', 'gp-letter=agreed']);

    const letter = await gpLetterCopy(services, session.id);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: letter.bytes }).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain('Quay Surgery, Falmouth');
    expect(text).toContain('Forehead 0.5 mm, 3 passes');
    expect(text).toContain('16-pin cartridge (lot CART-2291)');
    expect(text).toContain('Consent signed on paper, being scanned.');
    expect(text).toMatch(/Page 1 of 1/);
    expect(letter.fileName).toBe('Nguyễn Zoë - GP letter - 2026-09-01.pdf');

    await services.retention.purgeClient(by, { clientId: client.id, reason: 'erasure-request', note: 'Written request received.', confirmation: 'Zoë Nguyễn' });
    expect(services.db.prepare('SELECT count(*) FROM client_sharing_choice').pluck().get()).toBe(0);
  });
});
