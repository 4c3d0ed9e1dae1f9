import { z } from 'zod';
import { IsoDate } from '../dates';
import { addMinutes, AppointmentMinutes, minuteOfDay, weekdayOf } from './appointment';

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:30.');

/** One weekday's hours; null: closed that day. */
export const DayHours = z
  .object({ opens: Clock, closes: Clock })
  .strict()
  .refine((hours) => hours.opens < hours.closes, { message: 'Closing time must be after opening time.', path: ['closes'] })
  .nullable();
export type DayHours = z.infer<typeof DayHours>;

/** A practitioner's day or days away (holiday, training), both days included. */
export const DayOff = z
  .object({
    staffId: z.string().min(1).max(64),
    from: IsoDate,
    to: IsoDate,
    note: z.string().trim().max(120).default(''),
  })
  .strict()
  .refine((off) => off.from <= off.to, { message: 'The last day cannot be before the first.', path: ['to'] });
export type DayOff = z.infer<typeof DayOff>;

export const Room = z.object({ id: z.string().min(1).max(64), name: z.string().trim().min(1, 'Name the room.').max(60) }).strict();
export type Room = z.infer<typeof Room>;

export const DiarySettings = z
  .object({
    /** Monday first, seven entries. */
    openingHours: z.array(DayHours).length(7),
    daysOff: z.array(DayOff).max(500),
    rooms: z.array(Room).max(20),
    /** The length a microneedling appointment starts with in the booking dialog. */
    treatmentMinutes: AppointmentMinutes,
    /** A medical history older than this is flagged for review before the client comes in. */
    historyReviewMonths: z.number().int().min(1).max(36),
    /** A treatment consent running out within this many days of the appointment is flagged. */
    consentExpiringDays: z.number().int().min(0).max(90),
    /** Whether a practitioner's calendar file (.ics) may carry clients' surnames. */
    icsSurnames: z.boolean(),
  })
  .strict();
export type DiarySettings = z.infer<typeof DiarySettings>;

const weekday = { opens: '09:00', closes: '18:00' };
export const diaryDefaults: DiarySettings = {
  openingHours: [weekday, weekday, weekday, weekday, weekday, { opens: '09:00', closes: '14:00' }, null],
  daysOff: [],
  rooms: [],
  treatmentMinutes: 60,
  historyReviewMonths: 6,
  consentExpiringDays: 14,
  icsSurnames: false,
};

export type HoursWarning = 'clinic-closed' | 'outside-hours' | 'day-off';

/**
 * Why a time is outside what the clinic set: a closed day, before opening or past closing, or
 * the practitioner's day off. A warning, not a refusal: the desk may still book (a late client).
 */
export function hoursWarnings(settings: Pick<DiarySettings, 'openingHours' | 'daysOff'>, practitionerId: string, start: string, minutes: number): HoursWarning[] {
  const day = start.slice(0, 10);
  const warnings: HoursWarning[] = [];
  const hours = settings.openingHours[weekdayOf(day)] ?? null;
  const end = addMinutes(start, minutes);
  if (!hours) warnings.push('clinic-closed');
  else if (minuteOfDay(start) < minuteOfDay(`${day}T${hours.opens}`) || end > `${day}T${hours.closes}`) warnings.push('outside-hours');
  if (settings.daysOff.some((off) => off.staffId === practitionerId && off.from <= day && day <= off.to)) warnings.push('day-off');
  return warnings;
}
