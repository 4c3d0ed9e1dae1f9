import type { TFunction } from 'i18next';
import type { AnswerValue } from '../../../shared/consents/filled-form';
import type { Question } from '../../../shared/consents/template';
import type { Dates } from '../../hooks/useDates';

/** An answer as the practitioner reads it back: "Yes: ibuprofen", the chosen option's words, a date in the clinic's order. */
export function answerText(t: TFunction, dates: Dates, question: Question, answer: AnswerValue | undefined): string {
  if (answer === null || answer === undefined || answer === '') return t('consents.review.notAnswered');
  switch (question.kind) {
    case 'yes-no': {
      if (typeof answer !== 'object' || answer.answer === null) return t('consents.review.notAnswered');
      const word = answer.answer === 'yes' ? t('consents.form.yes') : t('consents.form.no');
      return answer.detail.trim() ? t('consents.review.withDetail', { answer: word, detail: answer.detail.trim() }) : word;
    }
    case 'choice':
      return question.options.find((option) => option.id === answer)?.label ?? String(answer);
    case 'date':
      return typeof answer === 'string' ? dates.day(answer) : '';
    case 'text':
      return typeof answer === 'string' ? answer : '';
  }
}
