import { format } from 'date-fns/format';
import { areaWords, type SessionException } from '../../shared/clinical/exceptions';
import { isMonthExpiry } from '../../shared/clinical/expiry';
import type { CourseView, TreatmentSessionView } from '../../shared/clinical/records';
import type { Lot, SessionRecord } from '../../shared/clinical/session';
import type { ConsentSummary } from '../../shared/contract/consent-channels';
import { answerInWords } from '../../shared/screening/answers-in-words';
import { questionKeys, questionNames, type MedicalHistoryAnswers, type QuestionKey } from '../../shared/screening/medical-history';
import { historyIncompleteRule, screeningRules } from '../../shared/screening/rules';
import type { ClinicSettings } from '../../shared/settings';

/*
 * The client's record in words, for the export a client (or their representative) reads: no
 * codes, no ids, no JSON; days in the clinic's date order and times on this computer's clock.
 * Each function returns the rows of one spreadsheet (cells as text) or lines for the index PDF.
 */

type DateFormat = ClinicSettings['dateFormat'];
type Row = Record<string, string>;

const dayPatterns: Record<DateFormat, string> = { 'DD/MM/YYYY': 'dd/MM/yyyy', 'MM/DD/YYYY': 'MM/dd/yyyy', 'YYYY-MM-DD': 'yyyy-MM-dd' };

/**
 * A day in the clinic's date order: a calendar date (YYYY-MM-DD) as it is, a moment (an ISO time)
 * as the day it was on this computer's clock, never the UTC day.
 */
export function clinicDay(iso: string, dateFormat: DateFormat): string {
  if (iso.length > 10) return clinicLocalDay(new Date(iso), dateFormat);
  const [y = '', m = '', d = ''] = iso.split('-');
  return dateFormat === 'DD/MM/YYYY' ? `${d}/${m}/${y}` : dateFormat === 'MM/DD/YYYY' ? `${m}/${d}/${y}` : `${y}-${m}-${d}`;
}

/** A moment's calendar day on this computer's clock, in the clinic's date order. */
export function clinicLocalDay(at: Date, dateFormat: DateFormat): string {
  return format(at, dayPatterns[dateFormat]);
}

/** A moment as the clinic's wall clock showed it: "07/12/2026 14:05". */
export function clinicLocalTime(iso: string, dateFormat: DateFormat): string {
  return format(new Date(iso), `${dayPatterns[dateFormat]} HH:mm`);
}

/** A stored code as a reader says it: "cheek-right" is "Right cheek", "left-45" is "left 45°". */
export function inWords(code: string): string {
  return code.replace(/-45$/, ' 45\u00b0').replace(/-/g, ' ');
}

const concernWords: Record<string, string> = {
  'acne-scarring': 'Acne scarring',
  'fine-lines-wrinkles': 'Fine lines and wrinkles',
  'stretch-marks': 'Stretch marks',
  pigmentation: 'Pigmentation',
  'texture-pores': 'Texture and enlarged pores',
  other: 'Other',
};
const sexWords: Record<string, string> = { '': 'Not recorded', female: 'Female', male: 'Male', intersex: 'Intersex', 'not-stated': 'Prefers not to say' };
const endpointWords: Record<string, string> = { 'even-erythema': 'Even redness (erythema)', 'pinpoint-bleeding': 'Pinpoint bleeding', other: 'Other (see notes)' };
const numerals = ['', 'I', 'II', 'III', 'IV', 'V', 'VI'];

