import { z } from 'zod';
import { CarriedForward, MedicalHistoryAnswers, YesNo, type QuestionKey } from './medical-history';

/**
 * How an entry's answers are kept in the store. Entries written before unanswered questions
 * were told apart hold the bare answer set of the earlier form; they are read as they were
 * stored (its "No" stays "No", its empty date "never") and flagged, never re-interpreted.
 */
export const StoredHistory = z
  .object({
    format: z.literal(2),
    answers: MedicalHistoryAnswers,
    /** Answers carried forward from an earlier entry and confirmed with the client that day. */
    carriedForward: CarriedForward.extend({ fromRecordedAt: z.string() }).nullable(),
  })
  .strict();
export type StoredHistory = z.infer<typeof StoredHistory>;

const LegacyYesNo = z.object({ yes: z.boolean(), detail: z.string().default('') });
const LegacyDate = z.string().nullable();
const LegacyText = z.string();

export interface ReadHistory {
  answers: MedicalHistoryAnswers;
  carriedForward: StoredHistory['carriedForward'];
  /** Recorded on the earlier form, which saved a question left alone as "No". */
  legacyForm: boolean;
}

export function readStoredHistory(json: string): ReadHistory {
  const raw = JSON.parse(json) as Record<string, unknown>;
  if (raw.format === 2) {
    const stored = StoredHistory.parse(raw);
    return { answers: stored.answers, carriedForward: stored.carriedForward, legacyForm: false };
  }
  return { answers: fromLegacyAnswers(raw), carriedForward: null, legacyForm: true };
}

/** The earlier form's answers, word for word: yes/no as stored, a null date as "never", empty text as nothing recorded. */
export function fromLegacyAnswers(raw: Record<string, unknown>): MedicalHistoryAnswers {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(MedicalHistoryAnswers.shape) as QuestionKey[]) {
    const value = raw[key];
    const shape = MedicalHistoryAnswers.shape[key];
    if (key === 'cancerTreatment') out[key] = { answer: z.string().parse(value) };
    else if (shape === YesNo) {
      const old = LegacyYesNo.parse(value);
      out[key] = { answer: old.yes ? 'yes' : 'no', detail: old.detail };
    } else if (key === 'currentMedications' || key === 'allergies' || key === 'otherConditions') {
      const text = LegacyText.parse(value).trim();
      out[key] = text ? { answer: 'some', text } : { answer: null, text: '' };
    } else {
      const date = LegacyDate.parse(value);
      out[key] = date === null ? { answer: 'never', date: null } : { answer: 'on', date };
    }
  }
  return MedicalHistoryAnswers.parse(out);
}

export function storeHistory(answers: MedicalHistoryAnswers, carriedForward: StoredHistory['carriedForward']): string {
  return JSON.stringify({ format: 2, answers, carriedForward } satisfies StoredHistory);
}
