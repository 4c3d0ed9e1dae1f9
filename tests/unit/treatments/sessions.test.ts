import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecordInput } from '../../../shared/clinical/session';
import { SeededRandom } from '../../../main/demo/seeded-random';
import { microneedlingForm } from '../../support/consent-forms';
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
  clientId = store.services.clients.create(by, { firstName: 'Zoë', lastName: 'Nguyễn' }).id;
  // Every session needs a valid treatment consent on its day (or an override): sign one.
  await store.services.consents.sign(by, clientId, null, await microneedlingForm(store.services, new SeededRandom(7), 'None'));
});
afterEach(() => {
  store.services.close();
  folder.remove();
});

const session = (overrides: Partial<SessionRecordInput> = {}): SessionRecordInput => ({
  performedAt: clock.now().toISOString(),
  device: { kind: 'pen', make: 'Dr. Pen', model: 'M8', settings: 'speed 5' },
  cartridge: { name: '16-pin cartridge', lot: 'CART-2291', expiry: '2027-06-30' },
  anaesthetic: { product: 'LMX4', appliedAt: '08:30' },
  skinPrep: 'Chlorhexidine',
  areas: [
    { area: 'forehead', depthMm: 0.5, passes: 3 },
    { area: 'cheek-left', depthMm: 1.0, passes: 3 },
    { area: 'cheek-right', depthMm: 1.0, passes: 3 },
  ],
  products: [{ name: 'Hyaluronic serum', lot: 'HA 7781', expiry: null }],
  endpoint: 'even-erythema',
  immediateReaction: 'Even erythema',
  aftercareGiven: true,
  notes: 'Tolerated well',
  ...overrides,
});

describe('medical history and screening', () => {
  it('keeps every answer set as a dated entry; the latest counts', () => {
    store.services.medicalHistory.record(by, clientId, answeredHistory({ diabetes: { answer: 'yes', detail: 'type 2' } }));
    clock.advance(86_400_000);
    store.services.medicalHistory.record(by, clientId, answeredHistory());
    const entries = store.services.medicalHistory.entries(by, clientId);
    expect(entries).toHaveLength(2);
    expect(entries[0]!.alerts).toEqual([]);
    expect(entries[1]!.alerts.map((a) => a.rule)).toEqual(['diabetes']);
    expect(() => store.services.db.prepare('UPDATE medical_history SET answers = ?').run('{}')).toThrow(/never changed/);
  });

  it('a stop blocks the session until a practitioner overrides it with a reason, for that day only', () => {
    store.services.medicalHistory.record(by, clientId, answeredHistory({ sunburnInArea: { answer: 'yes', detail: 'cheeks' } }));
    expect(() => store.services.sessions.record(by, clientId, null, session())).toThrow(expect.objectContaining({ code: 'NEEDS_OVERRIDE' }));
    store.services.medicalHistory.override(by, clientId, 'Sunburn is on the neck only; face treated');
    expect(store.services.sessions.record(by, clientId, null, session()).record.areas).toHaveLength(3);
    const audit = store.services.audit.recent(5).map((r) => r.action);
    expect(audit).toContain('screening.override');
    clock.advance(86_400_000);
    expect(store.services.medicalHistory.screening(clientId).blocked).toBe(true);
  });

  it('cautions do not block', () => {
    store.services.medicalHistory.record(by, clientId, answeredHistory({ anticoagulantsOrAntiplatelets: { answer: 'yes', detail: 'aspirin' } }));
    expect(store.services.medicalHistory.screening(clientId)).toMatchObject({ blocked: false, alerts: [{ rule: 'anticoagulants', level: 'caution' }] });
    expect(() => store.services.sessions.record(by, clientId, null, session())).not.toThrow();
  });
});

