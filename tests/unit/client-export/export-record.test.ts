import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportClientRecord } from '../../../main/client-export/export-client';
import { SeededRandom } from '../../../main/demo/seeded-random';
import type { SessionRecordInput } from '../../../shared/clinical/session';
import { microneedlingForm } from '../../support/consent-forms';
import { answeredHistory, declined, yes } from '../../support/medical-history';
import { createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

/*
 * The right-of-access export, end to end through the services: a client treated under every kind
 * of exception, with two history versions and an amendment, exported and read back as a layperson
 * would read it (spreadsheets in words, an index PDF that tells the treatment history).
 */

// Times are written on this computer's clock: pin it, so the expected times hold anywhere.
// The clinic's day is read in UTC here; put the zone back so later files in this worker keep theirs.
const zoneBefore = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'UTC';
});
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});
const folder = tempFolder('skinledger-export-record-');
const clock = new TestClock(new Date('2026-11-25T09:00:00Z'));
let store: Awaited<ReturnType<typeof createTestStore>>;
let into: string;
const read = (name: string) => readFileSync(join(into, name), 'utf8');

const session = (changes: Partial<SessionRecordInput> = {}): SessionRecordInput => ({
  performedAt: clock.now().toISOString(),
  device: { kind: 'pen', make: 'Dr. Pen', model: 'M8', settings: 'speed 5' },
  cartridge: { name: '16-pin cartridge', lot: 'CART-2291', expiry: '2026-01-31' },
  anaesthetic: { product: 'LMX4', appliedAt: '08:30' },
  skinPrep: 'Chlorhexidine',
  areas: [{ area: 'cheek-right', depthMm: 1.5, passes: 3 }],
  products: [],
  endpoint: 'even-erythema',
  immediateReaction: 'Even erythema',
  aftercareGiven: true,
  notes: 'Tolerated well',
  ...changes,
});

beforeAll(async () => {
  store = await createTestStore(folder.path, clock);
  const { services } = store;
  const by = store.admin.id;
  const clientId = services.clients.create(by, { firstName: 'Zoë', lastName: 'Nguyễn', dateOfBirth: '1990-04-02', concerns: ['acne-scarring'] }).id;
  // Version 1: the client would not say whether she is pregnant, so the history is incomplete.
  services.medicalHistory.record(by, clientId, answeredHistory({ pregnantOrBreastfeeding: declined(), diabetes: yes('type 2') }));
  services.medicalHistory.override(by, clientId, 'Client confirmed verbally, not pregnant');
  const first = services.sessions.record(by, clientId, null, session(), {
    noConsentReason: 'Paper consent signed, being scanned',
    expiredLotReason: 'Only cartridge in stock, sealed',
    depthsConfirmed: true,
  });
  // The next day: version 2, a signed consent, and the first session amended.
  clock.advance(86_400_000);
  services.medicalHistory.record(by, clientId, answeredHistory({ pregnantOrBreastfeeding: { answer: 'no', detail: '' } }));
  await services.consents.sign(by, clientId, null, await microneedlingForm(services, new SeededRandom(3), 'None'));
  services.sessions.change(by, first.id, session({ performedAt: first.record.performedAt, notes: 'Reaction at 48 h: none' }), 'Follow-up call added', {
    expiredLotReason: 'Only cartridge in stock, sealed',
    depthsConfirmed: true,
  });
  const cancelled = services.diary.book(by, {
    clientId,
    practitionerId: by,
    roomId: null,
    start: '2026-12-02T10:30',
    minutes: 45,
    courseId: null,
    bookingNote: 'Prefers mornings',
    confirmWarnings: false,
  }).appointments[0]!;
  services.diary.setStatus(by, { id: cancelled.id, status: 'cancelled', reason: 'Client on holiday' });
  into = join(folder.path, 'export');
  await exportClientRecord({ services, by, clientId, folder: into });
});
afterAll(() => {
  store.services.close();
  folder.remove();
});

