import { Badge, Button, Group, Loader, Paper, SegmentedControl, Select, Stack, Switch, Text } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconTarget, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../../shared/contract/client-channels';
import type { PhotoList } from '../../../shared/contract/photo-channels';
import type { BridgeError } from '../../../shared/errors';
import type { Photo } from '../../../shared/photos/photo';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { clientName } from '../../clients/client-text';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { useDates } from '../../hooks/useDates';
import { useNavigation } from '../../shell/navigation';
import { PageLoading } from '../../shell/PageLoading';
import { PageTitle } from '../../shell/PageTitle';
import { ExportDialog } from '../export/ExportDialog';
import { photoAlt, photoCaption } from '../photo-text';
import { usePreview } from '../photo-url';
import { AlignmentPicker } from './AlignmentPicker';
import type { ComparedPhoto } from './compared-photo';
import { defaultPair } from './default-pair';
import { OverlayCompare } from './OverlayCompare';
import { SideBySideCompare } from './SideBySideCompare';
import { SliderCompare } from './SliderCompare';
import { useAlignment } from './useAlignment';
import { useBrightnessMatch } from './useBrightnessMatch';

const modes = ['side-by-side', 'slider', 'overlay'] as const;
type Mode = (typeof modes)[number];

/**
 * Two of a client's photos compared: side by side with one zoom and pan, a slider, or an overlay;
 * lined up by two points per photo (saved with the pair), brightness matched on request, and
 * exported for a use the client's consent allows.
 */
