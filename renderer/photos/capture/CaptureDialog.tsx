import { Alert, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotographyChoices } from '../../../shared/consents/photography';
import type { Photo, PhotoLabelsInput } from '../../../shared/photos/photo';
import { Dialog } from '../../app/Dialog';
import { useSession } from '../../app/session-context';
import { PhotoConsentGate, photoGate } from '../consent-gate/PhotoConsentGate';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { errorText } from '../../bridge/error-text';
import { useDates } from '../../hooks/useDates';
import { LabelsFields, labelsComplete } from '../labels/LabelsFields';
import { photoCaption } from '../photo-text';
import { usePreview } from '../photo-url';
import { CameraCapture } from './CameraCapture';

/** The earlier photo to ghost over the live picture: the latest of the same view (and area). */
export function ghostFor(photos: readonly Photo[], labels: PhotoLabelsInput): Photo | null {
  const same = photos.filter((photo) => photo.view === labels.view && (labels.view !== 'close-up' || photo.area === labels.area));
  return same.at(-1) ?? null;
}

/**
 * Camera capture: choose what the photo is (view, stage, session), line the client up with the
 * ghost of their earlier photo of that view, take it. Stored straight away, encrypted; the dialog
 * stays open for the next view.
 */
export function CaptureDialog({
  clientId,
  choices,
  opened,
  onClose,
  photos,
  sessions,
  initialLabels,
  onStored,
}: {
  clientId: string;
  choices: PhotographyChoices | null;
  opened: boolean;
  onClose: () => void;
  photos: readonly Photo[];
  sessions: { value: string; label: string }[];
  initialLabels: PhotoLabelsInput;
  onStored: () => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const [labels, setLabels] = useState<PhotoLabelsInput>(initialLabels);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { staff } = useSession();
  const [reason, setReason] = useState('');
  const gate = photoGate(choices, reason, staff.role === 'admin');
  const ghostPhoto = ghostFor(photos, labels);
  const { preview } = usePreview(opened ? (ghostPhoto?.id ?? null) : null);

  const store = async (bytes: Uint8Array<ArrayBuffer>) => {
    if (!labelsComplete(labels) || gate === 'blocked') return;
    setBusy(true);
    setProblem(null);
    const takenAt = new Date().toISOString();
    try {
      const [result] = await call('photos.import', { clientId, labels, ...gate, files: [{ fileName: `camera-${takenAt.slice(0, 19).replace(/:/g, '-')}.jpg`, bytes, takenAt, source: 'camera' }] });
      if (result?.outcome === 'imported') {
        notifySuccess(t('photos.capture.storedTitle'), t('photos.capture.storedMessage'));
        onStored();
      } else if (result) setProblem(result.message);
    } catch (error) {
      setProblem(errorText(t, asBridgeError(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog opened={opened} onClose={onClose} title={t('photos.capture.title')} size={900}>
      <Stack gap="md">
        <LabelsFields value={labels} onChange={setLabels} sessions={sessions} showErrors inline />
        <PhotoConsentGate clientId={clientId} choices={choices} reason={reason} onReasonChange={setReason} />
        {opened && gate !== 'blocked' ? (
          <CameraCapture
            ghost={preview && ghostPhoto ? { url: preview.url, caption: photoCaption(t, dates, ghostPhoto) } : null}
            onCapture={(bytes) => void store(bytes)}
            busy={busy}
            actions={
              <Button variant="default" onClick={onClose}>
                {t('photos.capture.close')}
              </Button>
            }
          />
        ) : null}
        {problem ? (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        ) : null}
      </Stack>
    </Dialog>
  );
}
