import { describeAnswer, questionKeys, questionNames, type MedicalHistoryAnswers, type QuestionKey } from './medical-history';

interface EntryLike {
  answers: MedicalHistoryAnswers;
  carriedForward: { fromRecordedAt: string; questions: readonly QuestionKey[] } | null;
  legacyForm: boolean;
}

/** A day as written when the caller has no date order to follow: YYYY-MM-DD. */
const isoDay = (iso: string) => iso.slice(0, 10);

/**
 * One answer of an entry in plain English, for exports and print-outs: "Not answered" and
 * "Client declined to answer" are never a "No"; a date is written by `day` (the clinic's date
 * order); an answer carried forward from an earlier entry says the day it came from and that it
 * was confirmed with the client.
 */
export function answerInWords(entry: EntryLike, key: QuestionKey, day: (iso: string) => string = isoDay): string {
  const value = entry.answers[key];
  let text = describeAnswer(entry.answers, key);
  if ('date' in value && value.answer === 'on' && value.date) text = `On ${day(value.date)}`;
  // The earlier form's hint said to leave a date empty for "never or not in the last year".
  if (entry.legacyForm && 'date' in value && value.answer === 'never') text = 'Never or not in the last year';
  const carried = entry.carriedForward?.questions.includes(key) ? ` (answer from ${day(entry.carriedForward.fromRecordedAt)}, confirmed with the client)` : '';
  return `${text}${carried}`;
}

/** Every answer of an entry in words, keyed by the question's name, in questionnaire order. */
export function answersInWords(entry: EntryLike, day: (iso: string) => string = isoDay): Record<string, string> {
  const words: Record<string, string> = {};
  for (const key of questionKeys) words[questionNames[key]] = answerInWords(entry, key, day);
  if (entry.legacyForm) words['Form'] = 'Earlier form: a question left alone was saved as "No"';
  return words;
}
