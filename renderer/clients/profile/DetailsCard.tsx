import { DataList, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../shared/clients/client';
import { useDates } from '../../hooks/useDates';

/** Contact and background details as recorded; empty ones say so rather than vanish. */
export function DetailsCard({ client }: { client: Client }) {
  const { t } = useTranslation();
  const dates = useDates();
  const none = (
    <Text span c="dimmed" inherit>
      {t('common.none')}
    </Text>
  );
  const value = (text: string): ReactNode => (text ? text : none);
  const rows: [string, ReactNode][] = [
    [t('clientForm.phone'), value(client.phone)],
    [t('clientForm.email'), value(client.email)],
    [t('clientForm.address'), value(client.address)],
    [t('clientForm.emergencyContact'), value(client.emergencyContact)],
    [t('clientForm.gp'), value(client.gp)],
    [t('clientForm.sex'), client.sex ? t(`clientForm.sexes.${client.sex as 'female'}`) : none],
    [t('clientForm.concerns'), client.concerns.length > 0 ? client.concerns.map((concern) => t(`concerns.${concern}`)).join(', ') : none],
    [t('clientForm.referralSource'), value(client.referralSource)],
    [t('profile.marketing'), client.marketingConsent ? t('profile.marketingYes') : t('profile.marketingNo')],
    [t('clientForm.notes'), value(client.notes)],
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
          {rows.map(([label, content]) => (
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
