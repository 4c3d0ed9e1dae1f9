import { answerState, questionNames, type DateAnswer, type MedicalHistoryAnswers, type QuestionKey, type YesNo } from './medical-history';

export type AlertLevel = 'stop' | 'caution';

export interface ScreeningAlert {
  /** Stable id: the i18n key on screens and the code in PDFs and the audit trail. */
  rule: string;
  level: AlertLevel;
  /** Plain English, for the CLI, PDFs and logs of decisions; screens translate `rule`. */
  summary: string;
}

export interface ScreeningSettings {
  /** Clinics differ: 6 months is the common rule, some use 3. */
  isotretinoinWindowMonths: number;
  toxinOrFillerWindowDays: number;
  chemicalPeelWindowDays: number;
  laserOrIplWindowDays: number;
  waxingWindowDays: number;
  retinoidWindowDays: number;
}

export const defaultScreeningSettings: ScreeningSettings = {
  isotretinoinWindowMonths: 6,
  toxinOrFillerWindowDays: 28,
  chemicalPeelWindowDays: 21,
  laserOrIplWindowDays: 14,
  waxingWindowDays: 3,
  retinoidWindowDays: 7,
};

interface Rule {
  rule: string;
  level: AlertLevel;
  /** The question whose answer raises it: an unknown answer to a stop's question leaves the history incomplete. */
  question: QuestionKey;
  summary: string;
  applies: (answers: MedicalHistoryAnswers, today: string, settings: ScreeningSettings) => boolean;
}

const yes = (answer: YesNo) => answer.answer === 'yes';

