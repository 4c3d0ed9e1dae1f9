import { Stack, Tabs } from '@mantine/core';
import { IconClipboardHeart, IconFileCertificate, IconLayoutDashboard, IconNotes, IconPhoto } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientContactProfile, ClientProfile, ScreeningState } from '../../../shared/contract/client-channels';
import type { BridgeError } from '../../../shared/errors';
import { useSession } from '../../app/session-context';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import type { ProfileTab } from '../../shell/navigation';
import { PageLoading } from '../../shell/PageLoading';
import { ConsentsTab } from '../../consents/profile/ConsentsTab';
import { PhotosForCliniciansNote } from '../../photos/gallery/PhotosForCliniciansNote';
import { PhotosTab } from '../../photos/gallery/PhotosTab';
import { MedicalHistoryTab } from './MedicalHistoryTab';
import { OverviewTab } from './OverviewTab';
import { ProfileHeader } from './ProfileHeader';
import classes from './ClientProfilePage.module.css';
import { TreatmentsTab } from './TreatmentsTab';

const tabIcons = {
  overview: IconLayoutDashboard,
  history: IconClipboardHeart,
  treatments: IconNotes,
  consents: IconFileCertificate,
  photos: IconPhoto,
} as const;

/**
 * One client: who they are, today's alerts, and their records by tab. Reception reads the
 * contact view (identity, contact details and courses; no clinical field is even sent to them)
 * and sees the consents and photos tabs; the medical history and treatment notes are not offered
 * to them at all, and the main side refuses them anyway.
 */
export default function ClientProfilePage({ clientId, initialTab }: { clientId: string; initialTab?: ProfileTab | undefined }) {
  const { t } = useTranslation();
  const { staff } = useSession();
  const clinician = staff.role !== 'reception';
  const tabs: ProfileTab[] = clinician ? ['overview', 'history', 'treatments', 'consents', 'photos'] : ['overview', 'consents', 'photos'];
  const [tab, setTab] = useState<ProfileTab>(initialTab && tabs.includes(initialTab) ? initialTab : 'overview');
  const [profile, setProfile] = useState<ClientProfile | ClientContactProfile | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);

  const reload = useCallback(async () => {
    try {
      setProfile(clinician ? await call('clients.profile', { id: clientId }) : await call('clients.contact', { id: clientId }));
      setFailure(null);
    } catch (error) {
      setFailure(asBridgeError(error));
    }
  }, [clientId, clinician]);
  useEffect(() => {
    void reload();
  }, [reload]);

  // The records tabs show what the profile read brought; coming back to one reads it again (one
  // audited read), so a session that has since become amend-only is shown as such.
  const openTab = (next: ProfileTab) => {
    setTab(next);
    if (next === 'treatments' || next === 'history') void reload();
  };

  if (!profile) return failure ? <ErrorAlert error={failure} /> : <PageLoading />;
  const full = 'screening' in profile ? profile : null;
  const onScreening = (screening: ScreeningState) => full && setProfile({ ...full, screening });

  return (
    <Stack gap="lg">
      <ProfileHeader profile={profile} onChanged={reload} onTab={setTab} />
      <ErrorAlert error={failure} />
      <Tabs value={tab} onChange={(value) => value && openTab(value as ProfileTab)} keepMounted={false} classNames={{ list: classes.tabList, tab: classes.tab }}>
        <Tabs.List>
          {tabs.map((id) => {
            const Icon = tabIcons[id];
            return (
              <Tabs.Tab key={id} value={id} leftSection={<Icon size={18} aria-hidden />}>
                {t(`profile.tabs.${id}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="lg">
          <OverviewTab profile={profile} onChanged={reload} onScreening={onScreening} />
        </Tabs.Panel>
        {full ? (
          <>
            <Tabs.Panel value="history" pt="lg">
              <MedicalHistoryTab profile={full} />
            </Tabs.Panel>
            <Tabs.Panel value="treatments" pt="lg">
              <TreatmentsTab profile={full} onScreening={onScreening} />
            </Tabs.Panel>
          </>
        ) : null}
        <Tabs.Panel value="consents" pt="lg">
          <ConsentsTab clientId={clientId} archived={profile.client.archived} />
        </Tabs.Panel>
        <Tabs.Panel value="photos" pt="lg">
          {/* Photos are clinical records: reception is told so, and the main side refuses them anyway. */}
          {full ? <PhotosTab profile={full} /> : <PhotosForCliniciansNote />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
