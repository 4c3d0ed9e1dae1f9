import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answeredHistory } from '../../support/medical-history';
import { createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let store: Awaited<ReturnType<typeof createTestStore>>;
let by: string;
let practitionerId: string;
let clientId: string;

// 2026-11-25 is a Wednesday; the clinic's default hours are 09:00-18:00 on weekdays.
beforeEach(async () => {
  folder = tempFolder();
  store = await createTestStore(folder.path, new TestClock(new Date('2026-11-25T08:00:00Z')));
  by = store.admin.id;
  practitionerId = (await store.services.staff.add(by, { name: 'Pia Practitioner', role: 'practitioner', password: 'practitioner password' })).id;
  clientId = store.services.clients.create(by, { firstName: 'Zoë', lastName: 'Nguyễn' }).id;
});
afterEach(() => {
  store.services.close();
  folder.remove();
});

const booking = (changes: Record<string, unknown> = {}) => ({
  clientId,
  practitionerId,
  roomId: null,
  start: '2026-11-25T10:00',
  minutes: 60,
  courseId: null,
  bookingNote: '',
  confirmWarnings: false,
  ...changes,
});

describe('booking and moving', () => {
  it('books, then warns about a clash for the same practitioner and writes nothing until confirmed', () => {
    const first = store.services.diary.book(by, booking());
    expect(first.warnings).toEqual([]);
    expect(first.appointments[0]).toMatchObject({ clientName: 'Zoë Nguyễn', practitionerName: 'Pia Practitioner', start: '2026-11-25T10:00', status: 'booked' });
    const other = store.services.clients.create(by, { firstName: 'Ola', lastName: 'Berg' }).id;
    const clash = store.services.diary.book(by, booking({ clientId: other, start: '2026-11-25T10:30' }));
    expect(clash).toEqual({ appointments: [], warnings: [{ kind: 'practitioner', withClientName: 'Zoë Nguyễn', start: '2026-11-25T10:00' }] });
    expect(store.services.diary.week('2026-11-23', 7)).toHaveLength(1);
    const confirmed = store.services.diary.book(by, booking({ clientId: other, start: '2026-11-25T10:30', confirmWarnings: true }));
    expect(confirmed.appointments).toHaveLength(1);
    expect(store.services.diary.week('2026-11-23', 7)).toHaveLength(2);
  });

  it('warns outside opening hours and on a day off', () => {
    store.services.diarySettings.update(by, { ...store.services.diarySettings.get(), daysOff: [{ staffId: practitionerId, from: '2026-11-27', to: '2026-11-27', note: '' }] });
    expect(store.services.diary.book(by, booking({ start: '2026-11-25T17:30' })).warnings.map((w) => w.kind)).toEqual(['outside-hours']);
    expect(store.services.diary.book(by, booking({ start: '2026-11-27T10:00' })).warnings.map((w) => w.kind)).toEqual(['day-off']);
    expect(store.services.diary.book(by, booking({ start: '2026-11-29T10:00' })).warnings.map((w) => w.kind)).toEqual(['clinic-closed']);
  });

  it('moves and resizes an appointment, and refuses to move a finished one', () => {
    const id = store.services.diary.book(by, booking()).appointments[0]!.id;
    const moved = store.services.diary.move(by, { id, start: '2026-11-26T14:00', minutes: 90, practitionerId, roomId: null, confirmWarnings: false });
    expect(moved.appointments[0]).toMatchObject({ start: '2026-11-26T14:00', minutes: 90 });
    store.services.diary.setStatus(by, { id, status: 'no-show' });
    expect(() => store.services.diary.move(by, { id, start: '2026-11-27T14:00', minutes: 90, practitionerId, roomId: null, confirmWarnings: false })).toThrow(/finished/);
  });

  it('refuses a reception or inactive member of staff as the practitioner, and a room not in the settings', async () => {
    const reception = (await store.services.staff.add(by, { name: 'Rae Reception', role: 'reception', password: 'reception password' })).id;
    expect(() => store.services.diary.book(by, booking({ practitionerId: reception }))).toThrow(/practitioner/);
    expect(() => store.services.diary.book(by, booking({ roomId: 'nowhere' }))).toThrow(/room/);
  });
});

describe('statuses', () => {
  it('follows the day and keeps the reason of a cancellation', () => {
    const id = store.services.diary.book(by, booking()).appointments[0]!.id;
    expect(() => store.services.diary.setStatus(by, { id, status: 'done' })).toThrow(/not possible/);
    expect(store.services.diary.setStatus(by, { id, status: 'arrived' }).status).toBe('arrived');
    expect(store.services.diary.setStatus(by, { id, status: 'cancelled', reason: 'Felt unwell on arrival' })).toMatchObject({ status: 'cancelled', cancelReason: 'Felt unwell on arrival' });
    const actions = store.services.db.prepare(`SELECT action FROM audit_event WHERE entity = 'appointment' ORDER BY seq`).pluck().all() as string[];
    expect(actions).toEqual(['appointment.book', 'appointment.status', 'appointment.cancel']);
  });
});

describe('courses', () => {
  it('books the next session as "n of N" and a whole course at its interval, refusing past the plan', () => {
    const course = store.services.courses.create(by, clientId, { indication: 'acne-scarring', plannedSessions: 3, intervalWeeks: 4, startedOn: '2026-11-25', notes: '' });
    const next = store.services.diary.book(by, booking({ courseId: course.id }));
    expect(next.appointments[0]).toMatchObject({ courseSession: 1, coursePlanned: 3, courseIndication: 'acne-scarring' });
    const rest = store.services.diary.bookCourse(by, { courseId: course.id, practitionerId, roomId: null, firstStart: '2026-12-23T11:00', minutes: 60, confirmWarnings: false });
    expect(rest.appointments.map((a) => [a.start, a.courseSession])).toEqual([
      ['2026-12-23T11:00', 2],
      ['2027-01-20T11:00', 3],
    ]);
    expect(() => store.services.diary.book(by, booking({ courseId: course.id, start: '2027-02-17T10:00' }))).toThrow(/already done or booked/);
  });
});

describe("today's list", () => {
  it('flags what to prepare, and leaves the screening stop out for reception', () => {
    store.services.diary.book(by, booking());
    const practitioner = store.services.diary.today(by, true);
    expect(practitioner.day).toBe('2026-11-25');
    expect(practitioner.items[0]!.flags).toEqual(['consent-missing', 'history-review', 'photo-consent-missing', 'screening-stop']);
    expect(store.services.diary.today(by, false).items[0]!.flags).toEqual(['consent-missing', 'history-review', 'photo-consent-missing']);
    store.services.medicalHistory.record(by, clientId, answeredHistory());
    expect(store.services.diary.today(by, true).items[0]!.flags).toEqual(['consent-missing', 'photo-consent-missing']);
  });
});
