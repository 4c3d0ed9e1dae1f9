import { blankMedicalHistory, questionKeys, type MedicalHistoryAnswers, type YesNo } from '../../shared/screening/medical-history';

/**
 * A history as a client with nothing to report answers it: every question asked and answered
 * (no, never, none). Tests start from it and set the answers they are about.
 */
export function answeredHistory(changes: Partial<MedicalHistoryAnswers> = {}): MedicalHistoryAnswers {
  const answers = blankMedicalHistory() as Record<string, MedicalHistoryAnswers[keyof MedicalHistoryAnswers]>;
  for (const key of questionKeys) {
    const value = answers[key]!;
    if ('detail' in value) answers[key] = { answer: 'no', detail: '' };
    else if ('date' in value) answers[key] = { answer: 'never', date: null };
    else if ('text' in value) answers[key] = { answer: 'none', text: '' };
    else answers[key] = { answer: 'none' };
  }
  return { ...(answers as MedicalHistoryAnswers), ...changes };
}

export const yes = (detail = ''): YesNo => ({ answer: 'yes', detail });
export const declined = (): YesNo => ({ answer: 'declined', detail: '' });
export const lastOn = (date: string) => ({ answer: 'on' as const, date });
