import { Button, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../shell/navigation';
import { HomeCard } from './HomeCard';

export function ClientsCard() {
  const { t } = useTranslation();
  const { go } = useNavigation();
  return (
    <HomeCard icon={<IconUsers size={22} stroke={1.6} />} title={t('home.clients.title')}>
      <Text c="dimmed" style={{ flexGrow: 1 }}>
        {t('home.clients.body')}
      </Text>
      <Button variant="light" onClick={() => go({ page: 'clients' })} w="fit-content">
        {t('home.clients.open')}
      </Button>
    </HomeCard>
  );
}
