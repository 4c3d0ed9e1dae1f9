import { describeAnswer, questionKeys, questionNames, type MedicalHistoryAnswers, type QuestionKey } from './medical-history';

interface EntryLike {
  answers: MedicalHistoryAnswers;
  carriedForward: { fromRecordedAt: string; questions: readonly QuestionKey[] } | null;
  legacyForm: boolean;
}

/**
 * An entry's answers in plain English, question by question, for exports and print-outs:
 * "Not answered", "Client declined to answer", and where an answer was carried forward from an
 * earlier entry, the day it came from and that it was confirmed with the client.
 */
export function answersInWords(entry: EntryLike): Record<string, string> {
  const words: Record<string, string> = {};
  for (const key of questionKeys) {
    const value = entry.answers[key];
    // The earlier form's hint said to leave a date empty for "never or not in the last year".
    const text = entry.legacyForm && 'date' in value && value.answer === 'never' ? 'Never or not in the last year' : describeAnswer(entry.answers, key);
    const carried = entry.carriedForward?.questions.includes(key) ? ` (from ${entry.carriedForward.fromRecordedAt.slice(0, 10)}, confirmed)` : '';
    words[questionNames[key]] = `${text}${carried}`;
  }
  if (entry.legacyForm) words['Form'] = 'Earlier form: a question left alone was saved as "No"';
  return words;
}
