import { toNestErrors } from '@hookform/resolvers';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { issueText } from './issue-text';

/**
 * Messages for a field's format and rule problems ("not an email", "in the future"), by dotted
 * path; `*` matches any one part ("products.*.lot"). Lengths and limits stay the generic ones.
 */
export type FieldMessages = Record<string, string>;

function messageFor(messages: FieldMessages | undefined, path: string): string | undefined {
  if (!messages) return undefined;
  if (messages[path]) return messages[path];
  const parts = path.split('.');
  for (const [pattern, message] of Object.entries(messages)) {
    const wanted = pattern.split('.');
    if (wanted.length === parts.length && wanted.every((part, i) => part === '*' || part === parts[i])) return message;
  }
  return undefined;
}

/** react-hook-form resolver that validates with a (shared) zod schema and translates each issue. */
export function translatedResolver<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, t: TFunction, messages?: FieldMessages): Resolver<z.input<S>, unknown, z.output<S>> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      const specific = issue.code === 'too_small' || issue.code === 'too_big' ? undefined : messageFor(messages, path);
      errors[path] ??= { type: issue.code, message: specific ?? issueText(t, issue) };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}

export function useTranslatedResolver<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, messages?: FieldMessages) {
  const { t } = useTranslation();
  return useMemo(() => translatedResolver(schema, t, messages), [schema, t, messages]);
}
