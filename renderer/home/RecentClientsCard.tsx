import { Button, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useBridgeQuery } from '../hooks/useBridgeQuery';
import { useDates } from '../hooks/useDates';
import { bornAndAge } from '../clients/born';
import { clientName } from '../clients/client-text';
import { useNavigation } from '../shell/navigation';
import { HomeCard } from './HomeCard';
import classes from './HomeLists.module.css';

/** The people last opened, added or edited: the front desk's "who was I just looking at". */
export function RecentClientsCard() {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const dates = useDates();
  const recent = useBridgeQuery('clients.recent', { limit: 6 });

  return (
    <HomeCard icon={<IconHistory size={22} stroke={1.6} />} title={t('home.recent.title')}>
      <ErrorAlert error={recent.error} />
      {recent.data && recent.data.length === 0 ? (
        <Text c="dimmed" style={{ flexGrow: 1 }}>
          {t('home.recent.empty')}
        </Text>
      ) : (
        <Stack gap={2} component="ul" className={classes.list} style={{ flexGrow: 1 }}>
          {(recent.data ?? []).map((client) => (
            <li key={client.id}>
              <UnstyledButton className={classes.item} onClick={() => go({ page: 'client', clientId: client.id })}>
                <Text fw={600} truncate>
                  {clientName(client)}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {client.dateOfBirth ? bornAndAge(t, dates.day, client.dateOfBirth) : client.phone || t('common.none')}
                </Text>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
      )}
      <Button variant="light" onClick={() => go({ page: 'clients' })} w="fit-content">
        {t('home.recent.all')}
      </Button>
    </HomeCard>
  );
}
