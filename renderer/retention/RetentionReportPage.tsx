import { Anchor, Badge, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionReportRow } from '../../shared/contract/audit-channels';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useBridgeQuery } from '../hooks/useBridgeQuery';
import { useDates } from '../hooks/useDates';
import { useNavigation } from '../shell/navigation';
import { PageLoading } from '../shell/PageLoading';
import { PageTitle } from '../shell/PageTitle';
import { PurgeDialog } from './PurgeDialog';

/** Clients whose retention period has ended, each with a Purge action behind a confirmation. */
export default function RetentionReportPage() {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const dates = useDates();
  const report = useBridgeQuery('retention.report', {});
  const [purging, setPurging] = useState<RetentionReportRow | null>(null);
  const settings = report.data?.settings;

  return (
    <Stack gap="lg">
      <PageTitle title={t('auditTrail.retention.title')} description={t('auditTrail.retention.intro')} />
      {settings ? (
        <Paper withBorder p="md" bg="white">
          <Text size="sm">
            {t('auditTrail.retention.rule', {
              country: t(`auditTrail.retention.countries.${settings.country}`),
              years: settings.adultYears,
              age: settings.minorUntilAge,
            })}{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => go({ page: 'settings', settingsTab: 'retention' })}>
              {t('auditTrail.retention.changeSetting')}
            </Anchor>
          </Text>
          {!settings.confirmed ? (
            <Text size="sm" c="red.9" fw={500} mt="xs">
              {t('auditTrail.retention.notConfirmed')}
            </Text>
          ) : null}
        </Paper>
      ) : null}
      <ErrorAlert error={report.error} />
      {!report.data ? (
        report.error ? null : (
          <PageLoading />
        )
      ) : report.data.clients.length === 0 ? (
        <Text c="dimmed" role="status">
          {t('auditTrail.retention.none')}
        </Text>
      ) : (
        <Paper withBorder bg="white" p={0}>
          <Text fw={600} p="md" role="status">
            {t('auditTrail.retention.count', { count: report.data.clients.length })}
          </Text>
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('auditTrail.retention.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('auditTrail.retention.columns.client')}</Table.Th>
                  <Table.Th>{t('auditTrail.retention.columns.born')}</Table.Th>
                  <Table.Th>{t('auditTrail.retention.columns.lastTreatment')}</Table.Th>
                  <Table.Th>{t('auditTrail.retention.columns.keptUntil')}</Table.Th>
                  <Table.Th>{t('auditTrail.retention.columns.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.clients.map((client) => (
                  <Table.Tr key={client.clientId}>
                    <Table.Td fw={600}>{client.name}</Table.Td>
                    <Table.Td>{dates.day(client.dateOfBirth)}</Table.Td>
                    <Table.Td>{client.hadSessions ? dates.day(client.lastTreatmentDay) : t('auditTrail.retention.registeredOnly', { date: dates.day(client.lastTreatmentDay) })}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <span>{dates.day(client.keepUntil)}</span>
                        <Badge variant="light" color="gray" c="dark.9" size="sm" style={{ textTransform: 'none' }}>
                          {t(`auditTrail.retention.rules.${client.rule}`)}
                        </Badge>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        variant="light"
                        color="red"
                        size="compact-md"
                        leftSection={<IconTrash size={16} aria-hidden />}
                        aria-label={t('auditTrail.retention.purgeFor', { name: client.name })}
                        onClick={() => setPurging(client)}
                      >
                        {t('auditTrail.retention.purge')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <PurgeDialog client={purging} onClose={() => setPurging(null)} onPurged={() => void report.reload()} />
    </Stack>
  );
}
