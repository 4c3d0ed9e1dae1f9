import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Counting starts here: a note well short of the limit needs no counter. */
export const countFrom = 0.8;

/**
 * "3,950 of 4,000 characters" above a long text field once it nears its limit, and in red past
 * it: a 20,000-character paste is told so at the field's label, not below a page of text.
 */
export function LengthHint({ length, max, id }: { length: number; max: number; id?: string }) {
  const { t, i18n } = useTranslation();
  if (length < max * countFrom) return null;
  const over = length > max;
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Text id={id} component="span" size="sm" c={over ? 'red.8' : 'dimmed'} fw={over ? 600 : undefined} role={over ? 'alert' : undefined}>
      {over
        ? t('forms.lengthOver', { count: length - max, over: number.format(length - max), length: number.format(length), max: number.format(max) })
        : t('forms.lengthNear', { length: number.format(length), max: number.format(max) })}
    </Text>
  );
}
