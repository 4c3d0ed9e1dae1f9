import { ActionIcon, Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconArrowLeft, IconDots, IconFolderDown, IconListDetails, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientContactProfile, ClientProfile } from '../../../shared/contract/client-channels';
import type { BridgeError } from '../../../shared/errors';
import { notifySuccess } from '../../app/notify';
import { useSession } from '../../app/session-context';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { useExportRecord } from '../../client-export/useExportRecord';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { useDates } from '../../hooks/useDates';
import { useNavigation, type ProfileTab } from '../../shell/navigation';
import { PageTitle } from '../../shell/PageTitle';
import { clientName } from '../client-text';
import { fitzpatrickNumeral } from '../form/fitzpatrick';
import { AlertBadges } from '../screening/AlertBadges';
import { sessionBlockReason } from '../screening/session-block';
import { ConsentNeededBadge, SignConsentButton } from '../../consents/needed/ConsentNeeded';
import { useConsentStatus } from '../../consents/needed/useConsentStatus';

/** Name, age, skin type and today's alerts (the last two for clinicians), with what is done to a client from here. */
export function ProfileHeader({ profile, onChanged, onTab }: { profile: ClientProfile | ClientContactProfile; onChanged: () => Promise<void>; onTab: (tab: ProfileTab) => void }) {
  const { t } = useTranslation();
  const { staff } = useSession();
  const { go } = useNavigation();
  const dates = useDates();
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const { client, age } = profile;
  // Reception's contact view holds no skin type or screening: those facts are left out, not shown as unknown.
  const full = 'screening' in profile ? profile : null;
  const screening = full?.screening ?? null;
  const clinician = staff.role !== 'reception';
  const blocked = sessionBlockReason(t, screening);
  const name = clientName(client);
  const consent = useConsentStatus(client.id);
  const exportRecord = useExportRecord(client.id);

  const facts = [
    age !== null ? t('profile.age', { count: age }) : null,
    client.dateOfBirth ? t('profile.born', { date: dates.day(client.dateOfBirth) }) : null,
    full ? (full.client.fitzpatrick ? t('profile.skinType', { numeral: fitzpatrickNumeral(full.client.fitzpatrick) }) : t('profile.skinTypeUnknown')) : null,
    client.pronouns || null,
  ].filter(Boolean);

  const setArchived = async (archived: boolean) => {
    setFailure(null);
    try {
      await call('clients.setArchived', { id: client.id, archived });
      // Notifications carry no client data (names included): the page itself shows whose record it is.
      notifySuccess(archived ? t('profile.archivedTitle') : t('profile.unarchivedTitle'), archived ? t('profile.archivedMessage') : t('profile.unarchivedMessage'));
      await onChanged();
    } catch (error) {
      setFailure(asBridgeError(error));
    }
  };

  return (
    <Stack gap="sm">
      <div>
        <Button variant="subtle" size="compact-md" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={() => go({ page: 'clients' })} mb="xs">
          {t('clients.backToList')}
        </Button>
        {/* The name and facts keep room for themselves; the buttons move below them before they squeeze a fact onto two lines. */}
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={6} style={{ flex: '1 1 360px', minWidth: 0 }}>
            <Group gap="sm" align="baseline">
              <PageTitle title={name} />
              {client.preferredName ? (
                <Text size="lg" c="dimmed">
                  {t('clients.prefers', { name: client.preferredName })}
                </Text>
              ) : null}
              <ConsentNeededBadge status={consent.data?.microneedling ?? null} />
              {client.archived ? (
                <Badge color="gray" variant="light" size="lg">
                  {t('clients.archived')}
                </Badge>
              ) : null}
            </Group>
            <Text size="md" c="dimmed">
              {facts.map((fact, index) => (
                <span key={fact} style={{ whiteSpace: 'nowrap' }}>
                  {index > 0 ? ' · ' : ''}
                  {fact}
                </span>
              ))}
            </Text>
          </Stack>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={() => go({ page: 'clientForm', clientId: client.id })}>
              {t('profile.edit')}
            </Button>
            {client.archived ? null : <SignConsentButton clientId={client.id} status={consent.data?.microneedling ?? null} />}
            {clinician ? (
              <>
                <Button
                  leftSection={<IconPlus size={18} aria-hidden />}
                  disabled={blocked !== null || client.archived}
                  aria-describedby={blocked ? 'session-blocked-reason' : undefined}
                  onClick={() => go({ page: 'sessionForm', clientId: client.id })}
                >
                  {t('profile.startSession')}
                </Button>
                <Menu position="bottom-end" width={240}>
                  <Menu.Target>
                    <ActionIcon variant="default" size={42} aria-label={t('profile.more')}>
                      <IconDots size={20} aria-hidden />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {staff.role === 'admin' ? (
                      <Menu.Item leftSection={<IconListDetails size={18} aria-hidden />} onClick={() => go({ page: 'auditTrail', clientId: client.id })}>
                        {t('auditTrail.fromProfile')}
                      </Menu.Item>
                    ) : null}
                    <Menu.Item leftSection={<IconFolderDown size={18} aria-hidden />} disabled={exportRecord.busy} onClick={() => void exportRecord.run()}>
                      {t('clientExport.menu')}
                    </Menu.Item>
                    {client.archived ? (
                      <Menu.Item leftSection={<IconArchiveOff size={18} aria-hidden />} onClick={() => void setArchived(false)}>
                        {t('profile.unarchive')}
                      </Menu.Item>
                    ) : (
                      <Menu.Item leftSection={<IconArchive size={18} aria-hidden />} onClick={() => void setArchived(true)}>
                        {t('profile.archive')}
                      </Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              </>
            ) : null}
          </Group>
        </Group>
      </div>
      {screening ? <AlertBadges alerts={screening.alerts} incomplete={screening.incomplete} /> : null}
      {blocked ? (
        <Text id="session-blocked-reason" size="sm" c="red.9" fw={500}>
          {blocked}{' '}
          <Button variant="transparent" size="compact-sm" p={0} c="red.9" td="underline" onClick={() => onTab('overview')}>
            {t('screening.seeAlerts')}
          </Button>
        </Text>
      ) : null}
      {client.archived ? <Text c="dimmed">{t('profile.archivedNote')}</Text> : null}
      <ErrorAlert error={failure ?? exportRecord.failure} />
    </Stack>
  );
}
