import { Alert, Button, Group, Radio, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoUse, type PhotographyChoices } from '../../../shared/consents/photography';
import type { BlurBox } from '../../../shared/photos/comparison-export';
import { exportConsent, hidesFace } from '../../../shared/photos/photo-consent';
import type { BridgeError } from '../../../shared/errors';
import { Dialog } from '../../app/Dialog';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import type { ComparedPhoto } from '../compare/compared-photo';
import { BlurBoxEditor } from './BlurBoxEditor';
import { consentSummary } from './consent-summary';

type Format = 'jpeg' | 'pdf';

/**
 * Export a comparison for a use. Uses the client's photography consent in force does not allow
 * are greyed out here (the main side checks again and refuses, in its own words). For teaching
 * (anonymised) and "face hidden", boxes are drawn over the face on each photo and blurred.
 */
export function ExportDialog({
  opened,
  onClose,
  firstId,
  secondId,
  first,
  second,
  choices,
  aligned,
  matchBrightness,
}: {
  opened: boolean;
  onClose: () => void;
  firstId: string;
  secondId: string;
  first: ComparedPhoto;
  second: ComparedPhoto;
  choices: PhotographyChoices | null;
  aligned: boolean;
  matchBrightness: boolean;
}) {
  const { t } = useTranslation();
  const allowed = (option: PhotoUse) => exportConsent(choices, option).allowed;
  const [use, setUse] = useState<PhotoUse>(() => PhotoUse.options.find(allowed) ?? 'clinical');
  const anyAllowed = PhotoUse.options.some(allowed);
  const [watermark, setWatermark] = useState('');
  const [format, setFormat] = useState<Format>('jpeg');
  const [boxes, setBoxes] = useState<BlurBox[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);
  const faceHidden = hidesFace(use);

  const submit = async () => {
    setBusy(true);
    setRefusal(null);
    setFailure(null);
    try {
      const result = await call('photos.exportComparison', {
        firstId,
        secondId,
        use,
        watermark: watermark.trim() === '' ? null : watermark.trim(),
        blurBoxes: faceHidden ? boxes : [],
        applyAlignment: aligned,
        matchBrightness,
        format,
      });
      if (result.outcome === 'saved') {
        notifySuccess(t('photos.export.savedTitle'), t('photos.export.savedMessage', { fileName: result.fileName }));
        onClose();
      } else if (result.outcome === 'refused') {
        setRefusal(result.message);
      }
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog opened={opened} onClose={onClose} title={t('photos.export.title')} size={900}>
      <Stack gap="md">
        <SimpleGrid cols={2} spacing="xl">
          <Stack gap="sm">
            <Radio.Group
              label={t('photos.export.use')}
              value={use}
              onChange={(value) => {
                setUse(value as PhotoUse);
                setRefusal(null);
              }}
              description={t('photos.export.consentNote')}
            >
              <Stack gap={6} mt="xs">
                {PhotoUse.options.map((option) => (
                  <Radio key={option} value={option} label={t(`photos.export.uses.${option}`)} disabled={!allowed(option)} description={allowed(option) ? undefined : t('photos.export.notAllowed')} />
                ))}
              </Stack>
            </Radio.Group>
            <Text size="sm" c="dimmed">
              {choices ? t('photos.export.consentNow', { choices: consentSummary(t, choices) }) : t('photos.export.consentNone')}
            </Text>
          </Stack>
          <Stack gap="sm">
            <TextInput
              label={t('photos.export.watermark')}
              description={t('photos.export.watermarkHint')}
              value={watermark}
              onChange={(event) => setWatermark(event.currentTarget.value)}
              maxLength={80}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="export-format-label">
                {t('photos.export.format')}
              </Text>
              <SegmentedControl
                value={format}
                onChange={(value) => setFormat(value as Format)}
                data={(['jpeg', 'pdf'] as const).map((value) => ({ value, label: t(`photos.export.formats.${value}`) }))}
                aria-labelledby="export-format-label"
              />
            </Stack>
          </Stack>
        </SimpleGrid>
        {faceHidden ? (
          <Stack gap="xs">
            <Text fw={500} size="sm">
              {use === 'teaching' ? t('photos.export.faceHiddenFor.teaching') : t('photos.export.blur')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('photos.export.blurHowTo')}
            </Text>
            <SimpleGrid cols={2}>
              <BlurBoxEditor
                photo="first"
                url={first.url}
                label={t('photos.export.blurFirst')}
                boxes={boxes.filter((box) => box.photo === 'first')}
                onAdd={(box) => setBoxes((old) => [...old, box])}
              />
              <BlurBoxEditor
                photo="second"
                url={second.url}
                label={t('photos.export.blurSecond')}
                boxes={boxes.filter((box) => box.photo === 'second')}
                onAdd={(box) => setBoxes((old) => [...old, box])}
              />
            </SimpleGrid>
            <Group justify="space-between">
              <Text size="sm">{t('photos.export.blurCount', { count: boxes.length })}</Text>
              <Button variant="subtle" size="compact-sm" onClick={() => setBoxes([])} disabled={boxes.length === 0}>
                {t('photos.export.clearBoxes')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {refusal ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('photos.export.refusedTitle')}>
            {refusal}
          </Alert>
        ) : null}
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void submit()} loading={busy} disabled={!anyAllowed}>
            {t('photos.export.save')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