describe('the client record export (right of access)', () => {
  it('writes every part of the record, each as a spreadsheet in words beside the JSON', () => {
    const files = readdirSync(into);
    for (const name of ['profile.csv', 'medical-history.csv', 'courses.csv', 'appointments.csv', 'sessions.csv', 'amendments.csv', 'exceptions.csv', 'consents.csv', 'audit-trail.csv', 'index.pdf']) {
      expect(files).toContain(name);
    }
    for (const name of files.filter((file) => file.endsWith('.csv'))) {
      const text = read(name);
      expect(text.startsWith('\uFEFF'), name).toBe(true);
      // No JSON, no stored codes, no ids, no UTC times.
      expect(text, name).not.toMatch(/[{[]"/);
      expect(text, name).not.toMatch(/cheek-right|even-erythema|session\.create|screening\.override|history-incomplete/);
      expect(text, name).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
      expect(text, name).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    }
  });

  it('has every medical-history version, answers in words: declined is never a "No"', () => {
    const history = read('medical-history.csv');
    expect(history).toContain('Version,Recorded,Recorded by,Question,Answer');
    expect(history).toMatch(/1 of 2,25\/11\/2026 09:00,Ada Admin,Pregnant or breastfeeding,Client declined to answer/);
    expect(history).toMatch(/2 of 2,26\/11\/2026 09:00,Ada Admin,Pregnant or breastfeeding,No/);
    expect(history).toMatch(/1 of 2,[^\r\n]*,Diabetes,Yes: type 2/);
    expect(history).toMatch(/1 of 2,[^\r\n]*,Alerts these answers raised,"?Stop: History incomplete/);
  });

  it('lists every exception with its reason and who, and every amendment with before and after', () => {
    const exceptions = read('exceptions.csv');
    expect(exceptions).toContain('When,Session,Exception,Details,Reason,By');
    expect(exceptions).toContain('Screening stop overridden (history incomplete)');
    expect(exceptions).toContain('Client confirmed verbally, not pregnant');
    expect(exceptions).toContain('Treated without a valid treatment consent,No consent signed,"Paper consent signed, being scanned",Ada Admin');
    expect(exceptions).toContain('Depth above the clinic maximum (confirmed),Right cheek: 1.5 mm (clinic maximum 1 mm),Confirmed by the practitioner,Ada Admin');
    expect(exceptions).toContain('Expired cartridge used');
    expect(exceptions).toContain('Only cartridge in stock, sealed');
    const amendments = read('amendments.csv');
    expect(amendments).toContain('Session,Session date,Amended,By,Reason,What,Before,After');
    expect(amendments).toContain('Follow-up call added,Notes,Tolerated well,Reaction at 48 h: none');
  });

  it('writes sessions in words: areas by name, the clinic’s date order, local times', () => {
    const sessions = read('sessions.csv');
    expect(sessions).toContain('Right cheek 1.5 mm, 3 passes');
    expect(sessions).toContain('25/11/2026 09:00');
    expect(sessions).toContain('Even redness (erythema)');
    expect(sessions).toContain('1 time (see amendments.csv)');
    expect(sessions).toContain('Expired cartridge used (16-pin cartridge, lot CART-2291, expiry 31/01/2026); reason: Only cartridge in stock, sealed; by Ada Admin');
    expect(read('courses.csv')).toBe('\uFEFFNote\r\nNone recorded\r\n');
    expect(read('appointments.csv')).toContain('02/12/2026,10:30,45,Ada Admin,None,Cancelled,Client on holiday,Prefers mornings');
  });

  it('names who viewed or changed the record, with actions in words', () => {
    const trail = read('audit-trail.csv');
    expect(trail.split('\r\n')[0]).toBe('\uFEFFWhen,Who,What,Concerning');
    expect(trail).toContain(',Ada Admin,Recorded session,The client record');
    expect(trail).toContain(',Ada Admin,Overrode a screening stop,');
    expect(trail).toContain(',Ada Admin,Signed consent,A consent form');
  });

  it('opens with the treatment history in words in the index PDF', () => {
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(into, 'index.pdf'), '-'])
      .toString('utf8')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Consent forms');
    expect(text).toMatch(/Microneedling \(collagen induction therapy\) consent, version 1\.0, signed 26\/11\/2026: In force until 26\/11\/2027\./);
    expect(text).toContain('Session 1, 25/11/2026, by Ada Admin: Right cheek 1.5 mm × 3. Amended 1 time.');
    expect(text).toContain(
      '• Screening stop overridden (history incomplete) (History incomplete: Pregnant or breastfeeding (declined to answer)); reason: Client confirmed verbally, not pregnant; by Ada Admin',
    );
    expect(text).toContain('• Depth above the clinic maximum (confirmed) (Right cheek: 1.5 mm (clinic maximum 1 mm)); by Ada Admin');
    expect(text).toMatch(/Version 1, 25\/11\/2026 09:00, by Ada Admin: 1 stop and 1 caution/);
    expect(text).toContain('Version 2');
    expect(text).toContain('Photographs are not part of this export');
    expect(text).toContain('exceptions.csv');
  });
});
