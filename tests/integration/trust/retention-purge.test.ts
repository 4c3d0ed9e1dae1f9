import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteDatabase } from '../../../main/store/open-database';
import { answeredHistory } from '../../support/medical-history';
import { openTrustClinic, sessionRecordSample, type TrustClinic } from '../../trust/support/trust-clinic';
import { scanForMarkers } from './marker-scan';

const day = 24 * 60 * 60 * 1000;
/** Words that appear nowhere else: if any is found after the purge, a trace was left. */
const marker = {
  first: 'Quillonveer',
  last: 'Marrowbyne',
  phone: '07700 964213',
  email: 'quillon.plover@example.org',
  notes: 'xyzzyclientnote',
  sessionNotes: 'grueplughnote',
  amendment: 'frobozzamend',
  override: 'zorkmidoverride',
  course: 'bedquiltcourse',
  history: 'flatheadhistory',
  bookingNote: 'plughbookingnote',
};
const fullName = `${marker.first} ${marker.last}`;

let clinic: TrustClinic;
let db: SqliteDatabase;
let clientId: string;

async function ok<T>(channel: string, input: unknown = {}): Promise<T> {
  const result = await clinic.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** A client with every kind of record migrations 001-002 hold (history with a stop, override, course, session with lots, an amendment) and an appointment. */
async function recordEverything(): Promise<string> {
  const client = await ok<{ id: string }>('clients.create', {
    fields: { firstName: marker.first, lastName: marker.last, dateOfBirth: '1980-06-15', phone: marker.phone, email: marker.email, notes: marker.notes },
    allowDuplicate: false,
  });
  await ok('medicalHistory.record', {
    clientId: client.id,
    answers: answeredHistory({ pregnantOrBreastfeeding: { answer: 'yes', detail: marker.history } }),
  });
  await ok('screening.override', { clientId: client.id, reason: `Cleared by obstetrician ${marker.override}` });
  const course = await ok<{ id: string }>('courses.create', {
    clientId: client.id,
    course: { indication: 'acne-scarring', plannedSessions: 3, intervalWeeks: 4, startedOn: '2026-11-01', notes: marker.course },
  });
  const session = await ok<{ id: string }>('sessions.record', {
    clientId: client.id,
    courseId: course.id,
    record: sessionRecordSample(marker.sessionNotes),
    depthsConfirmed: false,
    noConsentReason: 'Test clinic: no consent form signed.',
  });
  await ok('diary.book', {
    clientId: client.id,
    practitionerId: clinic.ids.staff.admin,
    roomId: null,
    start: '2026-12-01T10:00',
    minutes: 60,
    courseId: course.id,
    bookingNote: marker.bookingNote,
    confirmWarnings: true,
  });
  clinic.clock.advance(2 * day);
  await ok('sessions.change', { id: session.id, record: sessionRecordSample(`${marker.sessionNotes} changed`), reason: `Typo ${marker.amendment}`, depthsConfirmed: false });
  return client.id;
}

beforeEach(async () => {
  clinic = await openTrustClinic();
  db = clinic.runtime.current().services.db;
  clientId = await recordEverything();
}, 60_000);
afterEach(() => {
  expect(clinic.faults).toEqual([]);
  clinic.close();
});

const markers = Object.values(marker);

describe('purging a client', () => {
  it('removes every trace of them from every table, FTS shadow tables included, and leaves a tombstone', async () => {
    // The scan can see them before: it would notice a trace left behind.
    const before = scanForMarkers(db, markers);
    for (const table of ['client', 'client_search_data', 'medical_history', 'screening_override', 'course', 'treatment_session', 'session_amendment', 'appointment']) {
      expect(
        before.some((hit) => hit.startsWith(`${table}:`)),
        `${table} holds a marker before the purge`,
      ).toBe(true);
    }

    const purge = await ok<{ rowsRemoved: number; filesErased: boolean }>('retention.purge', {
      clientId,
      reason: 'erasure-request',
      note: 'Written request received 20 Nov.',
      confirmation: `  ${fullName.toUpperCase()} `,
    });
    expect(purge.rowsRemoved).toBeGreaterThanOrEqual(8);
    expect(purge.filesErased).toBe(true);

    expect(scanForMarkers(db, markers)).toEqual([]);
    const tombstone = db.prepare('SELECT * FROM client_tombstone WHERE client_id = ?').get(clientId) as Record<string, unknown>;
    expect(tombstone).toMatchObject({ client_id: clientId, purged_by: clinic.ids.staff.admin, reason: 'erasure-request', note: 'Written request received 20 Nov.' });
    // Not found any more, by search or by id; the rest of the clinic is untouched.
    expect(await ok<{ total: number }>('clients.find', { text: marker.last, offset: 0, limit: 10 })).toMatchObject({ total: 0 });
    expect(await clinic.call('clients.profile', { id: clientId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ok<{ total: number }>('clients.find', { text: 'Fuzz', offset: 0, limit: 10 })).toMatchObject({ total: 1 });
    expect(db.prepare('SELECT count(*) FROM client_purge_in_progress').pluck().get()).toBe(0);
  });

  it('keeps the earlier audit rows about them, and the chain still verifies', async () => {
    const rowsAbout = () => db.prepare(`SELECT count(*) FROM audit_event WHERE entity = 'client' AND entity_id = ?`).pluck().get(clientId) as number;
    const before = rowsAbout();
    await ok('retention.purge', { clientId, reason: 'erasure-request', note: 'Written request received.', confirmation: fullName });
    expect(rowsAbout()).toBe(before + 1);
    const purged = db.prepare(`SELECT action, detail FROM audit_event ORDER BY seq DESC LIMIT 1`).get();
    expect(purged).toEqual({ action: 'client.purged', detail: expect.stringMatching(/^reason=erasure-request rows=\d+$/) });
    const verify = await ok<{ ok: boolean; firstBrokenSeq: number | null }>('auditTrail.verify');
    expect(verify).toMatchObject({ ok: true, firstBrokenSeq: null });
    // The trail still lists the rows, marked as about a purged client, with no name to resolve.
    const trail = await ok<{ rows: { action: string; purged: boolean; entityName: string | null }[] }>('auditTrail.find', {
      filters: { staffId: null, clientId, actions: [], fromDay: null, toDay: null },
      limit: 100,
      beforeSeq: null,
    });
    expect(trail.rows.map((row) => row.action)).toContain('client.create');
    expect(trail.rows.every((row) => row.purged && row.entityName === null)).toBe(true);
  });

  it('is refused without the client’s name typed, and changes nothing', async () => {
    const count = () => db.prepare('SELECT count(*) FROM client').pluck().get();
    const seq = () => db.prepare('SELECT max(seq) FROM audit_event').pluck().get();
    const [clients, last] = [count(), seq()];
    for (const confirmation of ['', 'Quillonveer', 'Fuzz Target', 'delete']) {
      expect(await clinic.call('retention.purge', { clientId, reason: 'erasure-request', note: 'Written request.', confirmation })).toMatchObject({ ok: false, error: { code: 'NEEDS_CONFIRMATION' } });
    }
    expect([count(), seq()]).toEqual([clients, last]);
  });

  it('for the end of retention, only once retention has ended', async () => {
    const request = { clientId, reason: 'retention-period-ended', note: 'Retention period over.', confirmation: fullName };
    expect(await clinic.call('retention.purge', request)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    clinic.clock.advance(8 * 366 * day);
    const report = await ok<{ clients: { clientId: string }[] }>('retention.report');
    expect(report.clients.map((c) => c.clientId)).toContain(clientId);
    expect(await clinic.call('retention.purge', request)).toMatchObject({ ok: true });
    const after = await ok<{ clients: { clientId: string }[] }>('retention.report');
    expect(after.clients.map((c) => c.clientId)).not.toContain(clientId);
  });

  it('rolls everything back when a table about clients has no eraser registered', async () => {
    db.exec('CREATE TABLE forgotten_feature (id INTEGER PRIMARY KEY, client_id TEXT NOT NULL) STRICT');
    db.prepare('INSERT INTO forgotten_feature (client_id) VALUES (?)').run(clientId);
    const result = await clinic.call('retention.purge', { clientId, reason: 'erasure-request', note: 'Written request.', confirmation: fullName });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    clinic.faults.length = 0;
    expect(db.prepare('SELECT count(*) FROM client WHERE id = ?').pluck().get(clientId)).toBe(1);
    expect(db.prepare('SELECT count(*) FROM treatment_session WHERE client_id = ?').pluck().get(clientId)).toBe(1);
    expect(db.prepare('SELECT count(*) FROM client_tombstone').pluck().get()).toBe(0);
    expect(await ok<{ total: number }>('clients.find', { text: marker.first, offset: 0, limit: 10 })).toMatchObject({ total: 1 });
  });

  it('is for admins only: practitioners and reception are refused at the bridge', async () => {
    for (const role of ['practitioner', 'reception'] as const) {
      await clinic.signInAs(role);
      for (const channel of ['retention.purge', 'retention.report', 'retention.settings.get', 'auditTrail.find', 'auditTrail.verify', 'auditTrail.exportCsv']) {
        const input = channel === 'retention.purge' ? { clientId, reason: 'erasure-request', note: 'Written request.', confirmation: fullName } : {};
        expect(await clinic.call(channel, input), `${channel} as ${role}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(db.prepare('SELECT count(*) FROM client WHERE id = ?').pluck().get(clientId)).toBe(1);
  });

  it('amendments still refuse deletion outside a purge, and a tombstone is never changed or removed', async () => {
    expect(() => db.prepare('DELETE FROM session_amendment').run()).toThrow(/never removed/);
    await ok('retention.purge', { clientId, reason: 'created-in-error', note: 'Registered twice by mistake.', confirmation: fullName });
    expect(() => db.prepare(`UPDATE client_tombstone SET note = 'x'`).run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM client_tombstone').run()).toThrow(/never removed/);
  });
});

describe('retention settings', () => {
  it('start at the UK defaults, unconfirmed, and an admin change is saved and audited', async () => {
    expect(await ok('retention.settings.get')).toEqual({ country: 'UK', adultYears: 8, minorUntilAge: 25, extraYearIfSeventeen: true, confirmed: false });
    const saved = await ok('retention.settings.update', { country: 'AU', adultYears: 7, minorUntilAge: 25, extraYearIfSeventeen: false });
    expect(saved).toEqual({ country: 'AU', adultYears: 7, minorUntilAge: 25, extraYearIfSeventeen: false, confirmed: true });
    const row = db.prepare('SELECT action, entity_id, detail FROM audit_event ORDER BY seq DESC LIMIT 1').get();
    expect(row).toEqual({ action: 'settings.update', entity_id: 'retention', detail: 'country, adultYears, extraYearIfSeventeen' });
    expect(await clinic.call('retention.settings.update', { country: 'AU', adultYears: 0, minorUntilAge: 25, extraYearIfSeventeen: false })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