describe('treatment sessions', () => {
  // A session needs a complete history: screening treats a missing one as unknown, not as clear.
  beforeEach(() => store.services.medicalHistory.record(by, clientId, answeredHistory()));

  it('a depth above the area maximum needs confirming', () => {
    const deep = session({ areas: [{ area: 'periorbital-left', depthMm: 0.5, passes: 2 }] });
    expect(() => store.services.sessions.record(by, clientId, null, deep)).toThrow(expect.objectContaining({ code: 'NEEDS_CONFIRMATION' }));
    expect(store.services.sessions.record(by, clientId, null, deep, { depthsConfirmed: true }).record.areas[0]!.depthMm).toBe(0.5);
  });

  it("the depth table is the clinic's to edit", () => {
    store.services.sessions.setAreaDepth(by, { area: 'periorbital-left', typicalMm: 0.25, maxMm: 0.5 });
    expect(() => store.services.sessions.record(by, clientId, null, session({ areas: [{ area: 'periorbital-left', depthMm: 0.5, passes: 2 }] }))).not.toThrow();
  });

  it('is changed in place on the same day, and by an amendment that keeps the original later', () => {
    const first = store.services.sessions.record(by, clientId, null, session());
    store.services.sessions.change(by, first.id, session({ notes: 'Tolerated well; mild pinpoint bleeding on cheeks' }), null);
    expect(store.services.sessions.get(first.id).amendments).toEqual([]);
    clock.advance(2 * 86_400_000);
    expect(() => store.services.sessions.change(by, first.id, session({ notes: 'changed' }), null)).toThrow(expect.objectContaining({ code: 'NEEDS_CONFIRMATION' }));
    const amended = store.services.sessions.change(by, first.id, session({ notes: 'Reaction at 48 h: none' }), 'Follow-up call added');
    expect(amended.record.notes).toBe('Reaction at 48 h: none');
    expect(amended.amendments).toHaveLength(1);
    expect(amended.amendments[0]).toMatchObject({ reason: 'Follow-up call added', amendedByName: 'Ada Admin' });
    expect(amended.amendments[0]!.previous.notes).toBe('Tolerated well; mild pinpoint bleeding on cheeks');
    expect(() => store.services.db.prepare('DELETE FROM session_amendment').run()).toThrow(/never removed/);
  });

  it('a recall finds every client treated with a lot, whatever the case or spacing', () => {
    const other = store.services.clients.create(by, { firstName: 'Иван', lastName: 'Петров' }).id;
    store.services.medicalHistory.record(by, other, answeredHistory());
    store.services.sessions.record(by, clientId, null, session());
    store.services.sessions.record(by, other, null, session({ cartridge: { name: '12-pin', lot: 'cart 2291', expiry: null }, products: [] }), {
      noConsentReason: 'Consent signed on paper, being scanned.',
    });
    store.services.sessions.record(by, other, null, session({ cartridge: null, products: [] }), { noConsentReason: 'Consent signed on paper, being scanned.' });
    expect(
      store.services.sessions
        .findByLot(by, 'CART2291')
        .map((u) => u.clientName)
        .sort(),
    ).toEqual(['Zoë Nguyễn', 'Иван Петров']);
    expect(store.services.sessions.findByLot(by, 'ha7781').map((u) => [u.clientName, u.kind])).toEqual([['Zoë Nguyễn', 'product']]);
    expect(store.services.sessions.findByLot(by, 'nope')).toEqual([]);
  });
});

