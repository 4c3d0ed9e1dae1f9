import { Alert, Button, Code, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../shared/errors';
import { WelcomeLayout } from '../brand/WelcomeLayout';
import { useScreenTitle } from '../app/useScreenTitle';
import { errorText } from '../bridge/error-text';
import { RestoreEntry } from '../backups/RestoreEntry';

/** Damage a backup may replace (the main side refuses a restore over anything else). */
const restorable: ReadonlySet<string> = new Set(['KEY_FILE_MISSING', 'KEY_FILE_DAMAGED', 'KEY_FILE_ALTERED', 'DATABASE_MISSING', 'DATABASE_UNREADABLE', 'DATABASE_DAMAGED']);

/**
 * The data folder cannot be opened. Says what is wrong (the main side's message names the file
 * and the way back) and offers nothing destructive: no reset, no "start again", only a re-check and, for damage a
 * backup can mend, a restore that keeps the damaged folder aside.
 */
export function StoreErrorScreen({ error, appVersion, onRetry }: { error: BridgeError | null; appVersion: string | null; onRetry: () => Promise<void> }) {
  const { t } = useTranslation();
  useScreenTitle(t('storeError.title'));
  const [checking, setChecking] = useState(false);
  const shown: BridgeError = error ?? { code: 'INTERNAL', message: t('errors.INTERNAL') };

  const retry = async () => {
    setChecking(true);
    try {
      await onRetry();
    } finally {
      setChecking(false);
    }
  };

  return (
    <WelcomeLayout wide>
      <Stack gap="lg">
        <Title order={1}>{t('storeError.title')}</Title>
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('storeError.whatHappened')}>
          <Text data-testid="store-error-message">{errorText(t, shown)}</Text>
        </Alert>
        <div>
          <Title order={2} size="h4" mb="xs">
            {t('storeError.whatToDo')}
          </Title>
          <List spacing={6}>
            <List.Item>{t('storeError.keepFiles')}</List.Item>
            <List.Item>{t('storeError.callSupport')}</List.Item>
            <List.Item>{t('storeError.recoveryKey')}</List.Item>
          </List>
        </div>
        <Text size="sm" c="dimmed">
          {t('storeError.codeLabel')} <Code>{shown.code}</Code>
          {appVersion ? ` · ${t('app.version', { version: appVersion })}` : null}
        </Text>
        {restorable.has(shown.code) ? <RestoreEntry where="storeError" onRestored={() => void retry()} /> : null}
        <Button variant="default" leftSection={<IconRefresh size={18} aria-hidden />} onClick={() => void retry()} loading={checking} w="fit-content">
          {t('storeError.checkAgain')}
        </Button>
      </Stack>
    </WelcomeLayout>
  );
}
