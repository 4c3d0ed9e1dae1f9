import { z } from 'zod';
import { IsoDate } from '../dates';

/** Where an appointment stands. "cancelled" always carries its reason. */
export const appointmentStatuses = ['booked', 'arrived', 'in-treatment', 'done', 'no-show', 'cancelled'] as const;
export const AppointmentStatus = z.enum(appointmentStatuses);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/**
 * The moves a front desk makes in a day. A finished appointment (done, no-show, cancelled) is
 * history and does not move again; "arrived" may step back to "booked" (marked by mistake),
 * and a client who arrived may still leave untreated (cancelled, with the reason).
 */
const transitions: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['arrived', 'no-show', 'cancelled'],
  arrived: ['in-treatment', 'done', 'booked', 'cancelled'],
  'in-treatment': ['done'],
  done: [],
  'no-show': [],
  cancelled: [],
};

export function nextStatuses(from: AppointmentStatus): readonly AppointmentStatus[] {
  return transitions[from];
}

export type StatusRefusal = 'not-allowed' | 'reason-needed';

/** Whether a status change is allowed; a cancellation without a reason is refused, never defaulted. */
export function statusChange(from: AppointmentStatus, to: AppointmentStatus, reason: string | null): { allowed: true } | { allowed: false; refusal: StatusRefusal } {
  if (!transitions[from].includes(to)) return { allowed: false, refusal: 'not-allowed' };
  if (to === 'cancelled' && !reason?.trim()) return { allowed: false, refusal: 'reason-needed' };
  return { allowed: true };
}

/** A finished appointment is kept as it was: it is neither moved nor resized. */
export function isFinished(status: AppointmentStatus): boolean {
  return transitions[status].length === 0;
}

/** A local wall-clock time in the clinic, to the minute ("2026-12-08T09:30"): the diary is the clinic's day, not UTC. */
export const LocalStart = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'Use a date and a time like 09:30.')
  .refine((text) => IsoDate.safeParse(text.slice(0, 10)).success, 'That date does not exist.');
export type LocalStart = z.infer<typeof LocalStart>;

export const minAppointmentMinutes = 5;
export const maxAppointmentMinutes = 480;
export const AppointmentMinutes = z
  .number()
  .int('Use whole minutes.')
  .min(minAppointmentMinutes, `At least ${minAppointmentMinutes} minutes.`)
  .max(maxAppointmentMinutes, `At most ${maxAppointmentMinutes / 60} hours.`);

export const bookingNoteMax = 500;
/** A note for the front desk ("prefers the afternoon"): not a clinical record. */
export const BookingNote = z.string().trim().max(bookingNoteMax).default('');
export const cancelReasonMax = 500;
export const CancelReason = z.string().trim().min(3, 'Give the reason for the cancellation.').max(cancelReasonMax);

/** Minutes since midnight of a local start. */
export function minuteOfDay(start: string): number {
  return Number(start.slice(11, 13)) * 60 + Number(start.slice(14, 16));
}

/** The local time `minutes` after a local start (may run into the next day). */
export function addMinutes(start: string, minutes: number): string {
  const date = new Date(`${start.slice(0, 10)}T00:00:00Z`);
  date.setUTCMinutes(minuteOfDay(start) + minutes);
  return date.toISOString().slice(0, 16);
}

/** Weekday of a calendar date, 0 = Monday … 6 = Sunday (the order Settings lists them). */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday on or before a day. */
export function weekStart(day: string): string {
  return addDays(day, -weekdayOf(day));
}
