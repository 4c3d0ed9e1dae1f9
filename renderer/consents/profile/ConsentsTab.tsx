import { Badge, Button, EmptyState, Group, Menu, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconFileCertificate, IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ConsentStatus, KindStatus } from '../../../shared/contract/consent-channels';
import type { PhotographyChoices } from '../../../shared/consents/photography';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { useBridgeQuery } from '../../hooks/useBridgeQuery';
import { useDates } from '../../hooks/useDates';
import { useNavigation } from '../../shell/navigation';
import { PageLoading } from '../../shell/PageLoading';
import { warmText } from '../../clients/badge-colors';
import { ConsentCard } from './ConsentCard';

const photographyOrder = ['clinicalRecord', 'teaching', 'marketingFaceVisible', 'marketingFaceHidden'] as const;

/** One kind's standing; for photography (clinicians), also what the choices in force allow now. */
function StatusLine({ label, status, inForce }: { label: string; status: KindStatus; inForce?: PhotographyChoices | null }) {
  const { t } = useTranslation();
  const dates = useDates();
  const color = status.state === 'valid' ? 'sage' : 'orange';
  const allowed = inForce ? photographyOrder.filter((choice) => inForce[choice]).map((choice) => t(`consents.photoChoices.${choice}`)) : [];
  return (
    <Paper withBorder p="md" bg="white">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text fw={600}>{label}</Text>
          <Text size="sm" c="dimmed">
            {status.state === 'valid' && status.validUntil
              ? t('consents.tab.validUntil', { date: dates.day(status.validUntil) })
              : status.staleReason === 'declined' && status.signedAt
                ? t('consents.tab.declinedOn', { date: dates.dayOf(status.signedAt) })
                : status.signedAt
                  ? t('consents.tab.lastSigned', { date: dates.dayOf(status.signedAt) })
                  : t('consents.tab.neverSigned')}
          </Text>
          {inForce !== undefined && inForce !== null ? (
            <Text size="sm" c="dimmed">
              {allowed.length > 0 ? t('consents.tab.inForce', { list: allowed.join(', ') }) : t('consents.tab.inForceNothing')}
            </Text>
          ) : null}
        </div>
        <Badge size="lg" variant="light" color={color} c={status.state === 'valid' ? undefined : warmText} style={{ flexShrink: 0 }}>
          {t(`consents.tab.state.${status.state}`)}
        </Badge>
      </Group>
    </Paper>
  );
}

function StatusSummary({ status, photographyInForce }: { status: ConsentStatus; photographyInForce?: PhotographyChoices | null }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={2} spacing="md">
      <StatusLine label={t('consents.kinds.microneedling')} status={status.microneedling} />
      <StatusLine label={t('consents.kinds.photography')} status={status.photography} {...(photographyInForce !== undefined ? { inForce: photographyInForce } : {})} />
    </SimpleGrid>
  );
}

/**
 * The client's consents. Clinicians see every signed form (newest first) and start new ones;
 * reception sees only whether a consent is valid, stale or needed.
 */
export function ConsentsTab({ clientId, archived }: { clientId: string; archived: boolean }) {
  const { staff } = useSession();
  return staff.role === 'reception' ? <ReceptionConsents clientId={clientId} /> : <ClinicianConsents clientId={clientId} archived={archived} />;
}

function ReceptionConsents({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const status = useBridgeQuery('consents.status', { clientId });
  if (!status.data) return status.error ? <ErrorAlert error={status.error} /> : <PageLoading />;
  return (
    <Stack gap="md">
      <StatusSummary status={status.data} />
      <Text c="dimmed" size="sm">
        {t('consents.tab.receptionNote')}
      </Text>
    </Stack>
  );
}

function ClinicianConsents({ clientId, archived }: { clientId: string; archived: boolean }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const list = useBridgeQuery('consents.listForClient', { clientId });
  const templates = useBridgeQuery('consentTemplates.list', {});
  if (!list.data) return list.error ? <ErrorAlert error={list.error} /> : <PageLoading />;
  const start = (templateId: string) => go({ page: 'consentSigning', clientId, templateId });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t('consents.tab.title')}
        </Title>
        <Menu position="bottom-end" width={360}>
          <Menu.Target>
            <Button leftSection={<IconSignature size={18} aria-hidden />} rightSection={<IconChevronDown size={16} aria-hidden />} disabled={archived || !templates.data}>
              {t('consents.tab.new')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('consents.tab.chooseTemplate')}</Menu.Label>
            {(templates.data ?? []).map((template) => (
              <Menu.Item key={template.id} onClick={() => start(template.id)}>
                {template.title}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      <ErrorAlert error={templates.error} />
      <StatusSummary status={list.data.status} photographyInForce={list.data.photographyInForce} />
      {list.data.consents.length === 0 ? (
        <Paper withBorder p="xl" bg="white">
          <EmptyState
            size="lg"
            variant="light"
            color="sage"
            icon={<IconFileCertificate size={40} stroke={1.5} aria-hidden />}
            title={t('consents.tab.emptyTitle')}
            description={t('consents.tab.empty')}
            py="xl"
          />
        </Paper>
      ) : (
        <Stack gap="md">
          {list.data.consents.map((consent) => (
            <ConsentCard key={consent.id} consent={consent} onChanged={() => void list.reload()} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
