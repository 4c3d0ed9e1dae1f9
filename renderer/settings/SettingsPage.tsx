import { Stack, Tabs } from '@mantine/core';
import {
  IconArchive,
  IconCalendarEvent,
  IconTransfer,
  IconBuildingStore,
  IconDatabaseExport,
  IconFileCertificate,
  IconKey,
  IconMail,
  IconMailForward,
  IconNotes,
  IconRuler2,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session-context';
import { BackupsPanel } from '../backups/BackupsPanel';
import { DiarySettingsPanel } from '../diary/DiarySettingsPanel';
import type { SettingsTab } from '../shell/navigation';
import { PageTitle } from '../shell/PageTitle';
import { ChangePasswordPanel } from './password/ChangePasswordPanel';
import { ClinicSettingsPanel } from './clinic/ClinicSettingsPanel';
import { AreaDepthsPanel } from './depths/AreaDepthsPanel';
import { RetentionSettingsPanel } from '../retention/RetentionSettingsPanel';
import { ConsentTemplatesPanel } from './consent-templates/ConsentTemplatesPanel';
import { NoteSnippetsPanel } from './snippets/NoteSnippetsPanel';
import { GpLetterSettingsPanel } from './gp-letter/GpLetterSettingsPanel';
import { EmailSettingsPanel } from './email/EmailSettingsPanel';
import { StaffPanel } from './staff/StaffPanel';
import { ExportEverythingSection } from './import-clients/ExportEverythingSection';
import { ImportClientsPanel } from './import-clients/ImportClientsPanel';
import { RekeySection } from './rekey/RekeySection';
import classes from './SettingsPage.module.css';

const tabIcons = {
  clinic: IconBuildingStore,
  staff: IconUsersGroup,
  diary: IconCalendarEvent,
  depths: IconRuler2,
  snippets: IconNotes,
  gpLetter: IconMail,
  email: IconMailForward,
  consentTemplates: IconFileCertificate,
  backups: IconDatabaseExport,
  importExport: IconTransfer,
  retention: IconArchive,
  password: IconKey,
} as const;

/**
 * Clinic details and staff for admins; "Change my password" for everyone. Other roles do not see
 * the admin parts at all, and the main side refuses them if reached another way.
 */
export default function SettingsPage({ initialTab }: { initialTab?: SettingsTab | undefined }) {
  const { t } = useTranslation();
  const { staff } = useSession();
  const tabs: SettingsTab[] =
    staff.role === 'admin' ? ['clinic', 'staff', 'diary', 'consentTemplates', 'depths', 'snippets', 'gpLetter', 'email', 'backups', 'importExport', 'retention', 'password'] : ['password'];
  const [tab, setTab] = useState<SettingsTab>(initialTab && tabs.includes(initialTab) ? initialTab : (tabs[0] ?? 'password'));

  return (
    <Stack gap="xl">
      <PageTitle title={t('settings.title')} description={t(staff.role === 'admin' ? 'settings.subtitleAdmin' : 'settings.subtitle')} />
      {tabs.length === 1 ? (
        // Only one part is open to this role: no tab bar for a single choice.
        <ChangePasswordPanel />
      ) : (
        // Eight parts do not fit one row beside the navbar at 1366 px: they stand in a column,
        // clinic and people first, then treatments, then the records' safekeeping.
        <Tabs
          value={tab}
          onChange={(value) => value && setTab(value as SettingsTab)}
          keepMounted={false}
          orientation="vertical"
          classNames={{ root: classes.root, list: classes.tabList, tab: classes.tab, panel: classes.panel }}
        >
          <Tabs.List>
            {tabs.map((id) => {
              const Icon = tabIcons[id];
              return (
                <Tabs.Tab key={id} value={id} leftSection={<Icon size={18} aria-hidden />}>
                  {id === 'diary' ? t('diary.settings.tab') : id === 'retention' ? t('auditTrail.retention.tab') : id === 'consentTemplates' ? t('consents.templates.tab') : t(`settings.tabs.${id}`)}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          <Tabs.Panel value="clinic">
            <ClinicSettingsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="staff">
            <Stack gap="lg">
              <StaffPanel />
              <RekeySection onBackupNow={() => setTab('backups')} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="diary">
            <DiarySettingsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="depths">
            <AreaDepthsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="snippets">
            <NoteSnippetsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="gpLetter">
            <GpLetterSettingsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="email">
            <EmailSettingsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="backups">
            <BackupsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="importExport">
            <Stack gap="lg">
              <ImportClientsPanel />
              <ExportEverythingSection />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="retention">
            <RetentionSettingsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="consentTemplates">
            <ConsentTemplatesPanel />
          </Tabs.Panel>
          <Tabs.Panel value="password">
            <ChangePasswordPanel />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
