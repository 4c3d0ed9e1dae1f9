import { z } from 'zod';
import { IsoDate } from '../dates';
import { AppointmentMinutes, AppointmentStatus, BookingNote, CancelReason, LocalStart } from '../diary/appointment';
import { DiarySettings } from '../diary/diary-settings';
import { readinessFlags } from '../diary/readiness';
import { adminsOnly, clinicians, everyone, type Access } from './access';

interface Spec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}
const channel = <I extends z.ZodType, O extends z.ZodType>(spec: Spec<I, O>) => spec;

const Id = z.string().min(1).max(64);
const Empty = z.object({}).strict();

/**
 * One appointment as the diary shows it: names and times, the course it belongs to, never a
 * clinical field. Reception reads exactly this.
 */
export const AppointmentView = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  practitionerId: z.string(),
  practitionerName: z.string(),
  roomId: z.string().nullable(),
  start: z.string(),
  minutes: z.number(),
  status: AppointmentStatus,
  cancelReason: z.string().nullable(),
  bookingNote: z.string(),
  courseId: z.string().nullable(),
  /** What the course treats, as its card names it (reception sees courses too). */
  courseIndication: z.string().nullable(),
  /** "3 of 6": this appointment's session number and the course's planned sessions. */
  courseSession: z.number().nullable(),
  coursePlanned: z.number().nullable(),
});
export type AppointmentView = z.infer<typeof AppointmentView>;

export const DiaryWarning = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('practitioner'), withClientName: z.string(), start: z.string() }),
  z.object({ kind: z.literal('room'), withClientName: z.string(), start: z.string() }),
  z.object({ kind: z.enum(['clinic-closed', 'outside-hours', 'day-off']), start: z.string() }),
]);
export type DiaryWarning = z.infer<typeof DiaryWarning>;

/** Booked, or not yet: the warnings the desk must confirm first (nothing was written then). */
export const BookingOutcome = z.object({ appointments: z.array(AppointmentView), warnings: z.array(DiaryWarning) });
export type BookingOutcome = z.infer<typeof BookingOutcome>;

export const DiaryPractitioner = z.object({ id: z.string(), name: z.string() });
export type DiaryPractitioner = z.infer<typeof DiaryPractitioner>;

export const DiaryWeek = z.object({
  from: z.string(),
  days: z.number(),
  appointments: z.array(AppointmentView),
  practitioners: z.array(DiaryPractitioner),
  settings: DiarySettings,
});
export type DiaryWeek = z.infer<typeof DiaryWeek>;

export const ReadinessFlag = z.enum(readinessFlags);
export type ReadinessFlagValue = z.infer<typeof ReadinessFlag>;

export const TodayItem = z.object({ appointment: AppointmentView, flags: z.array(ReadinessFlag) });
export type TodayItem = z.infer<typeof TodayItem>;

export const BookInput = z
  .object({
    clientId: Id,
    practitionerId: Id,
    roomId: Id.nullable(),
    start: LocalStart,
    minutes: AppointmentMinutes,
    courseId: Id.nullable(),
    bookingNote: BookingNote,
    /** The desk saw the warnings and books anyway. */
    confirmWarnings: z.boolean(),
  })
  .strict();
export type BookInput = z.input<typeof BookInput>;

export const MoveInput = z.object({ id: Id, start: LocalStart, minutes: AppointmentMinutes, practitionerId: Id, roomId: Id.nullable(), confirmWarnings: z.boolean() }).strict();
export type MoveInput = z.infer<typeof MoveInput>;

export const BookCourseInput = z.object({ courseId: Id, practitionerId: Id, roomId: Id.nullable(), firstStart: LocalStart, minutes: AppointmentMinutes, confirmWarnings: z.boolean() }).strict();
export type BookCourseInput = z.infer<typeof BookCourseInput>;

export const StatusInput = z.discriminatedUnion('status', [
  z.object({ id: Id, status: z.literal('cancelled'), reason: CancelReason }).strict(),
  z.object({ id: Id, status: AppointmentStatus.exclude(['cancelled']) }).strict(),
]);
export type StatusInput = z.infer<typeof StatusInput>;

/**
 * The appointment diary. Reception books and sees names and times; nothing clinical crosses here
 * for anyone (today's screening flag is left out of what reception receives).
 */
export const diaryChannels = {
  'diary.week': channel({ input: z.object({ from: IsoDate, days: z.number().int().min(1).max(7) }).strict(), output: DiaryWeek, access: everyone }),
  'diary.today': channel({ input: Empty, output: z.object({ day: z.string(), items: z.array(TodayItem) }), access: everyone }),
  'diary.client': channel({ input: z.object({ clientId: Id }).strict(), output: z.array(AppointmentView), access: everyone }),
  'diary.book': channel({ input: BookInput, output: BookingOutcome, access: everyone }),
  'diary.bookCourse': channel({ input: BookCourseInput, output: BookingOutcome, access: everyone }),
  'diary.move': channel({ input: MoveInput, output: BookingOutcome, access: everyone }),
  'diary.setStatus': channel({ input: StatusInput, output: AppointmentView, access: everyone }),
  'diary.settings': channel({ input: Empty, output: DiarySettings, access: everyone }),
  'diary.updateSettings': channel({ input: DiarySettings, output: DiarySettings, access: adminsOnly }),
  /** One practitioner's day sheet with the readiness flags (a screening stop among them): printed, or saved as a PDF. */
  'diary.daySheet': channel({ input: z.object({ day: IsoDate, practitionerId: Id, to: z.enum(['print', 'save']) }).strict(), output: z.object({ done: z.boolean() }), access: clinicians }),
  /** A practitioner's week as a calendar file (.ics) for their phone: names as the clinic allows, no clinical detail. */
  'diary.saveWeekCalendar': channel({ input: z.object({ from: IsoDate, practitionerId: Id }).strict(), output: z.object({ saved: z.boolean() }), access: everyone }),
} as const;