describe('courses', () => {
  beforeEach(() => store.services.medicalHistory.record(by, clientId, answeredHistory()));

  it('shows progress and when the next session is due; overdue courses are listed', () => {
    const course = store.services.courses.create(by, clientId, { indication: 'acne-scarring', plannedSessions: 6, intervalWeeks: 4, startedOn: '2026-09-01', notes: '' });
    // Before the consent signed in beforeEach: recorded under an override.
    const paper = { noConsentReason: 'Consent signed on paper, being scanned.' };
    clock.advance(-70 * 86_400_000); // 2026-09-16
    store.services.sessions.record(by, clientId, course.id, session(), paper);
    clock.advance(28 * 86_400_000); // 2026-10-14
    store.services.sessions.record(by, clientId, course.id, session(), paper);
    clock.advance(42 * 86_400_000); // 2026-11-25
    const progress = store.services.courses.get(course.id);
    expect(progress).toMatchObject({ sessionsDone: 2, plannedSessions: 6, lastSessionOn: '2026-10-14', nextDueOn: '2026-11-11' });
    expect(store.services.courses.overdue(10).map((c) => [c.clientName, c.nextDueOn])).toEqual([['Zoë Nguyễn', '2026-11-11']]);
    store.services.courses.setStatus(by, course.id, 'stopped');
    expect(store.services.courses.overdue(10)).toEqual([]);
  });

  it("a session cannot be filed under another client's course", () => {
    const other = store.services.clients.create(by, { firstName: 'Ann', lastName: 'Other' }).id;
    const course = store.services.courses.create(by, other, { indication: 'stretch-marks', plannedSessions: 3, intervalWeeks: 6, startedOn: '2026-11-01', notes: '' });
    expect(() => store.services.sessions.record(by, clientId, course.id, session())).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('the session gate, enforced by main', () => {
  const override = { noConsentReason: 'Paper consent signed today, scanned tomorrow.' };
  beforeEach(() => store.services.medicalHistory.record(by, clientId, answeredHistory()));

  it('relies on the valid treatment consent and stores its id and version', () => {
    const consentId = store.services.consents.idsForClient(clientId)[0]!;
    const saved = store.services.sessions.record(by, clientId, null, session());
    expect(saved.basis).toMatchObject({ consent: { id: consentId, templateId: 'microneedling', version: { major: 1 } }, exceptions: [] });
    expect(store.services.sessions.get(saved.id).basis).toEqual(saved.basis);
  });

  it('refuses a client with no consent, then saves under an override that is stored, audited and names who', () => {
    const other = store.services.clients.create(by, { firstName: 'Ola', lastName: 'Nordmann' }).id;
    store.services.medicalHistory.record(by, other, answeredHistory());
    expect(() => store.services.sessions.record(by, other, null, session())).toThrow(
      expect.objectContaining({ code: 'NEEDS_OVERRIDE', message: expect.stringContaining('no valid treatment consent') }),
    );
    expect(() => store.services.sessions.record(by, other, null, session(), { noConsentReason: '   ' })).toThrow(expect.objectContaining({ code: 'NEEDS_OVERRIDE' }));
    const saved = store.services.sessions.record(by, other, null, session(), override);
    expect(saved.basis).toEqual({
      consent: null,
      exceptions: [{ kind: 'no-consent', consentState: 'needed', reason: override.noConsentReason, by, byName: 'Ada Admin', at: clock.now().toISOString() }],
    });
    expect(store.services.audit.recent(5).map((row) => row.action)).toContain('session.override-consent');
  });

  it('a withdrawn consent is no consent', () => {
    const consentId = store.services.consents.idsForClient(clientId)[0]!;
    store.services.consents.withdraw(by, consentId, ['consent'], 'Client withdrew');
    expect(() => store.services.sessions.record(by, clientId, null, session())).toThrow(expect.objectContaining({ code: 'NEEDS_OVERRIDE' }));
    expect(store.services.sessions.record(by, clientId, null, session(), override).basis?.exceptions[0]).toMatchObject({ kind: 'no-consent', consentState: 'stale' });
  });

  it('refuses an expired cartridge without a reason; month expiries count to the end of the month', () => {
    const expired = session({ cartridge: { name: '16-pin', lot: 'OLD-1', expiry: '2024-11' } });
    expect(() => store.services.sessions.record(by, clientId, null, expired)).toThrow(expect.objectContaining({ code: 'NEEDS_OVERRIDE', message: expect.stringContaining('expired') }));
    expect(store.services.sessions.record(by, clientId, null, session({ cartridge: { name: '16-pin', lot: 'NOV-1', expiry: '2026-11' } })).basis?.exceptions).toEqual([]);
    const saved = store.services.sessions.record(by, clientId, null, expired, { expiredLotReason: 'No other cartridge; client informed and agreed.' });
    expect(saved.record.cartridge?.expiry).toBe('2024-11');
    expect(saved.basis?.exceptions).toEqual([
      expect.objectContaining({ kind: 'expired-lot', lotKind: 'cartridge', lot: 'OLD-1', expiry: '2024-11', reason: 'No other cartridge; client informed and agreed.' }),
    ]);
    expect(store.services.audit.recent(5).map((row) => row.action)).toContain('session.override-expired-lot');
  });

  it('keeps a confirmed deep area as an exception, and a same-day edit names who made it', () => {
    const deep = session({ areas: [{ area: 'forehead', depthMm: 0.8, passes: 2 }] });
    const saved = store.services.sessions.record(by, clientId, null, deep, { depthsConfirmed: true });
    expect(saved.basis?.exceptions).toEqual([expect.objectContaining({ kind: 'depth-above-max', area: 'forehead', depthMm: 0.8, maxMm: 0.5 })]);
    expect(saved.updatedByName).toBeNull();
    clock.advance(60_000);
    const edited = store.services.sessions.change(by, saved.id, { ...deep, notes: 'Added a note' }, null);
    expect(edited).toMatchObject({ updatedByName: 'Ada Admin', updatedAt: clock.now().toISOString() });
    expect(edited.basis).toEqual(saved.basis);
  });

  it('a recall carries contact details and the practitioner, and saving the list is audited', () => {
    store.services.clients.update(by, clientId, { firstName: 'Zoë', lastName: 'Nguyễn', phone: '07700 900123', email: 'zoe@example.org', address: '1 High St' });
    store.services.sessions.record(by, clientId, null, session());
    expect(store.services.sessions.findByLot(by, 'CART-2291')[0]).toMatchObject({ clientId, phone: '07700 900123', email: 'zoe@example.org', address: '1 High St', practitionerName: 'Ada Admin' });
    store.services.sessions.recordRecallExport(by, 'CART-2291', 1);
    expect(store.services.audit.recent(1)[0]).toMatchObject({ action: 'lot.recall-export', detail: 'sessions=1' });
  });
});
