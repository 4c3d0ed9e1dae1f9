import { z } from 'zod';
import { treatmentAreas } from './areas';
import { SessionRecord, courseStatuses } from './session';
import { SessionBasis } from './exceptions';
import { MedicalHistoryAnswers, questionKeys, type QuestionKey } from '../screening/medical-history';

/** What leaves the main process about courses, sessions and histories: the contract's outputs. */
export const ScreeningAlertView = z.object({ rule: z.string(), level: z.enum(['stop', 'caution']), summary: z.string() });

const QuestionKeyView = z.enum(questionKeys as [QuestionKey, ...QuestionKey[]]);

export const MedicalHistoryEntryView = z.object({
  id: z.string(),
  clientId: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  recordedByName: z.string(),
  answers: MedicalHistoryAnswers,
  /** Answers carried forward from an earlier entry and confirmed with the client on the day. */
  carriedForward: z.object({ fromEntryId: z.string(), fromRecordedAt: z.string(), questions: z.array(QuestionKeyView) }).nullable(),
  /** Recorded on the earlier form, which saved a question left alone as "No". */
  legacyForm: z.boolean(),
  alerts: z.array(ScreeningAlertView),
});
export type MedicalHistoryEntryView = z.infer<typeof MedicalHistoryEntryView>;

export const ScreeningOverrideView = z.object({
  id: z.string(),
  medicalHistoryId: z.string(),
  overriddenAt: z.string(),
  overriddenBy: z.string(),
  rules: z.array(z.string()),
  reason: z.string(),
});

export const ScreeningStateView = z.object({
  latest: MedicalHistoryEntryView.nullable(),
  alerts: z.array(ScreeningAlertView),
  override: ScreeningOverrideView.nullable(),
  /** No history, or unanswered or declined answers a stop depends on: screening cannot say "clear". */
  incomplete: z.object({ noHistory: z.boolean(), missing: z.array(z.object({ question: QuestionKeyView, state: z.enum(['unanswered', 'declined']) })) }).nullable(),
  blocked: z.boolean(),
});
export type ScreeningStateView = z.infer<typeof ScreeningStateView>;

export const CourseView = z.object({
  id: z.string(),
  clientId: z.string(),
  indication: z.string(),
  plannedSessions: z.number(),
  intervalWeeks: z.number(),
  status: z.enum(courseStatuses),
  startedOn: z.string(),
  notes: z.string(),
  sessionsDone: z.number(),
  lastSessionOn: z.string().nullable(),
  nextDueOn: z.string().nullable(),
});
export type CourseView = z.infer<typeof CourseView>;

export const OverdueCourseView = CourseView.extend({ clientName: z.string() });

export const SessionAmendmentView = z.object({
  id: z.string(),
  amendedAt: z.string(),
  amendedBy: z.string(),
  amendedByName: z.string(),
  reason: z.string(),
  previous: SessionRecord,
});

export const TreatmentSessionView = z.object({
  id: z.string(),
  clientId: z.string(),
  courseId: z.string().nullable(),
  practitionerId: z.string(),
  practitionerName: z.string(),
  record: SessionRecord,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Who made the last same-day change; null when never changed on the day. */
  updatedByName: z.string().nullable(),
  /** The consent relied on and every exception; null for a session saved before these were kept. */
  basis: SessionBasis.nullable(),
  amendments: z.array(SessionAmendmentView),
});
export type TreatmentSessionView = z.infer<typeof TreatmentSessionView>;

export const LotUseView = z.object({
  sessionId: z.string(),
  performedAt: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  dateOfBirth: z.string().nullable(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  practitionerName: z.string(),
  kind: z.enum(['cartridge', 'product']),
  product: z.string(),
  lot: z.string(),
  expiry: z.string().nullable(),
});

export const AreaDepthView = z.object({
  area: z.enum(treatmentAreas),
  typicalMm: z.number().min(0.1).max(3),
  maxMm: z.number().min(0.1).max(3),
});
