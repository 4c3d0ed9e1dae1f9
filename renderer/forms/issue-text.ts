import type { TFunction } from 'i18next';
import type { z } from 'zod';

/**
 * A zod issue in the clinic's language. The rules (lengths, limits) come from the shared
 * schemas; their built-in English messages are not shown, the issue's code and numbers are
 * translated instead. Refinements written in the renderer use an i18n key as their message.
 */
export function issueText(t: TFunction, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? t('validation.required') : t('validation.tooShort', { count: minimum });
      return t('validation.atLeast', { min: minimum });
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return t('validation.tooLong', { count: maximum });
      return t('validation.atMost', { max: maximum });
    }
    case 'invalid_type':
      return issue.expected === 'number' ? t('validation.number') : t('validation.required');
    case 'custom':
      return t(issue.message as 'validation.invalid', { defaultValue: t('validation.invalid') });
    default:
      return t('validation.invalid');
  }
}
