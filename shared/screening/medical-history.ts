import { z } from 'zod';
import { IsoDate } from '../dates';


/** A yes/no question with room for the detail a practitioner needs ("which medication?"). */
export const YesNo = z.object({ yes: z.boolean(), detail: z.string().trim().max(500).default('') }).strict();
export type YesNo = z.infer<typeof YesNo>;
const no = (): YesNo => ({ yes: false, detail: '' });

export const cancerTreatmentStates = ['none', 'current', 'last-12-months', 'longer-ago'] as const;

/**
 * The medical history questionnaire: one answer set per dated entry, never edited in place.
 * Every question feeds a screening rule in rules.ts; the free-text fields are for the record.
 */
export const MedicalHistoryAnswers = z
  .object({
    isotretinoinLastDose: IsoDate.nullable(),
    pregnantOrBreastfeeding: YesNo,
    activeInfectionInArea: YesNo,
    coldSoreOutbreakNow: YesNo,
    activeAcneOrOpenLesionsInArea: YesNo,
    skinCancerOrActinicKeratosisInArea: YesNo,
    keloidOrHypertrophicScarring: YesNo,
    cancerTreatment: z.enum(cancerTreatmentStates),
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
    lastToxinOrFillerInArea: IsoDate.nullable(),
    lastChemicalPeel: IsoDate.nullable(),
    lastLaserOrIpl: IsoDate.nullable(),
    lastWaxingInArea: IsoDate.nullable(),
    lastRetinoidOrExfoliant: IsoDate.nullable(),
    scarsUnderSixMonthsInArea: YesNo,
    tattooOrPermanentMakeupInArea: YesNo,
    currentMedications: z.string().trim().max(2000),
    allergies: z.string().trim().max(2000),
    otherConditions: z.string().trim().max(2000),
  })
  .strict();
export type MedicalHistoryAnswers = z.infer<typeof MedicalHistoryAnswers>;

export function blankMedicalHistory(): MedicalHistoryAnswers {
  return {
    isotretinoinLastDose: null,
    pregnantOrBreastfeeding: no(),
    activeInfectionInArea: no(),
    coldSoreOutbreakNow: no(),
    activeAcneOrOpenLesionsInArea: no(),
    skinCancerOrActinicKeratosisInArea: no(),
    keloidOrHypertrophicScarring: no(),
    cancerTreatment: 'none',
    immunosuppressed: no(),
    bleedingDisorder: no(),
    allergyToMetalOrAnaesthetic: no(),
    sunburnInArea: no(),
    anticoagulantsOrAntiplatelets: no(),
    diabetes: no(),
    autoimmuneOrCollagenDisease: no(),
    steroidTherapy: no(),
    inflammatorySkinConditionInArea: no(),
    historyOfColdSores: no(),
    lastToxinOrFillerInArea: null,
    lastChemicalPeel: null,
    lastLaserOrIpl: null,
    lastWaxingInArea: null,
    lastRetinoidOrExfoliant: null,
    scarsUnderSixMonthsInArea: no(),
    tattooOrPermanentMakeupInArea: no(),
    currentMedications: '',
    allergies: '',
    otherConditions: '',
  };
}
