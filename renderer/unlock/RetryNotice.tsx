import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "You can try again in 3 seconds", read out politely as it changes. */
export function RetryNotice({ secondsLeft }: { secondsLeft: number }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" aria-live="polite" data-testid="retry-countdown" ta="center" mt={secondsLeft > 0 ? 8 : 0}>
      {secondsLeft > 0 ? t('signIn.retryIn', { count: secondsLeft }) : ''}
    </Text>
  );
}
