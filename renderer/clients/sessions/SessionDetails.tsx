import { Accordion, Button, DataList, Grid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { SessionCopiesPanel } from '../../copies/SessionCopiesPanel';
import { SessionCopyButtons } from './SessionCopyButtons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TreatmentSessionView } from '../../../shared/clinical/records';
import type { SessionRecord } from '../../../shared/clinical/session';
import { useDates, type Dates } from '../../hooks/useDates';
import { localIsoDate } from '../client-text';
import { Checklist } from './Checklist';
import { savedConsentState, sessionChecklist } from './checklist';
import { expiryText } from './ExpiryField';
import { isSameDay } from './session-form';
import { SessionExceptions } from './SessionExceptions';
import { useSessionBeforePhotos } from './useSessionBeforePhotos';

/** One session in full, its checklist, and every amendment with who, when, why and what it replaced. */
export function SessionDetails({
  session,
  historyDates,
  hasGp,
  hasEmail,
  onChange,
}: {
  session: TreatmentSessionView;
  historyDates: string[];
  hasGp: boolean;
  hasEmail: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const sameDay = isSameDay(session);
  const beforePhotos = useSessionBeforePhotos(session.clientId, session.id, localIsoDate(new Date(session.record.performedAt)));
  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          <SessionExceptions basis={session.basis} id={session.id} />
          <RecordView record={session.record} />
          {session.amendments.length > 0 ? <Amendments session={session} /> : null}
          <Text size="xs" c="dimmed">
            {t('treatments.recorded', { when: dates.dateTime(session.createdAt), name: session.practitionerName })}
          </Text>
          {session.updatedByName ? (
            <Text size="xs" c="dimmed">
              {t('sessionBasis.details.edited', { when: dates.dateTime(session.updatedAt), name: session.updatedByName })}
            </Text>
          ) : null}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <Checklist states={sessionChecklist(session.record, historyDates, { consent: savedConsentState(session.basis), beforePhotos })} title={t('checklist.title')} />
          <Button
            variant="default"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={onChange}
            aria-label={t(sameDay ? 'treatments.editLabel' : 'treatments.amendLabel', { when: dates.dateTime(session.record.performedAt) })}
          >
            {sameDay ? t('treatments.edit') : t('treatments.amend')}
          </Button>
          <Text size="xs" c="dimmed">
            {sameDay ? t('treatments.editHint') : t('treatments.amendHint')}
          </Text>
          <SessionCopyButtons sessionId={session.id} when={dates.dateTime(session.record.performedAt)} />
          <SessionCopiesPanel clientId={session.clientId} sessionId={session.id} when={dates.dateTime(session.record.performedAt)} hasGp={hasGp} hasEmail={hasEmail} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function lotText(t: TFunction, dates: Dates, lot: { name: string; lot: string; expiry: string | null; stockLotId?: string | null } | null): string {
  if (!lot) return t('common.none');
  return [
    lot.name,
    t('treatments.lotNumber', { lot: lot.lot }),
    lot.expiry ? t('treatments.expires', { date: expiryText(lot.expiry, dates) }) : null,
    lot.stockLotId ? null : t('stock.onSession.typed'),
  ]
    .filter(Boolean)
    .join(' · ');
}

export function RecordView({ record }: { record: SessionRecord }) {
  const { t } = useTranslation();
  const dates = useDates();
  const none = t('common.none');
  const device = [t(`sessionForm.${record.device.kind}`), record.device.make, record.device.model, record.device.settings].filter(Boolean).join(' · ');
  const anaesthetic = record.anaesthetic.product
    ? [record.anaesthetic.product, record.anaesthetic.appliedAt ? t('treatments.appliedAt', { time: record.anaesthetic.appliedAt }) : null].filter(Boolean).join(' · ')
    : none;
  return (
    <Stack gap="md">
      <Table withTableBorder verticalSpacing={6} aria-label={t('sessionForm.areasTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('sessionForm.area')}</Table.Th>
            <Table.Th scope="col">{t('sessionForm.depth')}</Table.Th>
            <Table.Th scope="col">{t('sessionForm.passes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {record.areas.map((area) => (
            <Table.Tr key={area.area}>
              <Table.Th scope="row" fw={500}>
                {t(`areas.${area.area}`)}
              </Table.Th>
              <Table.Td>{t('treatments.mm', { value: area.depthMm })}</Table.Td>
              <Table.Td>{area.passes}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <DataList size="sm" gap={6} labelWidth="190px">
        {(
          [
            [t('treatments.device'), device],
            [t('sessionForm.cartridge'), lotText(t, dates, record.cartridge)],
            [t('treatments.products'), record.products.length > 0 ? record.products.map((product) => lotText(t, dates, product)).join('\n') : none],
            [t('sessionForm.anaesthetic'), anaesthetic],
            [t('sessionForm.skinPrep'), record.skinPrep || none],
            [t('sessionForm.endpoint'), t(`sessionForm.endpoints.${record.endpoint}`)],
            [t('sessionForm.reaction'), record.immediateReaction || none],
            [t('treatments.aftercare'), record.aftercareGiven ? t('treatments.aftercareGiven') : t('treatments.aftercareNotGiven')],
            [t('sessionForm.notes'), record.notes || none],
          ] as const
        ).map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </Stack>
  );
}

/** Fields whose value differs between two versions of a record, for "what changed". */
function changedFields(before: SessionRecord, after: SessionRecord): (keyof SessionRecord)[] {
  return (Object.keys(before) as (keyof SessionRecord)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

function Amendments({ session }: { session: TreatmentSessionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <Stack gap="xs" component="section" aria-labelledby={`amendments-${session.id}`}>
      <Title order={3} size="h5" id={`amendments-${session.id}`}>
        {t('treatments.amendmentsTitle')}
      </Title>
      <Accordion variant="contained" chevronPosition="left">
        {session.amendments.map((amendment, index) => {
          const after = session.amendments[index + 1]?.previous ?? session.record;
          const changed = changedFields(amendment.previous, after);
          return (
            <Accordion.Item key={amendment.id} value={amendment.id}>
              <Accordion.Control>
                <Text size="sm" fw={600}>
                  {t('treatments.amendedBy', { when: dates.dateTime(amendment.amendedAt), name: amendment.amendedByName })}
                </Text>
                <Text size="sm">{t('treatments.because', { reason: amendment.reason })}</Text>
                <Text size="xs" c="dimmed">
                  {t('treatments.changed', { fields: changed.map((key) => t(`treatments.fields.${key}`)).join(', ') || t('common.none') })}
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                <Text size="sm" fw={600} mb="xs">
                  {t('treatments.previousValues')}
                </Text>
                <RecordView record={amendment.previous} />
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </Stack>
  );
}
