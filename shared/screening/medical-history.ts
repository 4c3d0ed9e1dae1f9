import { z } from 'zod';
import { IsoDate } from '../dates';

/*
 * Every answer is an object whose `answer` is null until the question is asked. Null means
 * "not answered" and is never read as "No"; "declined" is the client's own answer (they were
 * asked and chose not to say) and is kept as such.
 */

/** A yes/no question with room for the detail a practitioner needs ("which medication?"). */
export const yesNoChoices = ['no', 'yes', 'declined'] as const;
/** Longest free texts of a history answer (characters); the form counts towards them at the field. */
export const historyDetailMax = 500;
export const historyTextMax = 2000;

export const YesNo = z.object({ answer: z.enum(yesNoChoices).nullable(), detail: z.string().trim().max(historyDetailMax).default('') }).strict();
export type YesNo = z.infer<typeof YesNo>;

/** "When did you last…": a date, "never", or declined; three different answers, none of them a default. */
export const dateChoices = ['on', 'never', 'declined'] as const;
export const DateAnswer = z
  .object({ answer: z.enum(dateChoices).nullable(), date: IsoDate.nullable() })
  .strict()
  .refine((a) => a.answer !== 'on' || a.date !== null, { message: 'Give the date, or choose another answer.', path: ['date'] })
  .refine((a) => a.answer === 'on' || a.date === null, { message: 'A date goes only with "On this date".', path: ['date'] });
export type DateAnswer = z.infer<typeof DateAnswer>;

export const cancerTreatmentStates = ['none', 'current', 'last-12-months', 'longer-ago'] as const;
export const CancerAnswer = z.object({ answer: z.enum([...cancerTreatmentStates, 'declined']).nullable() }).strict();
export type CancerAnswer = z.infer<typeof CancerAnswer>;

/** Free text (medications, allergies): something to write down, nothing, or declined. */
export const textChoices = ['some', 'none', 'declined'] as const;
export const TextAnswer = z
  .object({ answer: z.enum(textChoices).nullable(), text: z.string().trim().max(historyTextMax).default('') })
  .strict()
  .refine((a) => a.answer !== 'some' || a.text.length > 0, { message: 'Write what the client told you, or choose another answer.', path: ['text'] });
export type TextAnswer = z.infer<typeof TextAnswer>;

/**
 * The medical history questionnaire: one answer set per dated entry, never edited in place.
 * The yes/no and date questions feed the screening rules in rules.ts; the free text is for the record.
 */
export const MedicalHistoryAnswers = z
  .object({
    isotretinoinLastDose: DateAnswer,
    pregnantOrBreastfeeding: YesNo,
    activeInfectionInArea: YesNo,
    coldSoreOutbreakNow: YesNo,
    activeAcneOrOpenLesionsInArea: YesNo,
    skinCancerOrActinicKeratosisInArea: YesNo,
    keloidOrHypertrophicScarring: YesNo,
    cancerTreatment: CancerAnswer,
    immunosuppressed: YesNo,
    bleedingDisorder: YesNo,
    allergyToMetalOrAnaesthetic: YesNo,
    sunburnInArea: YesNo,
    anticoagulantsOrAntiplatelets: YesNo,
    diabetes: YesNo,
    autoimmuneOrCollagenDisease: YesNo,
    steroidTherapy: YesNo,
    inflammatorySkinConditionInArea: YesNo,
    historyOfColdSores: YesNo,
    lastToxinOrFillerInArea: DateAnswer,
    lastChemicalPeel: DateAnswer,
    lastLaserOrIpl: DateAnswer,
    lastWaxingInArea: DateAnswer,
    lastRetinoidOrExfoliant: DateAnswer,
    scarsUnderSixMonthsInArea: YesNo,
    tattooOrPermanentMakeupInArea: YesNo,
    currentMedications: TextAnswer,
    allergies: TextAnswer,
    otherConditions: TextAnswer,
  })
  .strict();
export type MedicalHistoryAnswers = z.infer<typeof MedicalHistoryAnswers>;
export type QuestionKey = keyof MedicalHistoryAnswers;

export const questionKeys = Object.keys(MedicalHistoryAnswers.shape) as QuestionKey[];

