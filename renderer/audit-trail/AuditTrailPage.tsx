import '@mantine/dates/styles.css';
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilters, AuditVerificationView } from '../../shared/contract/audit-channels';
import type { BridgeError } from '../../shared/errors';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useBridgeQuery } from '../hooks/useBridgeQuery';
import { useDates } from '../hooks/useDates';
import { PageTitle } from '../shell/PageTitle';
import { AuditFiltersBar, noFilters } from './AuditFiltersBar';
import { AuditTable } from './AuditTable';
import { useAuditPages } from './useAuditPages';
import { VerifyResult } from './VerifyResult';

/**
 * The admin's view of the audit trail: filter by staff, client, action and days, newest first;
 * export what is shown as CSV for an inspector; verify the hash chain. Opened from a client's
 * profile it starts filtered to that client.
 */
export default function AuditTrailPage({ clientId }: { clientId?: string | undefined }) {
  const { t } = useTranslation();
  const dates = useDates();
  const [filters, setFilters] = useState<AuditFilters>({ ...noFilters, clientId: clientId ?? null });
  const choices = useBridgeQuery('auditTrail.filters', { clientId: clientId ?? null });
  const pages = useAuditPages(filters);
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<AuditVerificationView | null>(null);
  const [exporting, setExporting] = useState(false);
  const [failure, setFailure] = useState<BridgeError | null>(null);

  const verify = async () => {
    setFailure(null);
    setVerifying(true);
    try {
      setVerified(await call('auditTrail.verify', {}));
      // The check is itself a row of the trail: show it.
      pages.reload();
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setVerifying(false);
    }
  };

  const exportCsv = async () => {
    setFailure(null);
    setExporting(true);
    try {
      const result = await call('auditTrail.exportCsv', { filters });
      if (result.saved) {
        notifySuccess(t('auditTrail.exportedTitle'), t('auditTrail.exportedMessage', { count: result.rows }));
        pages.reload();
      }
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <PageTitle title={t('auditTrail.title')} description={t('auditTrail.intro')} />
        <Group gap="sm" wrap="nowrap">
          <Button variant="default" leftSection={<IconShieldCheck size={18} aria-hidden />} loading={verifying} onClick={() => void verify()}>
            {t('auditTrail.verify')}
          </Button>
          <Button leftSection={<IconDownload size={18} aria-hidden />} loading={exporting} onClick={() => void exportCsv()} aria-describedby="audit-export-hint">
            {t('auditTrail.export')}
          </Button>
        </Group>
      </Group>
      {verified ? <VerifyResult result={verified} /> : null}
      <ErrorAlert error={failure ?? choices.error} />
      <AuditFiltersBar filters={filters} onChange={setFilters} choices={choices.data} dates={dates} />
      <Group justify="space-between">
        <Text fw={600} role="status" aria-live="polite">
          {pages.total === null ? t('common.loading') : pages.totalAtLeast ? t('auditTrail.countMoreThan', { count: pages.total }) : t('auditTrail.count', { count: pages.total })}
        </Text>
        <Text id="audit-export-hint" size="sm" c="dimmed">
          {t('auditTrail.exportHint')}
        </Text>
      </Group>
      <AuditTable pages={pages} dates={dates} />
    </Stack>
  );
}
