import type { MedicalHistoryAnswers } from '../../../shared/screening/medical-history';

type AnswerKey = keyof MedicalHistoryAnswers;
type YesNoKey = { [K in AnswerKey]: MedicalHistoryAnswers[K] extends { yes: boolean } ? K : never }[AnswerKey];
type DateKey = { [K in AnswerKey]: MedicalHistoryAnswers[K] extends string | null ? (null extends MedicalHistoryAnswers[K] ? K : never) : never }[AnswerKey];
type TextKey = 'currentMedications' | 'allergies' | 'otherConditions';

export type Question =
  | { kind: 'yesno'; key: YesNoKey; level?: 'stop' | 'caution' }
  | { kind: 'date'; key: DateKey; level?: 'stop' | 'caution' }
  | { kind: 'cancer'; key: 'cancerTreatment'; level: 'stop' }
  | { kind: 'text'; key: TextKey };

export interface QuestionSection {
  id: 'today' | 'health' | 'medication' | 'procedures' | 'notes';
  questions: Question[];
}

/**
 * The questionnaire as the practitioner asks it, in the order a conversation goes. Every question
 * feeds a screening rule in shared/screening/rules.ts; `level` says which kind of alert a "yes"
 * (or a recent date) raises, so the form can show it beside the question.
 */
export const questionSections: readonly QuestionSection[] = [
  {
    id: 'today',
    questions: [
      { kind: 'yesno', key: 'pregnantOrBreastfeeding', level: 'stop' },
      { kind: 'yesno', key: 'activeInfectionInArea', level: 'stop' },
      { kind: 'yesno', key: 'coldSoreOutbreakNow', level: 'stop' },
      { kind: 'yesno', key: 'activeAcneOrOpenLesionsInArea', level: 'stop' },
      { kind: 'yesno', key: 'sunburnInArea', level: 'stop' },
      { kind: 'yesno', key: 'skinCancerOrActinicKeratosisInArea', level: 'stop' },
      { kind: 'yesno', key: 'inflammatorySkinConditionInArea', level: 'caution' },
      { kind: 'yesno', key: 'scarsUnderSixMonthsInArea', level: 'caution' },
      { kind: 'yesno', key: 'tattooOrPermanentMakeupInArea', level: 'caution' },
    ],
  },
  {
    id: 'health',
    questions: [
      { kind: 'yesno', key: 'keloidOrHypertrophicScarring', level: 'stop' },
      { kind: 'cancer', key: 'cancerTreatment', level: 'stop' },
      { kind: 'yesno', key: 'immunosuppressed', level: 'stop' },
      { kind: 'yesno', key: 'bleedingDisorder', level: 'stop' },
      { kind: 'yesno', key: 'allergyToMetalOrAnaesthetic', level: 'stop' },
      { kind: 'yesno', key: 'diabetes', level: 'caution' },
      { kind: 'yesno', key: 'autoimmuneOrCollagenDisease', level: 'caution' },
      { kind: 'yesno', key: 'historyOfColdSores', level: 'caution' },
    ],
  },
  {
    id: 'medication',
    questions: [
      { kind: 'date', key: 'isotretinoinLastDose', level: 'stop' },
      { kind: 'yesno', key: 'anticoagulantsOrAntiplatelets', level: 'caution' },
      { kind: 'yesno', key: 'steroidTherapy', level: 'caution' },
      { kind: 'date', key: 'lastRetinoidOrExfoliant', level: 'caution' },
      { kind: 'text', key: 'currentMedications' },
    ],
  },
  {
    id: 'procedures',
    questions: [
      { kind: 'date', key: 'lastToxinOrFillerInArea', level: 'caution' },
      { kind: 'date', key: 'lastChemicalPeel', level: 'caution' },
      { kind: 'date', key: 'lastLaserOrIpl', level: 'caution' },
      { kind: 'date', key: 'lastWaxingInArea', level: 'caution' },
    ],
  },
  {
    id: 'notes',
    questions: [
      { kind: 'text', key: 'allergies' },
      { kind: 'text', key: 'otherConditions' },
    ],
  },
];
