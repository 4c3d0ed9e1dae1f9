import { Alert, Button, Group, Loader, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowsLeftRight, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../../shared/errors';
import type { Photo, PhotoLabelsInput } from '../../../shared/photos/photo';
import { Dialog } from '../../app/Dialog';
import { notifySuccess } from '../../app/notify';
import { useSession } from '../../app/session-context';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { useDates } from '../../hooks/useDates';
import { LabelsFields, labelsComplete } from '../labels/LabelsFields';
import { photoAlt, photoCaption } from '../photo-text';
import { usePreview } from '../photo-url';

/** One photo large, its labels to correct, Compare from here, and (admins) delete with a reason. */
export function PhotoDialog({
  photo,
  onClose,
  sessions,
  onChanged,
  onCompare,
}: {
  photo: Photo;
  onClose: () => void;
  sessions: { value: string; label: string }[];
  onChanged: () => void;
  onCompare: (photo: Photo) => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const { staff } = useSession();
  const { preview, error: previewError } = usePreview(photo.id);
  const [labels, setLabels] = useState<PhotoLabelsInput>({ view: photo.view, area: photo.area, stage: photo.stage, sessionId: photo.sessionId, note: photo.note });
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const save = async () => {
    if (!labelsComplete(labels)) return;
    setSaving(true);
    try {
      await call('photos.update', { id: photo.id, labels });
      notifySuccess(t('photos.detail.savedTitle'), t('photos.detail.savedMessage'));
      onChanged();
      onClose();
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (reason.trim().length < 5) {
      setReasonError(t('validation.tooShort', { count: 5 }));
      return;
    }
    setSaving(true);
    try {
      await call('photos.delete', { id: photo.id, reason: reason.trim() });
      notifySuccess(t('photos.detail.deletedTitle'), t('photos.detail.deletedMessage'));
      onChanged();
      onClose();
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog opened onClose={onClose} title={photoCaption(t, dates, photo)} size={980}>
      <Group align="flex-start" wrap="nowrap" gap="lg">
        <div style={{ flex: '1 1 60%', height: 440, background: '#1f2420', borderRadius: 8, display: 'flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden' }}>
          {preview ? (
            <img src={preview.url} alt={photoAlt(t, dates, photo)} style={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain' }} />
          ) : previewError ? null : (
            <Loader color="white" aria-label={t('common.loading')} />
          )}
        </div>
        <Stack gap="sm" style={{ flex: '1 1 40%' }}>
          <ErrorAlert error={previewError ?? failure} />
          <Text size="sm">
            {t('photos.detail.taken', { date: dates.dateTime(photo.takenAt) })} ({t(`photos.detail.takenFrom.${photo.takenAtSource}`)})
          </Text>
          <Text size="sm" c="dimmed">
            {t('photos.detail.importedBy', { name: photo.importedByName })} · {t('photos.detail.size', { width: photo.width, height: photo.height })}
          </Text>
          {photo.consentOverride ? (
            <Alert color="orange" variant="light" title={t('photos.detail.withoutConsent')} p="xs">
              <Text size="sm">{t('photos.detail.withoutConsentBy', { name: photo.consentOverride.byName, reason: photo.consentOverride.reason })}</Text>
            </Alert>
          ) : null}
          {deleting ? (
            <Stack gap="sm">
              <Text fw={600}>{t('photos.detail.deleteTitle')}</Text>
              <Text size="sm">{t('photos.detail.deleteWarning')}</Text>
              <Textarea
                label={t('photos.detail.deleteReason')}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={reasonError}
                autosize
                minRows={2}
                maxLength={1000}
                data-autofocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setDeleting(false)}>
                  {t('common.cancel')}
                </Button>
                <Button color="red" onClick={() => void remove()} loading={saving}>
                  {t('photos.detail.deleteConfirm')}
                </Button>
              </Group>
            </Stack>
          ) : (
            <>
              <LabelsFields value={labels} onChange={setLabels} sessions={sessions} withNote showErrors />
              <Group justify="space-between" mt="sm">
                <Group gap="xs">
                  <Button variant="default" leftSection={<IconArrowsLeftRight size={16} aria-hidden />} onClick={() => onCompare(photo)}>
                    {t('photos.detail.compareWith')}
                  </Button>
                  {staff.role === 'admin' ? (
                    <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(true)}>
                      {t('photos.detail.delete')}
                    </Button>
                  ) : null}
                </Group>
                <Button onClick={() => void save()} loading={saving} disabled={!labelsComplete(labels)}>
                  {t('photos.detail.save')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Group>
    </Dialog>
  );
}
