import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientInputOf } from '../../../shared/clients/client';
import { clinicalClientFields } from '../../../shared/contract/client-channels';
import { answeredHistory } from '../../support/medical-history';
import { createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let store: Awaited<ReturnType<typeof createTestStore>>;
let clock: TestClock;
let clientId: string;
let by: string;

beforeEach(async () => {
  folder = tempFolder();
  clock = new TestClock(new Date('2026-11-25T09:00:00Z'));
  store = await createTestStore(folder.path, clock);
  by = store.admin.id;
  clientId = store.services.clients.create(by, { firstName: 'Zoë', lastName: 'Nguyễn', dateOfBirth: '1990-05-17' }).id;
  store.services.medicalHistory.record(by, clientId, answeredHistory({ diabetes: { answer: 'yes', detail: 'type 2' } }));
  for (const day of ['2026-11-20', '2026-11-24']) {
    clock.advance(1000);
    store.services.sessions.record(
      by,
      clientId,
      null,
      {
        performedAt: `${day}T10:00:00.000Z`,
        device: { kind: 'pen', make: 'Dr. Pen', model: 'M8', settings: '' },
        cartridge: null,
        anaesthetic: { product: '', appliedAt: null },
        skinPrep: '',
        areas: [{ area: 'forehead', depthMm: 0.5, passes: 2 }],
        products: [],
        endpoint: 'even-erythema',
        immediateReaction: '',
        aftercareGiven: true,
        notes: 'Tolerated well',
      },
      { noConsentReason: 'Test clinic: no consent form signed.' },
    );
  }
});
afterEach(() => {
  store.services.close();
  folder.remove();
});

const auditSince = (seq: number) => store.services.audit.recent(50).filter((row) => row.seq > seq);

describe('opening a client profile', () => {
  it('reads record, screening, courses, sessions and history as one read with one audit row', () => {
    const before = store.services.audit.recent(1)[0]!.seq;
    const profile = store.services.profiles.open(by, clientId, { healthData: true });
    expect(profile.client.firstName).toBe('Zoë');
    expect(profile.age).toBe(36);
    expect(profile.sessions?.map((s) => s.record.performedAt.slice(0, 10))).toEqual(['2026-11-24', '2026-11-20']);
    expect(profile.medicalHistory).toHaveLength(1);
    expect(profile.screening?.alerts.map((a) => a.rule)).toContain('diabetes');
    const rows = auditSince(before);
    expect(rows.map((r) => [r.action, r.entity_id, r.detail])).toEqual([['client.view', clientId, 'sessions=2 history=1']]);
    expect(store.services.clients.recent(1)[0]?.id).toBe(clientId);
  });

  it('gives reception no health data, and still audits the read', () => {
    const before = store.services.audit.recent(1)[0]!.seq;
    const profile = store.services.profiles.open(by, clientId, { healthData: false });
    expect(profile).toMatchObject({ screening: null, sessions: null, medicalHistory: null });
    expect(auditSince(before).map((r) => [r.action, r.entity_id])).toEqual([['client.view', clientId]]);
  });

  it("reception's contact view leaves out every clinical field and course note, and is audited as one read", () => {
    const current = store.services.clients.get(clientId);
    store.services.clients.update(by, clientId, { ...clientInputOf(current), gp: 'Dr Rivers', fitzpatrick: 4, concerns: ['pigmentation'], notes: 'Keloid tendency' });
    store.services.courses.create(by, clientId, { indication: 'pigmentation', plannedSessions: 4, intervalWeeks: 4, startedOn: '2026-11-01', notes: 'Start shallow' });
    const before = store.services.audit.recent(1)[0]!.seq;
    const contact = store.services.profiles.openContact(by, clientId);
    expect(contact.client).toMatchObject({ id: clientId, firstName: 'Zoë', dateOfBirth: '1990-05-17' });
    for (const field of clinicalClientFields) expect(contact.client).not.toHaveProperty(field);
    expect(Object.keys(contact).sort()).toEqual(['age', 'client', 'courses']);
    expect(contact.courses).toHaveLength(1);
    expect(contact.courses[0]).not.toHaveProperty('notes');
    expect(auditSince(before).map((r) => [r.action, r.entity_id, r.detail])).toEqual([['client.view', clientId, 'contact details only']]);
  });

  it('audits nothing for a client that does not exist', () => {
    const before = store.services.audit.recent(1)[0]!.seq;
    expect(() => store.services.profiles.open(by, 'no-such-client', { healthData: true })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(auditSince(before)).toEqual([]);
  });
});