export default function PhotoComparePage({ clientId, firstPhotoId, secondPhotoId }: { clientId: string; firstPhotoId: string | null; secondPhotoId: string | null }) {
  const { t } = useTranslation();
  const dates = useDates();
  const { go } = useNavigation();
  const [profile, setProfile] = useState<ClientProfile | null>(null);
  const [list, setList] = useState<PhotoList | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [pair, setPair] = useState<{ firstId: string; secondId: string } | null>(null);
  const [mode, setMode] = useState<Mode>('side-by-side');
  const [matchBrightness, setMatchBrightness] = useState(false);
  const [aligning, setAligning] = useState(false);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    Promise.all([call('clients.profile', { id: clientId }), call('photos.list', { clientId })])
      .then(([client, photos]) => {
        setProfile(client);
        setList(photos);
        setPair(defaultPair(photos.photos, firstPhotoId, secondPhotoId));
      })
      .catch((error: unknown) => setFailure(asBridgeError(error)));
  }, [clientId, firstPhotoId, secondPhotoId]);

  const byId = useMemo(() => new Map((list?.photos ?? []).map((photo) => [photo.id, photo])), [list]);
  const firstPhoto = pair ? (byId.get(pair.firstId) ?? null) : null;
  const secondPhoto = pair ? (byId.get(pair.secondId) ?? null) : null;
  const first = usePreview(firstPhoto?.id ?? null);
  const second = usePreview(secondPhoto?.id ?? null);
  const alignment = useAlignment(firstPhoto?.id ?? null, secondPhoto?.id ?? null);
  const brightness = useBrightnessMatch(first.preview?.url ?? null, second.preview?.url ?? null, matchBrightness);

  if (!profile || !list) return failure ? <ErrorAlert error={failure} /> : <PageLoading />;
  const name = clientName(profile.client);
  const back = () => go({ page: 'client', clientId, profileTab: 'photos' });
  const shown = (photo: Photo, url: string): ComparedPhoto => ({ url, alt: photoAlt(t, dates, photo), caption: photoCaption(t, dates, photo) });
  const options = list.photos.map((photo) => ({ value: photo.id, label: photoCaption(t, dates, photo) }));
  const firstShown = firstPhoto && first.preview ? shown(firstPhoto, first.preview.url) : null;
  const secondShown = secondPhoto && second.preview ? shown(secondPhoto, second.preview.url) : null;
  const adjust = { points: alignment.points, firstNatural: first.preview ? { width: first.preview.width, height: first.preview.height } : null, brightness };
  const stageLabel = t('photos.compare.stageLabel', { mode: t(`photos.compare.modes.${mode}`) });

  return (
    <Stack gap="md">
      <div>
        <Button variant="subtle" size="compact-md" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={back} mb="xs">
          {t('photos.compare.back', { name })}
        </Button>
        <PageTitle title={t('photos.compare.title', { name })} />
      </div>
      <ErrorAlert error={failure ?? first.error ?? second.error ?? alignment.error} />
      {!pair ? (
        <Paper withBorder p="xl" bg="white">
          <Text>{t('photos.compare.needTwo')}</Text>
        </Paper>
      ) : (
        <>
          <Group grow align="flex-start">
            <Select label={t('photos.compare.first')} data={options} value={pair.firstId} allowDeselect={false} searchable onChange={(id) => id && setPair({ ...pair, firstId: id })} />
            <Select
              label={t('photos.compare.second')}
              data={options}
              value={pair.secondId}
              allowDeselect={false}
              searchable
              onChange={(id) => id && setPair({ ...pair, secondId: id })}
              error={pair.firstId === pair.secondId ? t('photos.compare.samePhoto') : undefined}
            />
          </Group>
          {firstPhoto && secondPhoto && firstPhoto.view !== secondPhoto.view ? (
            <Text size="sm" c="orange.9">
              {t('photos.compare.sameView')}
            </Text>
          ) : null}
          {aligning && firstShown && secondShown ? (
            <AlignmentPicker
              first={firstShown}
              second={secondShown}
              initial={alignment.points}
              saving={alignment.saving}
              onCancel={() => setAligning(false)}
              onDone={(points) =>
                void alignment.save(points).then((saved) => {
                  if (!saved) return;
                  setAligning(false);
                  notifySuccess(t('photos.align.savedTitle'), t('photos.align.savedMessage'));
                })
              }
            />
          ) : (
            <>
              {/* Two rows when the line-up controls need the room, rather than pushing Export off the screen. */}
              <Group justify="space-between" align="center" wrap="wrap" gap="sm">
                <Group gap="md" wrap="nowrap">
                  <SegmentedControl
                    value={mode}
                    onChange={(value) => setMode(value as Mode)}
                    data={modes.map((value) => ({ value, label: t(`photos.compare.modes.${value}`) }))}
                    aria-label={t('photos.compare.mode')}
                  />
                  <Switch checked={matchBrightness} onChange={(event) => setMatchBrightness(event.currentTarget.checked)} label={t('photos.compare.matchBrightness')} />
                </Group>
                <Group gap="xs" wrap="nowrap">
                  <Badge variant="light" color={alignment.points ? 'sage' : 'gray'} size="lg" style={{ textTransform: 'none' }}>
                    {alignment.points ? t('photos.compare.aligned') : t('photos.compare.notAligned')}
                  </Badge>
                  <Button
                    variant="default"
                    leftSection={<IconTarget size={16} aria-hidden />}
                    onClick={() => setAligning(true)}
                    disabled={!firstShown || !secondShown || pair.firstId === pair.secondId}
                  >
                    {t('photos.compare.align')}
                  </Button>
                  {alignment.points ? (
                    // Words on the button, so what is seen is what a screen reader or voice control names.
                    <Button variant="subtle" leftSection={<IconX size={16} aria-hidden />} onClick={() => void alignment.clear()}>
                      {t('photos.compare.clearAlignment')}
                    </Button>
                  ) : null}
                  <Button leftSection={<IconDownload size={16} aria-hidden />} onClick={() => setExporting(true)} disabled={!firstShown || !secondShown || pair.firstId === pair.secondId}>
                    {t('photos.compare.export')}
                  </Button>
                </Group>
              </Group>
              {firstShown && secondShown ? (
                mode === 'side-by-side' ? (
                  <SideBySideCompare first={firstShown} second={secondShown} adjust={adjust} label={stageLabel} />
                ) : mode === 'slider' ? (
                  <SliderCompare first={firstShown} second={secondShown} adjust={adjust} label={stageLabel} />
                ) : (
                  <OverlayCompare first={firstShown} second={secondShown} adjust={adjust} label={stageLabel} />
                )
              ) : (
                <Group justify="center" p="xl">
                  <Loader aria-label={t('common.loading')} />
                </Group>
              )}
              <Text size="xs" c="dimmed">
                {t('photos.compare.keys')}
              </Text>
            </>
          )}
          {exporting && firstShown && secondShown ? (
            <ExportDialog
              opened
              onClose={() => setExporting(false)}
              firstId={pair.firstId}
              secondId={pair.secondId}
              first={firstShown}
              second={secondShown}
              choices={list.choicesInForce}
              aligned={alignment.points !== null}
              matchBrightness={matchBrightness}
            />
          ) : null}
        </>
      )}
    </Stack>
  );
}
