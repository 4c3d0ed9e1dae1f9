import { EmptyState, Paper, Stack } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../shell/PageTitle';

/** Client records are the next piece of SkinLedger; until then this says so, with no made-up rows. */
export function ClientsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <PageTitle title={t('clients.title')} description={t('clients.subtitle')} />
      <Paper withBorder p="xl" bg="white">
        <EmptyState
          size="lg"
          variant="light"
          color="sage"
          icon={<IconUsers size={40} stroke={1.5} aria-hidden />}
          title={t('clients.emptyTitle')}
          description={t('clients.emptyDescription')}
          py="xl"
        />
      </Paper>
    </Stack>
  );
}
