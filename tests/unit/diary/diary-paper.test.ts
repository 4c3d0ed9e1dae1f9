import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderDaySheetPdf } from '../../../main/diary/day-sheet-pdf';
import { calendarName, weekCalendar } from '../../../main/diary/week-calendar';
import { createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let store: Awaited<ReturnType<typeof createTestStore>>;
let by: string;

beforeEach(async () => {
  folder = tempFolder();
  store = await createTestStore(folder.path, new TestClock(new Date('2026-11-25T08:00:00Z')));
  by = store.admin.id;
  const zoe = store.services.clients.create(by, { firstName: 'Zoë', lastName: 'Nguyễn' }).id;
  const ola = store.services.clients.create(by, { firstName: 'Ola', lastName: 'Berg' }).id;
  const course = store.services.courses.create(by, zoe, { indication: 'acne-scarring', plannedSessions: 6, intervalWeeks: 4, startedOn: '2026-11-01', notes: '' });
  const book = (clientId: string, start: string, courseId: string | null = null) =>
    store.services.diary.book(by, { clientId, practitionerId: by, roomId: null, start, minutes: 60, courseId, bookingNote: '', confirmWarnings: true }).appointments[0]!;
  book(zoe, '2026-11-25T10:00', course.id);
  book(ola, '2026-11-26T14:30');
  const gone = book(ola, '2026-11-27T09:00');
  store.services.diary.setStatus(by, { id: gone.id, status: 'cancelled', reason: 'Client moved away' });
});
afterEach(() => {
  store.services.close();
  folder.remove();
});

describe("a practitioner's week as a calendar file", () => {
  it('parses with ical.js: local times, lengths, first names and initials only, nothing cancelled', () => {
    const text = weekCalendar(store.services.diary.calendarWeek(by, '2026-11-23'), { clinicName: 'Test Clinic', practitionerName: 'Ada Admin', surnames: false });
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events.map((event) => [event.summary, event.startDate.toString(), event.duration.toSeconds() / 60, event.location])).toEqual([
      ['Zoë N. (1 of 6)', '2026-11-25T10:00:00', 60, 'Test Clinic'],
      ['Ola B.', '2026-11-26T14:30:00', 60, 'Test Clinic'],
    ]);
    // Floating times: the clinic's wall clock, with no zone for a phone to shift.
    expect(events[0]!.startDate.zone?.tzid).toBe('floating');
    expect(text).not.toContain('Nguyễn');
    expect(text).not.toContain('Berg');
  });

  it('names surnames only when the clinic allows it', () => {
    expect(calendarName('Zoë', 'Nguyễn', true)).toBe('Zoë Nguyễn');
    expect(calendarName('Zoë', 'Nguyễn', false)).toBe('Zoë N.');
    expect(calendarName('Zoë', '', false)).toBe('Zoë');
    const text = weekCalendar(store.services.diary.calendarWeek(by, '2026-11-23'), { clinicName: 'Test Clinic', practitionerName: 'Ada Admin', surnames: true });
    expect(text).toContain('Zoë Nguyễn');
  });
});

describe('the day sheet', () => {
  it('renders a PDF of the day with the readiness flags', async () => {
    const settings = store.services.settings.get();
    const pdf = await renderDaySheetPdf({
      clinic: { name: settings.clinicName, address: settings.clinicAddress, phone: '', logo: null },
      practitionerName: 'Ada Admin',
      day: '2026-11-25',
      items: store.services.diary.daySheet('2026-11-25', by),
      roomNames: {},
      paperSize: 'A4',
      dateFormat: 'DD/MM/YYYY',
      printedAt: new Date('2026-11-25T08:00:00Z'),
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(store.services.diary.daySheet('2026-11-25', by)[0]!.flags).toEqual(['consent-missing', 'history-review', 'photo-consent-missing', 'screening-stop']);
  });
});
