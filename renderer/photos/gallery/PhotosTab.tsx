import { Button, Chip, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconArrowsLeftRight, IconCamera, IconUpload } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TreatmentSessionView } from '../../../shared/clinical/records';
import type { PhotographyChoices } from '../../../shared/consents/photography';
import type { ClientProfile } from '../../../shared/contract/client-channels';
import type { BridgeError } from '../../../shared/errors';
import { photoStages, photoViews, type Photo, type PhotoLabelsInput } from '../../../shared/photos/photo';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { useDates } from '../../hooks/useDates';
import { useNavigation } from '../../shell/navigation';
import { PageLoading } from '../../shell/PageLoading';
import { CaptureDialog } from '../capture/CaptureDialog';
import { ImportDialog } from '../import/ImportDialog';
import { sessionOptions } from '../labels/session-options';
import { PhotoDialog } from './PhotoDialog';
import { PhotoGrid } from './PhotoGrid';
import { Timeline } from './Timeline';

type Shown = 'gallery' | 'timeline';

/**
 * The client's photos on their profile: filter by view and stage, browse by session, see one view
 * across a course, bring photos in (import or camera) and open one to label, compare or delete.
 */
export function PhotosTab({ profile }: { profile: ClientProfile }) {
  const { t } = useTranslation();
  const dates = useDates();
  const { go } = useNavigation();
  const clientId = profile.client.id;
  const [data, setData] = useState<{ photos: Photo[]; sessions: TreatmentSessionView[]; choices: PhotographyChoices | null } | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [views, setViews] = useState<string[]>([]);
  const [stages, setStages] = useState<string[]>([]);
  const [shown, setShown] = useState<Shown>('gallery');
  const [dialog, setDialog] = useState<'import' | 'capture' | null>(null);
  const [open, setOpen] = useState<Photo | null>(null);

  const reload = useCallback(async () => {
    try {
      const [list, sessions] = await Promise.all([call('photos.list', { clientId }), call('sessions.list', { clientId })]);
      setData({ photos: list.photos, sessions, choices: list.choicesInForce });
      setFailure(null);
    } catch (error) {
      setFailure(asBridgeError(error));
    }
  }, [clientId]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const filtered = useMemo(
    () => (data?.photos ?? []).filter((photo) => (views.length === 0 || views.includes(photo.view)) && (stages.length === 0 || stages.includes(photo.stage))),
    [data, views, stages],
  );
  if (!data) return failure ? <ErrorAlert error={failure} /> : <PageLoading />;

  const options = sessionOptions(t, dates, data.sessions);
  const startLabels: PhotoLabelsInput = { view: 'front', stage: 'before', sessionId: todaysSession(data.sessions), area: null, note: '' };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" wrap="nowrap">
        {data.photos.length > 0 ? (
          <SegmentedControl
            value={shown}
            onChange={(value) => setShown(value as Shown)}
            data={[
              { value: 'gallery', label: t('photos.tab.gallery') },
              { value: 'timeline', label: t('photos.tab.timeline') },
            ]}
            aria-label={t('photos.tab.show')}
          />
        ) : (
          <Text c="dimmed" maw={560} size="sm">
            {t('photos.tab.intro')}
          </Text>
        )}
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconArrowsLeftRight size={16} aria-hidden />} disabled={data.photos.length < 2} onClick={() => go({ page: 'photoCompare', clientId })}>
            {t('photos.tab.compare')}
          </Button>
          <Button variant="default" leftSection={<IconCamera size={16} aria-hidden />} onClick={() => setDialog('capture')} disabled={profile.client.archived}>
            {t('photos.tab.take')}
          </Button>
          <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={() => setDialog('import')} disabled={profile.client.archived}>
            {t('photos.tab.import')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={failure} />
      {data.photos.length === 0 ? (
        <Paper withBorder p="xl" bg="white">
          <Text>{t('photos.tab.none')}</Text>
        </Paper>
      ) : shown === 'gallery' ? (
        <>
          <Stack gap={4}>
            <FilterChips label={t('photos.tab.filterViews')} values={views} onChange={setViews} options={photoViews.map((view) => ({ value: view, label: t(`photos.views.${view}`) }))} />
            <Group justify="space-between" wrap="nowrap">
              <FilterChips label={t('photos.tab.filterStages')} values={stages} onChange={setStages} options={photoStages.map((stage) => ({ value: stage, label: t(`photos.stages.${stage}`) }))} />
              <Text size="xs" c="dimmed" id="photo-grid-keys">
                {t('photos.gallery.keys')}
              </Text>
            </Group>
          </Stack>
          {filtered.length === 0 ? <Text c="dimmed">{t('photos.tab.noneMatch')}</Text> : <PhotoGrid photos={filtered} onOpen={setOpen} label={t('photos.gallery.label')} />}
        </>
      ) : (
        <Timeline photos={data.photos} sessions={data.sessions} courses={profile.courses} onOpen={setOpen} />
      )}
      {dialog === 'import' ? (
        <ImportDialog clientId={clientId} choices={data.choices} opened onClose={() => setDialog(null)} sessions={options} initialLabels={startLabels} onImported={() => void reload()} />
      ) : null}
      {dialog === 'capture' ? (
        <CaptureDialog
          clientId={clientId}
          choices={data.choices}
          opened
          onClose={() => setDialog(null)}
          photos={data.photos}
          sessions={options}
          initialLabels={startLabels}
          onStored={() => void reload()}
        />
      ) : null}
      {open ? (
        <PhotoDialog
          key={open.id}
          photo={open}
          onClose={() => setOpen(null)}
          sessions={options}
          onChanged={() => void reload()}
          onCompare={(photo) => go({ page: 'photoCompare', clientId, firstPhotoId: photo.id })}
        />
      ) : null}
    </Stack>
  );
}

/** Photos taken today most likely belong to today's session; on any other day none is assumed. */
function todaysSession(sessions: readonly TreatmentSessionView[]): string | null {
  const today = new Date().toDateString();
  return sessions.filter((session) => new Date(session.record.performedAt).toDateString() === today).at(-1)?.id ?? null;
}

function FilterChips({ label, values, onChange, options }: { label: string; values: string[]; onChange: (values: string[]) => void; options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="group" aria-label={label}>
      <Text size="sm" fw={500} w={60}>
        {label}
      </Text>
      <Chip size="xs" checked={values.length === 0} onChange={() => onChange([])} variant="light">
        {t('photos.tab.filterAll')}
      </Chip>
      <Chip.Group multiple value={values} onChange={onChange}>
        {options.map((option) => (
          <Chip key={option.value} value={option.value} size="xs" variant="light">
            {option.label}
          </Chip>
        ))}
      </Chip.Group>
    </Group>
  );
}
