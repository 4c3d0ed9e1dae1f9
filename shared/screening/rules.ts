import type { MedicalHistoryAnswers, YesNo } from './medical-history';

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
  summary: string;
  applies: (answers: MedicalHistoryAnswers, today: string, settings: ScreeningSettings) => boolean;
}

const yes = (answer: YesNo) => answer.yes;

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

const withinDays = (isoDate: string | null, today: string, days: number) => isoDate !== null && daysSince(isoDate, today) < days;

/**
 * Contraindication screening as pure rules. Stops block starting a session until a practitioner
 * records an override with a reason; cautions are shown and the decision noted.
 */
export const screeningRules: readonly Rule[] = [
  {
    rule: 'isotretinoin-recent',
    level: 'stop',
    summary: 'Isotretinoin (Accutane) taken within the clinic\'s window',
    applies: (a, today, s) => a.isotretinoinLastDose !== null && withinMonths(a.isotretinoinLastDose, today, s.isotretinoinWindowMonths),
  },
  { rule: 'pregnant-or-breastfeeding', level: 'stop', summary: 'Pregnant or breastfeeding', applies: (a) => yes(a.pregnantOrBreastfeeding) },
  { rule: 'active-infection', level: 'stop', summary: 'Active infection in the treatment area', applies: (a) => yes(a.activeInfectionInArea) },
  { rule: 'cold-sore-outbreak', level: 'stop', summary: 'Cold-sore (herpes) outbreak now', applies: (a) => yes(a.coldSoreOutbreakNow) },
  {
    rule: 'active-acne-or-lesions',
    level: 'stop',
    summary: 'Active inflammatory acne, open or raised lesions, or warts in the area',
    applies: (a) => yes(a.activeAcneOrOpenLesionsInArea),
  },
  {
    rule: 'skin-cancer-in-area',
    level: 'stop',
    summary: 'Suspected or known skin cancer or actinic keratosis in the area',
    applies: (a) => yes(a.skinCancerOrActinicKeratosisInArea),
  },
  { rule: 'keloid-tendency', level: 'stop', summary: 'Keloid or hypertrophic scarring tendency', applies: (a) => yes(a.keloidOrHypertrophicScarring) },
  {
    rule: 'cancer-treatment',
    level: 'stop',
    summary: 'Radiotherapy or chemotherapy in progress or in the last 12 months',
    applies: (a) => a.cancerTreatment === 'current' || a.cancerTreatment === 'last-12-months',
  },
  { rule: 'immunosuppressed', level: 'stop', summary: 'Immunosuppressed', applies: (a) => yes(a.immunosuppressed) },
  { rule: 'bleeding-disorder', level: 'stop', summary: 'Bleeding disorder', applies: (a) => yes(a.bleedingDisorder) },
  {
    rule: 'metal-or-anaesthetic-allergy',
    level: 'stop',
    summary: 'Allergy to stainless steel, nickel or the anaesthetic used',
    applies: (a) => yes(a.allergyToMetalOrAnaesthetic),
  },
  { rule: 'sunburn', level: 'stop', summary: 'Sunburn in the treatment area', applies: (a) => yes(a.sunburnInArea) },

  { rule: 'anticoagulants', level: 'caution', summary: 'Takes anticoagulants or antiplatelets', applies: (a) => yes(a.anticoagulantsOrAntiplatelets) },
  { rule: 'diabetes', level: 'caution', summary: 'Diabetes', applies: (a) => yes(a.diabetes) },
  { rule: 'autoimmune', level: 'caution', summary: 'Autoimmune or collagen-vascular disease', applies: (a) => yes(a.autoimmuneOrCollagenDisease) },
  { rule: 'steroid-therapy', level: 'caution', summary: 'Steroid therapy', applies: (a) => yes(a.steroidTherapy) },
  {
    rule: 'inflammatory-skin-condition',
    level: 'caution',
    summary: 'Eczema, psoriasis, dermatitis, rosacea or telangiectasia in the area',
    applies: (a) => yes(a.inflammatorySkinConditionInArea),
  },
  { rule: 'cold-sore-history', level: 'caution', summary: 'History of cold sores: consider antiviral cover', applies: (a) => yes(a.historyOfColdSores) },
  {
    rule: 'recent-toxin-or-filler',
    level: 'caution',
    summary: 'Botulinum toxin or filler in the area recently',
    applies: (a, today, s) => withinDays(a.lastToxinOrFillerInArea, today, s.toxinOrFillerWindowDays),
  },
  {
    rule: 'recent-chemical-peel',
    level: 'caution',
    summary: 'Chemical peel recently',
    applies: (a, today, s) => withinDays(a.lastChemicalPeel, today, s.chemicalPeelWindowDays),
  },
  {
    rule: 'recent-laser-or-ipl',
    level: 'caution',
    summary: 'Laser or IPL recently',
    applies: (a, today, s) => withinDays(a.lastLaserOrIpl, today, s.laserOrIplWindowDays),
  },
  {
    rule: 'recent-waxing',
    level: 'caution',
    summary: 'Waxing in the area recently',
    applies: (a, today, s) => withinDays(a.lastWaxingInArea, today, s.waxingWindowDays),
  },
  {
    rule: 'recent-retinoid-or-exfoliant',
    level: 'caution',
    summary: 'Retinoids or AHA/BHA exfoliants in the last days',
    applies: (a, today, s) => withinDays(a.lastRetinoidOrExfoliant, today, s.retinoidWindowDays),
  },
  { rule: 'recent-scars', level: 'caution', summary: 'Scars under six months old in the area', applies: (a) => yes(a.scarsUnderSixMonthsInArea) },
  { rule: 'tattoo-or-pmu', level: 'caution', summary: 'Tattoo or permanent make-up in the area', applies: (a) => yes(a.tattooOrPermanentMakeupInArea) },
];

export function screen(
  answers: MedicalHistoryAnswers,
  today: string,
  settings: ScreeningSettings = defaultScreeningSettings,
): ScreeningAlert[] {
  return screeningRules
    .filter((rule) => rule.applies(answers, today, settings))
    .map(({ rule, level, summary }) => ({ rule, level, summary }));
}

export function hasStop(alerts: readonly ScreeningAlert[]): boolean {
  return alerts.some((alert) => alert.level === 'stop');
}
