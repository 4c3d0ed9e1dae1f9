import { Button, Stack, Text } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../shared/errors';
import type { ClinicSettings } from '../../shared/settings';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useNavigation } from '../shell/navigation';
import { HomeCard } from './HomeCard';

export function ClinicCard({ settings, error, canEdit }: { settings: ClinicSettings | null; error: BridgeError | null; canEdit: boolean }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  return (
    <HomeCard icon={<IconBuildingStore size={22} stroke={1.6} />} title={t('home.clinic.title')}>
      <ErrorAlert error={error} />
      {settings ? (
        <Stack gap={4} style={{ flexGrow: 1 }}>
          <Text fw={600}>{settings.clinicName}</Text>
          {settings.clinicAddress ? (
            <Text c="dimmed" style={{ whiteSpace: 'pre-line' }}>
              {settings.clinicAddress}
            </Text>
          ) : null}
          <Text c="dimmed">{settings.clinicPhone || t('home.clinic.noPhone')}</Text>
        </Stack>
      ) : null}
      {canEdit ? (
        <Button variant="light" onClick={() => go({ page: 'settings', settingsTab: 'clinic' })} w="fit-content">
          {t('home.clinic.edit')}
        </Button>
      ) : null}
    </HomeCard>
  );
}
