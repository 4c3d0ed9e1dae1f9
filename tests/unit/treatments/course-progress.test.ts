import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecordInput } from '../../../shared/clinical/session';
import { migrate } from '../../../main/store/migrations';
import { answeredHistory } from '../../support/medical-history';
import { createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let store: Awaited<ReturnType<typeof createTestStore>>;
let clock: TestClock;
let by: string;

const day = 86_400_000;
const paper = { noConsentReason: 'Consent signed on paper, being scanned.' };

beforeEach(async () => {
  folder = tempFolder();
  clock = new TestClock(new Date('2026-09-01T09:00:00Z'));
  store = await createTestStore(folder.path, clock);
  by = store.admin.id;
});
afterEach(() => {
  store.services.close();
  folder.remove();
});

const session = (performedAt = clock.now().toISOString()): SessionRecordInput => ({
  performedAt,
  device: { kind: 'pen', make: 'Dr. Pen', model: 'M8', settings: 'speed 5' },
  cartridge: { name: '16-pin cartridge', lot: 'CART-2291', expiry: '2027-06-30' },
  anaesthetic: { product: 'LMX4', appliedAt: '08:30' },
  skinPrep: 'Chlorhexidine',
  areas: [{ area: 'forehead', depthMm: 0.5, passes: 3 }],
  products: [],
  endpoint: 'even-erythema',
  immediateReaction: 'Even erythema',
  aftercareGiven: true,
  notes: '',
});

function clientWithCourse(firstName: string, plannedSessions = 3, startedOn = '2026-09-01') {
  const clientId = store.services.clients.create(by, { firstName, lastName: 'Test' }).id;
  store.services.medicalHistory.record(by, clientId, answeredHistory());
  const course = store.services.courses.create(by, clientId, { indication: 'acne-scarring', plannedSessions, intervalWeeks: 4, startedOn, notes: '' });
  return { clientId, courseId: course.id };
}

const progress = (courseId: string) => {
  const { sessionsDone, lastSessionOn, nextDueOn } = store.services.courses.get(courseId);
  return { sessionsDone, lastSessionOn, nextDueOn };
};
const overdueOn = (iso: string) => {
  clock.advance(new Date(`${iso}T09:00:00Z`).getTime() - clock.now().getTime());
  return store.services.courses.overdue(10).map((course) => [course.clientName, course.nextDueOn]);
};

describe('course progress kept with the sessions', () => {
  it('follows a session added, then amended to another day', () => {
    const { clientId, courseId } = clientWithCourse('Ann');
    expect(progress(courseId)).toEqual({ sessionsDone: 0, lastSessionOn: null, nextDueOn: '2026-09-01' });
    const first = store.services.sessions.record(by, clientId, courseId, session(), paper);
    expect(progress(courseId)).toEqual({ sessionsDone: 1, lastSessionOn: '2026-09-01', nextDueOn: '2026-09-29' });
    // Corrected later the same day: performed the day before.
    store.services.sessions.change(by, first.id, session('2026-08-31T15:00:00.000Z'), null, paper);
    expect(progress(courseId)).toEqual({ sessionsDone: 1, lastSessionOn: '2026-08-31', nextDueOn: '2026-09-28' });
  });

  it('is done when the planned sessions are, and not due once closed', () => {
    const { clientId, courseId } = clientWithCourse('Bea', 2);
    store.services.sessions.record(by, clientId, courseId, session(), paper);
    clock.advance(28 * day);
    store.services.sessions.record(by, clientId, courseId, session(), paper);
    expect(progress(courseId)).toEqual({ sessionsDone: 2, lastSessionOn: '2026-09-29', nextDueOn: null });

    const other = clientWithCourse('Cai');
    expect(overdueOn('2026-10-10')).toEqual([['Cai Test', '2026-09-01']]);
    store.services.courses.setStatus(by, other.courseId, 'stopped');
    expect(progress(other.courseId).nextDueOn).toBeNull();
    expect(overdueOn('2026-10-10')).toEqual([]);
    store.services.courses.setStatus(by, other.courseId, 'active');
    expect(overdueOn('2026-10-10')).toEqual([['Cai Test', '2026-09-01']]);
  });

  it('lists the most overdue first, stops at the limit, and leaves archived and purged clients out', async () => {
    const late = clientWithCourse('Dee', 3, '2026-06-01');
    const later = clientWithCourse('Eve', 3, '2026-05-01');
    const gone = clientWithCourse('Fay', 3, '2026-04-01');
    store.services.sessions.record(by, gone.clientId, gone.courseId, session(), paper);
    expect(overdueOn('2026-10-10')).toEqual([
      ['Eve Test', '2026-05-01'],
      ['Dee Test', '2026-06-01'],
      ['Fay Test', '2026-09-29'],
    ]);
    expect(store.services.courses.overdue(1).map((course) => course.clientName)).toEqual(['Eve Test']);

    await store.services.retention.purgeClient(by, { clientId: gone.clientId, reason: 'erasure-request', note: 'Written request received.', confirmation: 'Fay Test' });
    expect(overdueOn('2026-10-10')).toEqual([
      ['Eve Test', '2026-05-01'],
      ['Dee Test', '2026-06-01'],
    ]);
    store.services.db.prepare('UPDATE client SET archived = 1 WHERE id = ?').run(later.clientId);
    expect(overdueOn('2026-10-10')).toEqual([['Dee Test', '2026-06-01']]);
    expect(late.courseId).toBeTruthy();
  });

  it('recounts when a session row is erased', () => {
    const { clientId, courseId } = clientWithCourse('Gil');
    const first = store.services.sessions.record(by, clientId, courseId, session(), paper);
    clock.advance(28 * day);
    store.services.sessions.record(by, clientId, courseId, session(), paper);
    const db = store.services.db;
    db.prepare('DELETE FROM session_lot WHERE session_id IN (SELECT id FROM treatment_session WHERE course_id = ?)').run(courseId);
    db.prepare('DELETE FROM treatment_session WHERE id <> ? AND course_id = ?').run(first.id, courseId);
    expect(progress(courseId)).toEqual({ sessionsDone: 1, lastSessionOn: '2026-09-01', nextDueOn: '2026-09-29' });
  });

  it('is filled from the sessions already there when the store is upgraded', () => {
    const { clientId, courseId } = clientWithCourse('Hal');
    store.services.sessions.record(by, clientId, courseId, session(), paper);
    const db = store.services.db;
    // Back to the schema before the step, with its progress columns and table gone.
    db.exec(`
      DROP TRIGGER treatment_session_counts_on_insert; DROP TRIGGER treatment_session_counts_on_delete;
      DROP TRIGGER treatment_session_counts_on_update; DROP INDEX course_by_next_due;
      ALTER TABLE course DROP COLUMN next_due_on; ALTER TABLE course DROP COLUMN last_session_at;
      ALTER TABLE course DROP COLUMN sessions_done;
      DROP TRIGGER audit_event_marks_recent_client; DROP TRIGGER client_leaves_recent_clients; DROP TABLE recent_client;
      DROP INDEX email_outbox_by_next_attempt; DROP TABLE email_outbox; DROP TABLE client_sharing_choice;
      DROP TABLE appointment;
      DROP INDEX session_lot_by_stock_lot; ALTER TABLE session_lot DROP COLUMN stock_lot_id;
      DROP TRIGGER treatment_session_leaves_stock_used; DROP TABLE stock_movement; DROP TABLE stock_lot; DROP TABLE stock_product;
    `);
    db.pragma('user_version = 13');
    migrate(db);
    expect(progress(courseId)).toEqual({ sessionsDone: 1, lastSessionOn: '2026-09-01', nextDueOn: '2026-09-29' });
    expect(store.services.clients.recent(5).map((client) => client.firstName)).toEqual(['Hal']);
  });
});

describe('recent clients', () => {
  it('are the clients opened, created or changed most recently, each once, newest first', () => {
    const ann = store.services.clients.create(by, { firstName: 'Ann', lastName: 'Test' }).id;
    const bea = store.services.clients.create(by, { firstName: 'Bea', lastName: 'Test' }).id;
    store.services.clients.create(by, { firstName: 'Cai', lastName: 'Test' });
    store.services.profiles.open(by, ann, { healthData: true });
    expect(store.services.clients.recent(2).map((client) => client.firstName)).toEqual(['Ann', 'Cai']);
    store.services.profiles.open(by, bea, { healthData: true });
    expect(store.services.clients.recent(5).map((client) => client.firstName)).toEqual(['Bea', 'Ann', 'Cai']);
  });
});