export interface ProfileFacts {
  firstName: string;
  lastName: string;
  preferredName: string;
  dateOfBirth: string | null;
  pronouns: string;
  sex: string;
  phone: string;
  email: string;
  address: string;
  emergencyContact: string;
  gp: string;
  referralSource: string;
  fitzpatrick: number | null;
  concerns: readonly string[];
  marketingConsent: boolean;
  notes: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The profile as two columns, detail and what is recorded, in words. */
export function profileRows(client: ProfileFacts, dateFormat: DateFormat): Row[] {
  const none = (text: string) => text || 'Not recorded';
  const rows: [string, string][] = [
    ['First name', client.firstName],
    ['Last name', client.lastName],
    ['Preferred name', none(client.preferredName)],
    ['Date of birth', client.dateOfBirth ? clinicDay(client.dateOfBirth, dateFormat) : 'Not recorded'],
    ['Pronouns', none(client.pronouns)],
    ['Sex', sexWords[client.sex] ?? inWords(client.sex)],
    ['Phone', none(client.phone)],
    ['Email', none(client.email)],
    ['Address', none(client.address)],
    ['Emergency contact', none(client.emergencyContact)],
    ['GP', none(client.gp)],
    ['How they heard of the clinic', none(client.referralSource)],
    ['Fitzpatrick skin type', client.fitzpatrick ? `Type ${numerals[client.fitzpatrick] ?? client.fitzpatrick}` : 'Not recorded'],
    ['Skin concerns', client.concerns.map((concern) => concernWords[concern] ?? inWords(concern)).join(', ') || 'None recorded'],
    ['Agreed to marketing messages', client.marketingConsent ? 'Yes' : 'No'],
    ['Notes', none(client.notes)],
    ['Record archived', client.archived ? 'Yes' : 'No'],
    ['Registered', clinicLocalTime(client.createdAt, dateFormat)],
    ['Last changed', clinicLocalTime(client.updatedAt, dateFormat)],
  ];
  return rows.map(([detail, value]) => ({ Detail: detail, Recorded: value }));
}

export interface HistoryVersion {
  recordedAt: string;
  recordedByName: string;
  answers: MedicalHistoryAnswers;
  carriedForward: { fromRecordedAt: string; questions: readonly QuestionKey[] } | null;
  legacyForm: boolean;
  alerts: readonly { level: 'stop' | 'caution'; summary: string }[];
}

/**
 * Every version of the medical history, oldest first (version 1), one line per question with
 * the question and the answer in words, then the alerts the answers raised.
 */
export function historyRows(newestFirst: readonly HistoryVersion[], dateFormat: DateFormat): Row[] {
  const oldestFirst = [...newestFirst].reverse();
  return oldestFirst.flatMap((version, index) => {
    const head = { Version: `${index + 1} of ${oldestFirst.length}`, Recorded: clinicLocalTime(version.recordedAt, dateFormat), 'Recorded by': version.recordedByName };
    const rows: Row[] = questionKeys.map((key) => ({ ...head, Question: questionNames[key], Answer: answerInWords(version, key, (iso) => clinicDay(iso, dateFormat)) }));
    if (version.legacyForm) rows.push({ ...head, Question: 'Form used', Answer: 'The earlier form, which saved a question left alone as "No"' });
    const alerts = version.alerts.map((alert) => `${alert.level === 'stop' ? 'Stop' : 'Caution'}: ${alert.summary}`).join('; ');
    rows.push({ ...head, Question: 'Alerts these answers raised', Answer: alerts || 'None' });
    return rows;
  });
}

function expiryWords(expiry: string | null, dateFormat: DateFormat): string {
  if (!expiry) return '';
  return `, expiry ${isMonthExpiry(expiry) ? `${expiry.slice(5, 7)}/${expiry.slice(0, 4)}` : clinicDay(expiry, dateFormat)}`;
}

function lotWords(lot: Lot, dateFormat: DateFormat): string {
  return `${lot.name}, lot ${lot.lot}${expiryWords(lot.expiry, dateFormat)}${lot.stockLotId ? ', from the clinic’s stock' : ''}`;
}

/** What one session record says, field by field, in words (also what an amendment compares). */
function sessionRecordWords(record: SessionRecord, dateFormat: DateFormat): Record<string, string> {
  return {
    'Date and time': clinicLocalTime(record.performedAt, dateFormat),
    Areas: record.areas.map((area) => `${areaWords(area.area)} ${area.depthMm} mm, ${area.passes} ${area.passes === 1 ? 'pass' : 'passes'}`).join('; '),
    Device: [record.device.kind === 'pen' ? 'Pen' : 'Roller', record.device.make, record.device.model, record.device.settings].filter(Boolean).join(', '),
    Cartridge: record.cartridge ? lotWords(record.cartridge, dateFormat) : 'None',
    Products: record.products.map((product) => lotWords(product, dateFormat)).join('; ') || 'None',
    Anaesthetic: record.anaesthetic.product ? `${record.anaesthetic.product}${record.anaesthetic.appliedAt ? `, applied at ${record.anaesthetic.appliedAt}` : ''}` : 'None',
    'Skin preparation': record.skinPrep || 'None recorded',
    'Clinical endpoint': endpointWords[record.endpoint] ?? inWords(record.endpoint),
    'Immediate reaction': record.immediateReaction || 'None recorded',
    Aftercare: record.aftercareGiven ? 'Explained and given' : 'Not recorded as given',
    Notes: record.notes || 'None',
  };
}

/** A consent relied on, as the client would name it. */
function consentWords(session: TreatmentSessionView, consents: readonly ConsentSummary[], dateFormat: DateFormat): string {
  if (!session.basis) return 'Not recorded (saved before SkinLedger kept this)';
  const relied = session.basis.consent;
  if (!relied) return 'None: treated under an exception (see Exceptions)';
  const title = consents.find((consent) => consent.id === relied.id)?.title ?? 'Treatment consent';
  return `${title}, version ${relied.version.major}.${relied.version.minor}, signed ${clinicDay(relied.signedAt, dateFormat)}`;
}

const oldestFirst = (sessions: readonly TreatmentSessionView[]) => [...sessions].sort((a, b) => a.record.performedAt.localeCompare(b.record.performedAt));

/** The sessions, oldest first, each numbered as the index PDF numbers them. */
export function sessionRows(sessions: readonly TreatmentSessionView[], courses: readonly Pick<CourseView, 'id' | 'indication'>[], consents: readonly ConsentSummary[], dateFormat: DateFormat): Row[] {
  return oldestFirst(sessions).map((session, index) => ({
    Session: String(index + 1),
    Practitioner: session.practitionerName,
    Course: courses.find((course) => course.id === session.courseId)?.indication ?? 'None',
    ...sessionRecordWords(session.record, dateFormat),
    'Consent relied on': consentWords(session, consents, dateFormat),
    Exceptions: (session.basis?.exceptions ?? []).map((exception) => exceptionWords(exception, dateFormat)).join(' | ') || (session.basis ? 'None' : 'Not recorded'),
    Amended: session.amendments.length === 0 ? 'No' : `${session.amendments.length} time${session.amendments.length === 1 ? '' : 's'} (see amendments.csv)`,
    'Recorded on': clinicLocalTime(session.createdAt, dateFormat),
  }));
}

/**
 * Every amendment, with what each changed field said before (the original) and after (the new
 * text). An amendment keeps the record as it was; what it became is the next amendment's
 * "before", or the session as it stands for the latest one.
 */
export function amendmentRows(sessions: readonly TreatmentSessionView[], dateFormat: DateFormat): Row[] {
  return oldestFirst(sessions).flatMap((session, index) =>
    session.amendments.flatMap((amendment, at) => {
      const before = sessionRecordWords(amendment.previous, dateFormat);
      const after = sessionRecordWords(session.amendments[at + 1]?.previous ?? session.record, dateFormat);
      const changed = Object.keys(before).filter((field) => before[field] !== after[field]);
      const head = {
        Session: String(index + 1),
        'Session date': clinicDay(session.record.performedAt, dateFormat),
        Amended: clinicLocalTime(amendment.amendedAt, dateFormat),
        By: amendment.amendedByName,
        Reason: amendment.reason,
      };
      if (changed.length === 0) return [{ ...head, What: 'Nothing in the record', Before: '', After: '' }];
      return changed.map((field) => ({ ...head, What: field, Before: before[field]!, After: after[field]! }));
    }),
  );
}

/** A screening rule as the clinic says it. */
export function ruleWords(rule: string): string {
  if (rule === historyIncompleteRule) return 'Medical history incomplete';
  return screeningRules.find((candidate) => candidate.rule === rule)?.summary ?? inWords(rule);
}

function exceptionKindWords(exception: SessionException): string {
  switch (exception.kind) {
    case 'screening-override':
      return exception.stops.some((stop) => stop.rule === historyIncompleteRule) ? 'Screening stop overridden (history incomplete)' : 'Screening stop overridden';
    case 'no-consent':
      return 'Treated without a valid treatment consent';
    case 'depth-above-max':
      return 'Depth above the clinic maximum (confirmed)';
    case 'expired-lot':
      return `Expired ${exception.lotKind} used`;
  }
}

function exceptionDetail(exception: SessionException, dateFormat: DateFormat): string {
  switch (exception.kind) {
    case 'screening-override':
      return exception.stops.map((stop) => stop.summary).join('; ');
    case 'no-consent':
      return { needed: 'No consent signed', stale: 'Consent no longer valid', declined: 'Consent form declined' }[exception.consentState] ?? `Consent ${inWords(exception.consentState)}`;
    case 'depth-above-max':
      return `${areaWords(exception.area)}: ${exception.depthMm} mm (clinic maximum ${exception.maxMm} mm)`;
    case 'expired-lot':
      return `${exception.name}, lot ${exception.lot}${expiryWords(exception.expiry, dateFormat)}`;
  }
}

export interface ScreeningOverrideFacts {
  id: string;
  overriddenAt: string;
  overriddenByName: string;
  rules: readonly string[];
  reason: string;
}

/**
 * Every exception the record holds, oldest first: each session's (screening overrides, no
 * consent, depths above the maximum, expired lots) with why and who, and any screening override
 * recorded on a day no session was saved under it.
 */
export function overrideRows(sessions: readonly TreatmentSessionView[], screeningOverrides: readonly ScreeningOverrideFacts[], dateFormat: DateFormat): Row[] {
  const rows: { at: string; row: Row }[] = [];
  const used = new Set<string>();
  oldestFirst(sessions).forEach((session, index) => {
    for (const exception of session.basis?.exceptions ?? []) {
      if (exception.kind === 'screening-override') used.add(exception.overrideId);
      rows.push({
        at: exception.at,
        row: {
          When: clinicLocalTime(exception.at, dateFormat),
          Session: `Session ${index + 1}, ${clinicDay(session.record.performedAt, dateFormat)}`,
          Exception: exceptionKindWords(exception),
          Details: exceptionDetail(exception, dateFormat),
          Reason: 'reason' in exception ? exception.reason : 'Confirmed by the practitioner',
          By: exception.byName,
        },
      });
    }
  });
  for (const override of screeningOverrides.filter((candidate) => !used.has(candidate.id))) {
    const incomplete = override.rules.includes(historyIncompleteRule);
    rows.push({
      at: override.overriddenAt,
      row: {
        When: clinicLocalTime(override.overriddenAt, dateFormat),
        Session: 'No session was saved under it',
        Exception: incomplete ? 'Screening stop overridden (history incomplete)' : 'Screening stop overridden',
        Details: override.rules.map(ruleWords).join('; '),
        Reason: override.reason,
        By: override.overriddenByName,
      },
    });
  }
  return rows.sort((a, b) => a.at.localeCompare(b.at)).map(({ row }) => row);
}

const staleWords: Record<string, string> = {
  expired: 'its validity ran out',
  'new-major-version': 'the clinic published a new version of the form',
  withdrawn: 'withdrawn',
  declined: 'a later form was declined',
};

/** Where a signed form stands today, in words. */
export function consentStatusWords(consent: Pick<ConsentSummary, 'state' | 'staleReason' | 'validUntil'>, dateFormat: DateFormat): string {
  if (consent.state === 'declined') return 'Declined: this form is not a consent';
  if (consent.state === 'valid') return `In force until ${clinicDay(consent.validUntil, dateFormat)}`;
  return `No longer in force: ${staleWords[consent.staleReason ?? ''] ?? 'no longer valid'}`;
}

const withdrawableWords: Record<string, string> = {
  consent: 'the whole consent',
  clinicalRecord: 'photos in the clinical record',
  teaching: 'photos for teaching',
  marketingFaceVisible: 'photos for marketing, face visible',
  marketingFaceHidden: 'photos for marketing, face hidden',
};

/** The consent forms, oldest first, with signers, photography choices and withdrawals. */
export function consentRows(consents: readonly ConsentSummary[], dateFormat: DateFormat): Row[] {
  const yes = (value: boolean) => (value ? 'Yes' : 'No');
  return [...consents]
    .sort((a, b) => a.signedAt.localeCompare(b.signedAt))
    .map((consent) => ({
      Form: consent.title,
      Version: `${consent.version.major}.${consent.version.minor}`,
      Signed: clinicLocalTime(consent.signedAt, dateFormat),
      Status: consentStatusWords(consent, dateFormat),
      'Signed by': consent.signers.map((signer) => `${signer.name} (${signer.role})`).join('; '),
      'Statements not agreed to': consent.refusedStatements.join('; ') || 'None',
      'Photography choices': consent.photography
        ? `Clinical record: ${yes(consent.photography.clinicalRecord)}; teaching: ${yes(consent.photography.teaching)}; marketing, face visible: ${yes(consent.photography.marketingFaceVisible)}; marketing, face hidden: ${yes(consent.photography.marketingFaceHidden)}`
        : 'Not part of this form',
      Withdrawals:
        consent.withdrawals
          .map(
            (withdrawal) =>
              `${clinicLocalTime(withdrawal.withdrawnAt, dateFormat)}, recorded by ${withdrawal.recordedByName}: ${withdrawal.parts.map((part) => withdrawableWords[part] ?? inWords(part)).join(', ')}${withdrawal.note ? ` (${withdrawal.note})` : ''}`,
          )
          .join('; ') || 'None',
    }));
}

const courseStatusWords: Record<string, string> = { active: 'Active', completed: 'Completed', stopped: 'Stopped' };

export function courseRows(courses: readonly CourseView[], dateFormat: DateFormat): Row[] {
  return [...courses]
    .sort((a, b) => a.startedOn.localeCompare(b.startedOn))
    .map((course) => ({
      Course: course.indication,
      Started: clinicDay(course.startedOn, dateFormat),
      Status: courseStatusWords[course.status] ?? inWords(course.status),
      'Sessions planned': String(course.plannedSessions),
      'Sessions done': String(course.sessionsDone),
      'Weeks between sessions': String(course.intervalWeeks),
      Notes: course.notes || 'None',
    }));
}

export interface TrailFacts {
  at: string;
  staffName: string | null;
  staffId: string | null;
  action: string;
  entity: string | null;
}

const entityWords: Record<string, string> = { client: 'The client record', consent: 'A consent form', photo: 'A photo' };

/** Who viewed or changed the record and when, oldest first, in words: names, never ids or codes. */
export function trailRows(newestFirst: readonly TrailFacts[], dateFormat: DateFormat, actionWords: (action: string) => string): Row[] {
  return [...newestFirst].reverse().map((row) => ({
    When: clinicLocalTime(row.at, dateFormat),
    Who: row.staffName ?? (row.staffId ? 'A former member of staff' : 'SkinLedger itself'),
    What: actionWords(row.action),
    Concerning: entityWords[row.entity ?? ''] ?? 'The client record',
  }));
}

/** One exception in a sentence: what, the detail or reason, and who. */
function exceptionWords(exception: SessionException, dateFormat: DateFormat): string {
  const detail = exceptionDetail(exception, dateFormat);
  const why = 'reason' in exception ? `; reason: ${exception.reason}` : '';
  return `${exceptionKindWords(exception)} (${detail})${why}; by ${exception.byName}`;
}

/**
 * The treatment history in a few lines for the export's index: each session oldest first with its
 * date, practitioner, the areas treated and how often it was amended, then each exception it was
 * done under on a line of its own starting with a bullet.
 */
export function treatmentSummary(sessions: readonly TreatmentSessionView[], dateFormat: DateFormat): string[] {
  if (sessions.length === 0) return ['No treatment sessions are recorded.'];
  return oldestFirst(sessions).flatMap((session, index) => {
    const areas = session.record.areas.map((area) => `${areaWords(area.area)} ${area.depthMm} mm \u00d7 ${area.passes}`).join(', ');
    const amended = session.amendments.length > 0 ? ` Amended ${session.amendments.length} time${session.amendments.length === 1 ? '' : 's'}.` : '';
    const exceptions = (session.basis?.exceptions ?? []).map((exception) => `\u2022 ${exceptionWords(exception, dateFormat)}`);
    return [`Session ${index + 1}, ${clinicDay(session.record.performedAt, dateFormat)}, by ${session.practitionerName}: ${areas || 'no areas recorded'}.${amended}`, ...exceptions];
  });
}
