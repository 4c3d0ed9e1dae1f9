import type { MedicalHistoryAnswers, QuestionKey } from '../../../shared/screening/medical-history';

type YesNoKey = { [K in QuestionKey]: MedicalHistoryAnswers[K] extends { detail: string } ? K : never }[QuestionKey];
type DateKey = { [K in QuestionKey]: MedicalHistoryAnswers[K] extends { date: string | null } ? K : never }[QuestionKey];
type TextKey = { [K in QuestionKey]: MedicalHistoryAnswers[K] extends { text: string } ? K : never }[QuestionKey];

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
 * yes/no or date question feeds a screening rule in shared/screening/rules.ts; `level` says which
 * kind of alert a "yes" (or a recent date) raises, so the form can show it beside the question.
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

export const questionOrder: readonly QuestionKey[] = questionSections.flatMap((section) => section.questions.map((question) => question.key));