/** The questions' short names in plain English, for the main side's messages, the CLI and exports; screens translate the key. */
export const questionNames: Record<QuestionKey, string> = {
  isotretinoinLastDose: 'Last isotretinoin (Accutane) dose',
  pregnantOrBreastfeeding: 'Pregnant or breastfeeding',
  activeInfectionInArea: 'Active infection in the area',
  coldSoreOutbreakNow: 'Cold-sore outbreak now',
  activeAcneOrOpenLesionsInArea: 'Active acne or open lesions in the area',
  skinCancerOrActinicKeratosisInArea: 'Skin cancer or actinic keratosis in the area',
  keloidOrHypertrophicScarring: 'Keloid or hypertrophic scarring',
  cancerTreatment: 'Radiotherapy or chemotherapy',
  immunosuppressed: 'Immunosuppressed',
  bleedingDisorder: 'Bleeding disorder',
  allergyToMetalOrAnaesthetic: 'Allergy to metal or anaesthetic',
  sunburnInArea: 'Sunburn in the area',
  anticoagulantsOrAntiplatelets: 'Anticoagulants or antiplatelets',
  diabetes: 'Diabetes',
  autoimmuneOrCollagenDisease: 'Autoimmune or collagen disease',
  steroidTherapy: 'Steroid therapy',
  inflammatorySkinConditionInArea: 'Inflammatory skin condition in the area',
  historyOfColdSores: 'History of cold sores',
  lastToxinOrFillerInArea: 'Last toxin or filler in the area',
  lastChemicalPeel: 'Last chemical peel',
  lastLaserOrIpl: 'Last laser or IPL',
  lastWaxingInArea: 'Last waxing in the area',
  lastRetinoidOrExfoliant: 'Last retinoid or AHA/BHA',
  scarsUnderSixMonthsInArea: 'Scars under six months old in the area',
  tattooOrPermanentMakeupInArea: 'Tattoo or permanent make-up in the area',
  currentMedications: 'Current medications',
  allergies: 'Allergies',
  otherConditions: 'Other conditions',
};

/** A questionnaire nobody has asked yet: every question unanswered, no default choice anywhere. */
export function blankMedicalHistory(): MedicalHistoryAnswers {
  const yesNo = (): YesNo => ({ answer: null, detail: '' });
  const date = (): DateAnswer => ({ answer: null, date: null });
  const text = (): TextAnswer => ({ answer: null, text: '' });
  return {
    isotretinoinLastDose: date(),
    pregnantOrBreastfeeding: yesNo(),
    activeInfectionInArea: yesNo(),
    coldSoreOutbreakNow: yesNo(),
    activeAcneOrOpenLesionsInArea: yesNo(),
    skinCancerOrActinicKeratosisInArea: yesNo(),
    keloidOrHypertrophicScarring: yesNo(),
    cancerTreatment: { answer: null },
    immunosuppressed: yesNo(),
    bleedingDisorder: yesNo(),
    allergyToMetalOrAnaesthetic: yesNo(),
    sunburnInArea: yesNo(),
    anticoagulantsOrAntiplatelets: yesNo(),
    diabetes: yesNo(),
    autoimmuneOrCollagenDisease: yesNo(),
    steroidTherapy: yesNo(),
    inflammatorySkinConditionInArea: yesNo(),
    historyOfColdSores: yesNo(),
    lastToxinOrFillerInArea: date(),
    lastChemicalPeel: date(),
    lastLaserOrIpl: date(),
    lastWaxingInArea: date(),
    lastRetinoidOrExfoliant: date(),
    scarsUnderSixMonthsInArea: yesNo(),
    tattooOrPermanentMakeupInArea: yesNo(),
    currentMedications: text(),
    allergies: text(),
    otherConditions: text(),
  };
}

export type AnswerState = 'unanswered' | 'declined' | 'answered';

export function answerState(answers: MedicalHistoryAnswers, key: QuestionKey): AnswerState {
  const { answer } = answers[key];
  return answer === null ? 'unanswered' : answer === 'declined' ? 'declined' : 'answered';
}

/** The questions nobody has answered yet, in questionnaire order. */
export function unansweredQuestions(answers: MedicalHistoryAnswers): QuestionKey[] {
  return questionKeys.filter((key) => answerState(answers, key) === 'unanswered');
}

/** Whether two answers to one question say the same thing (a carried-forward answer left as it was). */
export function sameAnswer(a: MedicalHistoryAnswers[QuestionKey], b: MedicalHistoryAnswers[QuestionKey]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Which answers of an update were carried forward from an earlier entry and confirmed with the client on the day. */
export const CarriedForward = z
  .object({
    fromEntryId: z.string().min(1).max(64),
    questions: z.array(z.enum(questionKeys as [QuestionKey, ...QuestionKey[]])).max(questionKeys.length),
  })
  .strict();
export type CarriedForward = z.infer<typeof CarriedForward>;

/** One answer in plain English, for the CLI, exports and PDFs; screens have their own words. */
export function describeAnswer(answers: MedicalHistoryAnswers, key: QuestionKey): string {
  const value = answers[key];
  if (value.answer === null) return 'Not answered';
  if (value.answer === 'declined') return 'Client declined to answer';
  if ('detail' in value) return value.answer === 'yes' ? (value.detail ? `Yes: ${value.detail}` : 'Yes') : 'No';
  if ('date' in value) return value.answer === 'on' ? `On ${value.date}` : 'Never';
  if ('text' in value) return value.answer === 'some' ? value.text : 'None';
  return { none: 'None', current: 'Current', 'last-12-months': 'In the last 12 months', 'longer-ago': 'More than 12 months ago' }[value.answer];
}