/** Days from an ISO date to today (0 = today; negative = in the future). */
export function daysSince(isoDate: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${isoDate}T00:00:00Z`)) / 86_400_000);
}

/** Whether an ISO date lies within the last `months` calendar months of today. */
export function withinMonths(isoDate: string, today: string, months: number): boolean {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const cutoff = new Date(Date.UTC(y, m - 1 - months, d));
  return Date.parse(`${isoDate}T00:00:00Z`) > cutoff.getTime();
}

/** Whether a "when did you last…" answer falls in a window of days; "never", declined or unanswered do not. */
export const withinDays = (answer: DateAnswer, today: string, days: number) => answer.answer === 'on' && answer.date !== null && daysSince(answer.date, today) < days;

/**
 * Contraindication screening as pure rules. Stops block starting a session until a practitioner
 * records an override with a reason; cautions are shown and the decision noted.
 */
export const screeningRules: readonly Rule[] = [
  {
    rule: 'isotretinoin-recent',
    question: 'isotretinoinLastDose',
    level: 'stop',
    summary: "Isotretinoin (Accutane) taken within the clinic's window",
    applies: (a, today, s) => a.isotretinoinLastDose.answer === 'on' && a.isotretinoinLastDose.date !== null && withinMonths(a.isotretinoinLastDose.date, today, s.isotretinoinWindowMonths),
  },
  { rule: 'pregnant-or-breastfeeding', question: 'pregnantOrBreastfeeding', level: 'stop', summary: 'Pregnant or breastfeeding', applies: (a) => yes(a.pregnantOrBreastfeeding) },
  { rule: 'active-infection', question: 'activeInfectionInArea', level: 'stop', summary: 'Active infection in the treatment area', applies: (a) => yes(a.activeInfectionInArea) },
  { rule: 'cold-sore-outbreak', question: 'coldSoreOutbreakNow', level: 'stop', summary: 'Cold-sore (herpes) outbreak now', applies: (a) => yes(a.coldSoreOutbreakNow) },
  {
    rule: 'active-acne-or-lesions',
    question: 'activeAcneOrOpenLesionsInArea',
    level: 'stop',
    summary: 'Active inflammatory acne, open or raised lesions, or warts in the area',
    applies: (a) => yes(a.activeAcneOrOpenLesionsInArea),
  },
  {
    rule: 'skin-cancer-in-area',
    question: 'skinCancerOrActinicKeratosisInArea',
    level: 'stop',
    summary: 'Suspected or known skin cancer or actinic keratosis in the area',
    applies: (a) => yes(a.skinCancerOrActinicKeratosisInArea),
  },
  { rule: 'keloid-tendency', question: 'keloidOrHypertrophicScarring', level: 'stop', summary: 'Keloid or hypertrophic scarring tendency', applies: (a) => yes(a.keloidOrHypertrophicScarring) },
  {
    rule: 'cancer-treatment',
    question: 'cancerTreatment',
    level: 'stop',
    summary: 'Radiotherapy or chemotherapy in progress or in the last 12 months',
    applies: (a) => a.cancerTreatment.answer === 'current' || a.cancerTreatment.answer === 'last-12-months',
  },
  { rule: 'immunosuppressed', question: 'immunosuppressed', level: 'stop', summary: 'Immunosuppressed', applies: (a) => yes(a.immunosuppressed) },
  { rule: 'bleeding-disorder', question: 'bleedingDisorder', level: 'stop', summary: 'Bleeding disorder', applies: (a) => yes(a.bleedingDisorder) },
  {
    rule: 'metal-or-anaesthetic-allergy',
    question: 'allergyToMetalOrAnaesthetic',
    level: 'stop',
    summary: 'Allergy to stainless steel, nickel or the anaesthetic used',
    applies: (a) => yes(a.allergyToMetalOrAnaesthetic),
  },
  { rule: 'sunburn', question: 'sunburnInArea', level: 'stop', summary: 'Sunburn in the treatment area', applies: (a) => yes(a.sunburnInArea) },

  { rule: 'anticoagulants', question: 'anticoagulantsOrAntiplatelets', level: 'caution', summary: 'Takes anticoagulants or antiplatelets', applies: (a) => yes(a.anticoagulantsOrAntiplatelets) },
  { rule: 'diabetes', question: 'diabetes', level: 'caution', summary: 'Diabetes', applies: (a) => yes(a.diabetes) },
  { rule: 'autoimmune', question: 'autoimmuneOrCollagenDisease', level: 'caution', summary: 'Autoimmune or collagen-vascular disease', applies: (a) => yes(a.autoimmuneOrCollagenDisease) },
  { rule: 'steroid-therapy', question: 'steroidTherapy', level: 'caution', summary: 'Steroid therapy', applies: (a) => yes(a.steroidTherapy) },
  {
    rule: 'inflammatory-skin-condition',
    question: 'inflammatorySkinConditionInArea',
    level: 'caution',
    summary: 'Eczema, psoriasis, dermatitis, rosacea or telangiectasia in the area',
    applies: (a) => yes(a.inflammatorySkinConditionInArea),
  },
  { rule: 'cold-sore-history', question: 'historyOfColdSores', level: 'caution', summary: 'History of cold sores: consider antiviral cover', applies: (a) => yes(a.historyOfColdSores) },
  {
    rule: 'recent-toxin-or-filler',
    question: 'lastToxinOrFillerInArea',
    level: 'caution',
    summary: 'Botulinum toxin or filler in the area recently',
    applies: (a, today, s) => withinDays(a.lastToxinOrFillerInArea, today, s.toxinOrFillerWindowDays),
  },
  {
    rule: 'recent-chemical-peel',
    question: 'lastChemicalPeel',
    level: 'caution',
    summary: 'Chemical peel recently',
    applies: (a, today, s) => withinDays(a.lastChemicalPeel, today, s.chemicalPeelWindowDays),
  },
  {
    rule: 'recent-laser-or-ipl',
    question: 'lastLaserOrIpl',
    level: 'caution',
    summary: 'Laser or IPL recently',
    applies: (a, today, s) => withinDays(a.lastLaserOrIpl, today, s.laserOrIplWindowDays),
  },
  {
    rule: 'recent-waxing',
    question: 'lastWaxingInArea',
    level: 'caution',
    summary: 'Waxing in the area recently',
    applies: (a, today, s) => withinDays(a.lastWaxingInArea, today, s.waxingWindowDays),
  },
  {
    rule: 'recent-retinoid-or-exfoliant',
    question: 'lastRetinoidOrExfoliant',
    level: 'caution',
    summary: 'Retinoids or AHA/BHA exfoliants in the last days',
    applies: (a, today, s) => withinDays(a.lastRetinoidOrExfoliant, today, s.retinoidWindowDays),
  },
  { rule: 'recent-scars', question: 'scarsUnderSixMonthsInArea', level: 'caution', summary: 'Scars under six months old in the area', applies: (a) => yes(a.scarsUnderSixMonthsInArea) },
  { rule: 'tattoo-or-pmu', question: 'tattooOrPermanentMakeupInArea', level: 'caution', summary: 'Tattoo or permanent make-up in the area', applies: (a) => yes(a.tattooOrPermanentMakeupInArea) },
];

/** A question a stop depends on whose answer is unknown: never asked, or the client declined to say. */
export interface HistoryGap {
  question: QuestionKey;
  state: 'unanswered' | 'declined';
}

/** Why screening cannot say the client is clear: no history at all, or gaps where a stop could be. */
export interface HistoryIncomplete {
  noHistory: boolean;
  missing: HistoryGap[];
}

export const historyIncompleteRule = 'history-incomplete';

/** The questions a stop rule reads, in questionnaire order of the rules. */
export const stopQuestions: readonly QuestionKey[] = screeningRules.filter((rule) => rule.level === 'stop').map((rule) => rule.question);

/** Unknown is unknown: an unanswered or declined answer to a stop's question leaves the history incomplete. */
export function historyIncomplete(answers: MedicalHistoryAnswers | null): HistoryIncomplete | null {
  if (!answers) return { noHistory: true, missing: [] };
  const missing: HistoryGap[] = [];
  for (const question of stopQuestions) {
    const state = answerState(answers, question);
    if (state !== 'answered') missing.push({ question, state });
  }
  return missing.length > 0 ? { noHistory: false, missing } : null;
}

function incompleteAlert(incomplete: HistoryIncomplete): ScreeningAlert {
  const summary = incomplete.noHistory
    ? 'History incomplete: no medical history recorded'
    : `History incomplete: ${incomplete.missing.map((gap) => `${questionNames[gap.question]} (${gap.state === 'declined' ? 'declined to answer' : 'not answered'})`).join('; ')}`;
  return { rule: historyIncompleteRule, level: 'stop', summary };
}

/** The alerts a question's answer raises as of a day: the same windows wherever the answer is shown. */
export function questionAlerts(answers: MedicalHistoryAnswers, today: string, settings: ScreeningSettings = defaultScreeningSettings): Partial<Record<QuestionKey, AlertLevel>> {
  const levels: Partial<Record<QuestionKey, AlertLevel>> = {};
  for (const rule of screeningRules) if (rule.applies(answers, today, settings)) levels[rule.question] = rule.level;
  return levels;
}

/** The questions behind a screening's alerts: how the history tab flags answers, so it never disagrees with the screening it shows. */
export function flaggedQuestions(alerts: readonly Pick<ScreeningAlert, 'rule' | 'level'>[]): Partial<Record<QuestionKey, AlertLevel>> {
  const levels: Partial<Record<QuestionKey, AlertLevel>> = {};
  for (const alert of alerts) {
    const rule = screeningRules.find((candidate) => candidate.rule === alert.rule);
    if (rule) levels[rule.question] = alert.level;
  }
  return levels;
}

/**
 * Screening of an answer set as of a day. The history-incomplete alert is a stop: treatment
 * waits for the answers, or for an override with a reason, exactly like a contraindication.
 */
export function screen(answers: MedicalHistoryAnswers | null, today: string, settings: ScreeningSettings = defaultScreeningSettings): ScreeningAlert[] {
  const incomplete = historyIncomplete(answers);
  const alerts = answers ? screeningRules.filter((rule) => rule.applies(answers, today, settings)).map(({ rule, level, summary }) => ({ rule, level, summary })) : [];
  return incomplete ? [incompleteAlert(incomplete), ...alerts] : alerts;
}

export function hasStop(alerts: readonly ScreeningAlert[]): boolean {
  return alerts.some((alert) => alert.level === 'stop');
}
