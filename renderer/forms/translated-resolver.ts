import { toNestErrors } from '@hookform/resolvers';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { issueText } from './issue-text';

/** react-hook-form resolver that validates with a (shared) zod schema and translates each issue. */
export function translatedResolver<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  t: TFunction,
): Resolver<z.input<S>, unknown, z.output<S>> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      errors[path] ??= { type: issue.code, message: issueText(t, issue) };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}

export function useTranslatedResolver<S extends z.ZodType<FieldValues, FieldValues>>(schema: S) {
  const { t } = useTranslation();
  return useMemo(() => translatedResolver(schema, t), [schema, t]);
}
