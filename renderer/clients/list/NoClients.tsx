import { Button, EmptyState, Paper } from '@mantine/core';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A new clinic: no rows to search yet, one clear thing to do. */
export function NoClients({ onNew }: { onNew: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" bg="white">
      <EmptyState size="lg" variant="light" color="sage" icon={<IconUsers size={40} stroke={1.5} aria-hidden />} title={t('clients.emptyTitle')} description={t('clients.emptyDescription')} py="xl">
        <EmptyState.Actions>
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={onNew}>
            {t('clients.newFirst')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
