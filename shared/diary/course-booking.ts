import { addDays, weekdayOf } from './appointment';
import type { DiarySettings } from './diary-settings';

export interface CourseProgress {
  plannedSessions: number;
  intervalWeeks: number;
  sessionsDone: number;
  /** Next due date as the course keeps it (null: nothing due). */
  nextDueOn: string | null;
}

/**
 * The day a course's next session should be booked: its due date, or today when that is past
 * (an overdue client is booked as soon as possible, never in the past).
 */
export function nextBookingDay(course: CourseProgress, today: string): string | null {
  if (course.nextDueOn === null) return null;
  return course.nextDueOn < today ? today : course.nextDueOn;
}

/** The session number the next booking is ("3 of 6" is number 3), counting sessions already booked. */
export function nextSessionNumber(course: Pick<CourseProgress, 'sessionsDone'>, alreadyBooked: number): number {
  return course.sessionsDone + alreadyBooked + 1;
}

/**
 * The days for all of a course's remaining sessions, one interval apart from the first. A day on
 * which the clinic is closed moves to the next open day (the interval is a minimum between
 * sessions, so never earlier); each stays movable in the diary afterwards.
 */
export function courseBookingDays(course: CourseProgress, firstDay: string, openingHours: DiarySettings['openingHours']): { day: string; sessionNumber: number }[] {
  const remaining = course.plannedSessions - course.sessionsDone;
  const days: { day: string; sessionNumber: number }[] = [];
  let planned = firstDay;
  for (let index = 0; index < remaining; index += 1) {
    let day = planned;
    for (let tries = 0; tries < 7 && !openingHours[weekdayOf(day)]; tries += 1) day = addDays(day, 1);
    days.push({ day, sessionNumber: course.sessionsDone + index + 1 });
    planned = addDays(day, course.intervalWeeks * 7);
  }
  return days;
}
