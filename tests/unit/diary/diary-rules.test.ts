import { describe, expect, it } from 'vitest';
import { addMinutes, isFinished, nextStatuses, statusChange, weekStart, weekdayOf } from '../../../shared/diary/appointment';
import { conflictsFor, type Slot } from '../../../shared/diary/conflicts';
import { courseBookingDays, nextBookingDay, nextSessionNumber } from '../../../shared/diary/course-booking';
import { diaryDefaults, hoursWarnings } from '../../../shared/diary/diary-settings';
import { flagsFor, readiness, type ReadinessFacts } from '../../../shared/diary/readiness';
import { answeredHistory, lastOn } from '../../support/medical-history';

describe('appointment status', () => {
  it('moves booked → arrived → in treatment → done, and a finished appointment moves no more', () => {
    expect(statusChange('booked', 'arrived', null)).toEqual({ allowed: true });
    expect(statusChange('arrived', 'in-treatment', null)).toEqual({ allowed: true });
    expect(statusChange('in-treatment', 'done', null)).toEqual({ allowed: true });
    for (const finished of ['done', 'no-show', 'cancelled'] as const) {
      expect(isFinished(finished)).toBe(true);
      expect(nextStatuses(finished)).toEqual([]);
      expect(statusChange(finished, 'booked', null)).toEqual({ allowed: false, refusal: 'not-allowed' });
    }
    expect(statusChange('booked', 'done', null)).toEqual({ allowed: false, refusal: 'not-allowed' });
  });

  it('refuses a cancellation without a reason, and takes one with it', () => {
    expect(statusChange('booked', 'cancelled', null)).toEqual({ allowed: false, refusal: 'reason-needed' });
    expect(statusChange('booked', 'cancelled', '  ')).toEqual({ allowed: false, refusal: 'reason-needed' });
    expect(statusChange('booked', 'cancelled', 'Client is unwell')).toEqual({ allowed: true });
  });

  it('counts local times and weeks from Monday', () => {
    expect(addMinutes('2026-12-08T23:30', 45)).toBe('2026-12-09T00:15');
    expect(weekdayOf('2026-12-07')).toBe(0);
    expect(weekStart('2026-12-13')).toBe('2026-12-07');
  });
});

describe('conflicts', () => {
  const booked = (id: string, start: string, minutes: number, practitionerId = 'p1', roomId: string | null = 'r1'): Slot => ({ id, practitionerId, roomId, start, minutes, status: 'booked' });

  it('warns about the same practitioner or the same room at an overlapping time', () => {
    const others = [booked('a', '2026-12-08T10:00', 60), booked('b', '2026-12-08T10:30', 30, 'p2', 'r1')];
    expect(conflictsFor({ id: 'new', practitionerId: 'p1', roomId: 'r2', start: '2026-12-08T10:30', minutes: 30 }, others)).toEqual([{ kind: 'practitioner', withId: 'a' }]);
    expect(conflictsFor({ id: 'new', practitionerId: 'p3', roomId: 'r1', start: '2026-12-08T10:45', minutes: 30 }, others)).toEqual([
      { kind: 'room', withId: 'a' },
      { kind: 'room', withId: 'b' },
    ]);
  });

  it('lets back-to-back appointments, cancelled ones, no-shows and the appointment itself pass', () => {
    const others = [
      booked('a', '2026-12-08T10:00', 60),
      { ...booked('c', '2026-12-08T11:00', 60), status: 'cancelled' as const },
      { ...booked('d', '2026-12-08T11:00', 60), status: 'no-show' as const },
    ];
    expect(conflictsFor({ id: 'new', practitionerId: 'p1', roomId: 'r1', start: '2026-12-08T11:00', minutes: 60 }, others)).toEqual([]);
    expect(conflictsFor({ id: 'a', practitionerId: 'p1', roomId: 'r1', start: '2026-12-08T10:15', minutes: 60 }, others)).toEqual([]);
  });

  it('does not treat two appointments without a room as sharing one', () => {
    expect(conflictsFor({ id: 'new', practitionerId: 'p2', roomId: null, start: '2026-12-08T10:00', minutes: 30 }, [booked('a', '2026-12-08T10:00', 60, 'p1', null)])).toEqual([]);
  });
});

