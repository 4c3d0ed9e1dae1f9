import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { IconFileAlert, IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { KindStatus } from '../../../shared/contract/consent-channels';
import { useSession } from '../../app/session-context';
import { useDates, type Dates } from '../../hooks/useDates';
import type { TFunction } from 'i18next';
import { useNavigation } from '../../shell/navigation';
import { warmText } from '../../clients/badge-colors';
import { templateIdFor } from './start-consent';

function reasonText(t: TFunction, status: KindStatus, dates: Dates): string {
  if (status.state === 'needed' && status.staleReason !== 'declined') return t('consents.needed.never');
  switch (status.staleReason) {
    case 'expired':
      return t('consents.needed.expired', { date: status.validUntil ? dates.day(status.validUntil) : '' });
    case 'new-major-version':
      return t('consents.needed.newVersion');
    case 'withdrawn':
      return t('consents.needed.withdrawn');
    case 'declined':
      return t('consents.needed.declined', { date: status.signedAt ? dates.dayOf(status.signedAt) : '' });
    default:
      return t('consents.needed.never');
  }
}

/** "Consent needed" as a badge (profile header); says why on hover-free text for screen readers too. */
export function ConsentNeededBadge({ status }: { status: KindStatus | null }) {
  const { t } = useTranslation();
  if (!status || status.state === 'valid') return null;
  return (
    <Badge color="orange" variant="light" c={warmText} size="lg" leftSection={<IconFileAlert size={14} aria-hidden />}>
      {status.state === 'needed' ? t('consents.needed.badge') : t('consents.needed.badgeStale')}
    </Badge>
  );
}

/**
 * The notice at session start (and on the profile) when the treatment consent is missing or
 * stale, with a button that opens a new consent for signing (clinicians only).
 */
export function ConsentNeededNotice({ clientId, status, forNewSession = false }: { clientId: string; status: KindStatus | null; forNewSession?: boolean }) {
  const { t } = useTranslation();
  const { staff } = useSession();
  const { go } = useNavigation();
  const dates = useDates();
  if (!status || status.state === 'valid') return null;
  const start = async () => {
    const templateId = await templateIdFor('microneedling');
    go({ page: 'consentSigning', clientId, templateId, forNewSession });
  };
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconFileAlert aria-hidden />}
      title={status.state === 'needed' ? t('consents.needed.title') : t('consents.needed.titleStale')}
      role="region"
      aria-label={t('consents.needed.title')}
    >
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm">{reasonText(t, status, dates)}</Text>
        {staff.role !== 'reception' ? (
          <Button size="sm" leftSection={<IconSignature size={16} aria-hidden />} onClick={() => void start()}>
            {t('consents.needed.start')}
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}

/** The profile header's "Sign consent" button, offered to clinicians while the treatment consent is missing or stale. */
export function SignConsentButton({ clientId, status }: { clientId: string; status: KindStatus | null }) {
  const { t } = useTranslation();
  const { staff } = useSession();
  const { go } = useNavigation();
  if (!status || status.state === 'valid' || staff.role === 'reception') return null;
  const start = async () => go({ page: 'consentSigning', clientId, templateId: await templateIdFor('microneedling') });
  return (
    <Button variant="light" color="orange" c={warmText} leftSection={<IconSignature size={18} aria-hidden />} onClick={() => void start()}>
      {t('consents.needed.start')}
    </Button>
  );
}
