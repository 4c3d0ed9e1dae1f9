import { Button, Paper, Stack, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RestoreDialog } from './RestoreDialog';

/**
 * "Restore from a backup" before anyone can sign in: on a fresh install's set-up screen, and on
 * the store-error screen. After a restore the app re-reads its status and shows sign-in.
 */
export function RestoreEntry({ where, onRestored }: { where: 'setup' | 'storeError'; onRestored: () => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Paper withBorder p="md" bg="gray.0">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{where === 'setup' ? t('backups.restore.setupHint') : t('backups.restore.storeErrorHint')}</Text>
        <Button variant="default" leftSection={<IconRestore size={18} aria-hidden />} onClick={() => setOpened(true)}>
          {where === 'setup' ? t('backups.restore.openFromSetup') : t('backups.restore.openFromStoreError')}
        </Button>
      </Stack>
      <RestoreDialog
        opened={opened}
        mode="withoutSignIn"
        onFinished={(result) => {
          setOpened(false);
          if (result) onRestored();
        }}
      />
    </Paper>
  );
}