describe('opening hours and days off', () => {
  const settings = { ...diaryDefaults, daysOff: [{ staffId: 'p1', from: '2026-12-10', to: '2026-12-11', note: 'Training' }] };

  it('warns outside the hours, on a closed day and on a practitioner day off', () => {
    expect(hoursWarnings(settings, 'p1', '2026-12-08T09:00', 60)).toEqual([]);
    expect(hoursWarnings(settings, 'p1', '2026-12-08T08:30', 60)).toEqual(['outside-hours']);
    expect(hoursWarnings(settings, 'p1', '2026-12-08T17:30', 60)).toEqual(['outside-hours']);
    expect(hoursWarnings(settings, 'p1', '2026-12-12T13:00', 60)).toEqual([]);
    expect(hoursWarnings(settings, 'p1', '2026-12-13T10:00', 60)).toEqual(['clinic-closed']);
    expect(hoursWarnings(settings, 'p1', '2026-12-11T10:00', 60)).toEqual(['day-off']);
    expect(hoursWarnings(settings, 'p2', '2026-12-11T10:00', 60)).toEqual([]);
  });
});

describe('booking a course', () => {
  const course = { plannedSessions: 6, intervalWeeks: 4, sessionsDone: 2, nextDueOn: '2026-11-20' };

  it('books an overdue course from today, never in the past, and a due one on its day', () => {
    expect(nextBookingDay(course, '2026-12-08')).toBe('2026-12-08');
    expect(nextBookingDay({ ...course, nextDueOn: '2026-12-20' }, '2026-12-08')).toBe('2026-12-20');
    expect(nextBookingDay({ ...course, nextDueOn: null }, '2026-12-08')).toBeNull();
    expect(nextSessionNumber(course, 0)).toBe(3);
    expect(nextSessionNumber(course, 1)).toBe(4);
  });

  it('books every remaining session one interval apart, moving a closed day to the next open one', () => {
    // 2026-12-13 is a Sunday (closed by default): the first moves to Monday and the rest follow it.
    expect(courseBookingDays(course, '2026-12-13', diaryDefaults.openingHours)).toEqual([
      { day: '2026-12-14', sessionNumber: 3 },
      { day: '2027-01-11', sessionNumber: 4 },
      { day: '2027-02-08', sessionNumber: 5 },
      { day: '2027-03-08', sessionNumber: 6 },
    ]);
  });
});

describe('readiness flags', () => {
  const ready: ReadinessFacts = {
    treatmentConsent: { state: 'valid', validUntil: '2027-06-01' },
    photographyConsent: { state: 'valid', validUntil: '2027-06-01' },
    history: { recordedOn: '2026-11-01', answers: answeredHistory() },
    overriddenOnDay: [],
  };
  const settings = { historyReviewMonths: 6, consentExpiringDays: 14 };

  it('raises none for a client with every form in order', () => {
    expect(readiness(ready, '2026-12-08', settings)).toEqual([]);
  });

  it('flags a missing or expired consent, and one running out within the clinic period', () => {
    expect(readiness({ ...ready, treatmentConsent: { state: 'needed', validUntil: null } }, '2026-12-08', settings)).toEqual(['consent-missing']);
    expect(readiness({ ...ready, treatmentConsent: { state: 'valid', validUntil: '2026-12-01' } }, '2026-12-08', settings)).toEqual(['consent-missing']);
    expect(readiness({ ...ready, treatmentConsent: { state: 'valid', validUntil: '2026-12-20' } }, '2026-12-08', settings)).toEqual(['consent-expiring']);
  });

  it('flags a history older than the review period, or none at all, and a missing photography consent', () => {
    expect(readiness({ ...ready, history: { recordedOn: '2026-05-01', answers: answeredHistory() } }, '2026-12-08', settings)).toEqual(['history-review']);
    expect(readiness({ ...ready, photographyConsent: { state: 'stale', validUntil: '2027-01-01' } }, '2026-12-08', settings)).toEqual(['photo-consent-missing']);
    expect(readiness({ ...ready, history: null }, '2026-12-08', settings)).toEqual(['history-review', 'screening-stop']);
  });

  it('flags a screening stop in force on the day, unless that day has an override covering it', () => {
    const isotretinoin = { ...ready, history: { recordedOn: '2026-11-01', answers: answeredHistory({ isotretinoinLastDose: lastOn('2026-10-01') }) } };
    expect(readiness(isotretinoin, '2026-12-08', settings)).toEqual(['screening-stop']);
    // Six months after the last dose the stop has lapsed by the appointment's day (the history is due for review by then).
    expect(readiness(isotretinoin, '2027-05-02', settings)).toEqual(['history-review']);
    expect(readiness({ ...isotretinoin, overriddenOnDay: ['isotretinoin-recent'] }, '2026-12-08', settings)).toEqual([]);
  });

  it('keeps the screening stop from reception', () => {
    expect(flagsFor(['consent-missing', 'screening-stop'], false)).toEqual(['consent-missing']);
    expect(flagsFor(['consent-missing', 'screening-stop'], true)).toEqual(['consent-missing', 'screening-stop']);
  });
});
