import { Alert, SimpleGrid, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session-context';
import { BackupStatusCard } from '../backups/BackupStatusCard';
import { TodayCard } from '../diary/TodayCard';
import { useBridgeQuery } from '../hooks/useBridgeQuery';
import { formatLongDate } from '../i18n/format';
import { PageTitle } from '../shell/PageTitle';
import { StockHomeCard } from '../stock/StockHomeCard';
import { ClinicCard } from './ClinicCard';
import { GettingStartedCard } from './GettingStartedCard';
import { OverdueCard } from './OverdueCard';
import { RecentClientsCard } from './RecentClientsCard';
import { ShortcutsCard } from './ShortcutsCard';
import { partOfDay } from './greeting';

/** The first page after sign-in: a greeting, the clinic at a glance, and what to do next. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const { staff, status } = useSession();
  const isAdmin = staff.role === 'admin';
  const settings = useBridgeQuery('settings.get', {});
  const staffList = useBridgeQuery('staff.list', {}, isAdmin);
  const backups = useBridgeQuery('backup.status', {});
  // Records at risk: the warning goes above the everyday cards, in view without scrolling.
  const backupAtRisk = backups.data !== null && backups.data.warning !== 'none';
  const now = new Date();
  const firstName = staff.name.split(/\s+/)[0] ?? staff.name;

  return (
    <Stack gap="lg">
      <PageTitle title={t(`home.greeting.${partOfDay(now)}`, { name: firstName })} description={formatLongDate(now, i18n.language)} />
      {/* Only an admin is given it (the main side decides): the data folder was put back from an older copy. */}
      {status.adminNotice ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('home.rollbackTitle')} role="alert">
          {status.adminNotice}
        </Alert>
      ) : null}
      {isAdmin && settings.data && staffList.data && backups.data ? <GettingStartedCard settings={settings.data} staff={staffList.data} backupsConfigured={backups.data.configured} /> : null}
      {backupAtRisk ? <BackupStatusCard /> : null}
      <TodayCard />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <RecentClientsCard />
        <OverdueCard />
      </SimpleGrid>
      {staff.role !== 'reception' ? <StockHomeCard /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ClinicCard settings={settings.data} error={settings.error} canEdit={isAdmin} />
        <ShortcutsCard />
      </SimpleGrid>
      {backupAtRisk ? null : <BackupStatusCard />}
    </Stack>
  );
}
