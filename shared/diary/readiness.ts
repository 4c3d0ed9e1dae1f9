import { daysSince, hasStop, screen, withinMonths } from '../screening/rules';
import type { MedicalHistoryAnswers } from '../screening/medical-history';
import type { DiarySettings } from './diary-settings';

/**
 * What the front desk prepares before a client comes in. The first four are about forms
 * (anyone at the desk may see them); a screening stop is health data, for clinicians only.
 */
export const readinessFlags = ['consent-missing', 'consent-expiring', 'history-review', 'photo-consent-missing', 'screening-stop'] as const;
export type ReadinessFlag = (typeof readinessFlags)[number];
export const clinicalReadinessFlags: readonly ReadinessFlag[] = ['screening-stop'];

/** A consent's standing as the consent rules judged it today (state, and the last day it counts). */
export interface ConsentStanding {
  state: 'valid' | 'stale' | 'needed';
  validUntil: string | null;
}

export interface ReadinessFacts {
  treatmentConsent: ConsentStanding;
  photographyConsent: ConsentStanding;
  /** The latest medical history: its day and answers (null: none recorded). */
  history: { recordedOn: string; answers: MedicalHistoryAnswers } | null;
  /** The stop rules an override recorded on the appointment's day covers (empty: none). */
  overriddenOnDay: readonly string[];
}

function counts(consent: ConsentStanding, day: string): boolean {
  return consent.state === 'valid' && (consent.validUntil === null || consent.validUntil >= day);
}

/**
 * The flags for one appointment, judged on its day with the same rules that gate the session:
 * the consent validity the consent service decided, the screening rules (their time windows
 * measured to the appointment's day), and an override only when it was recorded for that day.
 */
export function readiness(facts: ReadinessFacts, day: string, settings: Pick<DiarySettings, 'historyReviewMonths' | 'consentExpiringDays'>): ReadinessFlag[] {
  const flags: ReadinessFlag[] = [];
  const treatment = facts.treatmentConsent;
  if (!counts(treatment, day)) flags.push('consent-missing');
  else if (treatment.validUntil !== null && daysSince(day, treatment.validUntil) <= settings.consentExpiringDays) flags.push('consent-expiring');
  if (!facts.history || !withinMonths(facts.history.recordedOn, day, settings.historyReviewMonths)) flags.push('history-review');
  if (!counts(facts.photographyConsent, day)) flags.push('photo-consent-missing');
  const alerts = screen(facts.history?.answers ?? null, day);
  const stops = alerts.filter((alert) => alert.level === 'stop').map((alert) => alert.rule);
  if (hasStop(alerts) && !stops.every((rule) => facts.overriddenOnDay.includes(rule))) flags.push('screening-stop');
  return flags;
}

/** The flags a role may see: reception gets the forms to prepare, not health data. */
export function flagsFor(flags: readonly ReadinessFlag[], clinical: boolean): ReadinessFlag[] {
  return clinical ? [...flags] : flags.filter((flag) => !clinicalReadinessFlags.includes(flag));
}

/** The flags in words, for paper and the command line (screens translate the flag itself). */
export const readinessWords: Record<ReadinessFlag, string> = {
  'consent-missing': 'Treatment consent needed',
  'consent-expiring': 'Treatment consent running out',
  'history-review': 'Medical history review due',
  'photo-consent-missing': 'Photography consent needed',
  'screening-stop': 'Screening stop in force',
};
