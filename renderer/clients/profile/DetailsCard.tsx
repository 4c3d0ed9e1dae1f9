import { DataList, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../shared/clients/client';
import type { ClientContact } from '../../../shared/contract/client-channels';
import { useDates } from '../../hooks/useDates';

/**
 * Contact and background details as recorded; empty ones say so rather than vanish. The GP,
 * concerns and notes are clinical: shown only when the record read holds them (not reception's).
 */
export function DetailsCard({ client }: { client: Client | ClientContact }) {
  const { t } = useTranslation();
  const dates = useDates();
  const none = (
    <Text span c="dimmed" inherit>
      {t('common.none')}
    </Text>
  );
  const value = (text: string): ReactNode => (text ? text : none);
  const clinical = 'notes' in client ? client : null;
  const rows: ([string, ReactNode] | null)[] = [
    [t('clientForm.phone'), value(client.phone)],
    [t('clientForm.email'), value(client.email)],
    [t('clientForm.address'), value(client.address)],
    [t('clientForm.emergencyContact'), value(client.emergencyContact)],
    clinical ? [t('clientForm.gp'), value(clinical.gp)] : null,
    [t('clientForm.sex'), client.sex ? t(`clientForm.sexes.${client.sex as 'female'}`) : none],
    clinical ? [t('clientForm.concerns'), clinical.concerns.length > 0 ? clinical.concerns.map((concern) => t(`concerns.${concern}`)).join(', ') : none] : null,
    [t('clientForm.referralSource'), value(client.referralSource)],
    [t('profile.marketing'), client.marketingConsent ? t('profile.marketingYes') : t('profile.marketingNo')],
    clinical ? [t('clientForm.notes'), value(clinical.notes)] : null,
  ];
  return (
    <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="details-title">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          <IconAddressBook size={22} stroke={1.6} aria-hidden color="var(--mantine-color-sage-7)" />
          <Title order={2} size="h4" id="details-title">
            {t('profile.details')}
          </Title>
        </Group>
        <DataList gap="sm" size="sm" labelWidth="175px">
          {rows
            .filter((row) => row !== null)
            .map(([label, content]) => (
              <DataList.Item key={label}>
                <DataList.ItemLabel>{label}</DataList.ItemLabel>
                <DataList.ItemValue style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{content}</DataList.ItemValue>
              </DataList.Item>
            ))}
        </DataList>
        <Text size="xs" c="dimmed">
          {t('profile.since', { date: dates.dayOf(client.createdAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}
