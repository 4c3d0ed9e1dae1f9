import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotographyChoices } from '../../../shared/consents/photography';
import type { PhotoLabelsInput } from '../../../shared/photos/photo';
import { Dialog } from '../../app/Dialog';
import { useSession } from '../../app/session-context';
import { PhotoConsentGate, photoGate } from '../consent-gate/PhotoConsentGate';
import { LabelsFields, labelsComplete } from '../labels/LabelsFields';
import { ImportDropzone } from './ImportDropzone';
import { ImportResults } from './ImportResults';
import { useImportQueue } from './useImportQueue';

/**
 * Labels for the batch, the drop area, then progress and one result line per file. Without a
 * photography consent covering the clinical record the drop area gives way to the reason and
 * "Sign photography consent now" (admins may give a reason to add them anyway).
 */
export function ImportDialog({
  clientId,
  choices,
  opened,
  onClose,
  sessions,
  initialLabels,
  onImported,
}: {
  clientId: string;
  choices: PhotographyChoices | null;
  opened: boolean;
  onClose: () => void;
  sessions: { value: string; label: string }[];
  initialLabels: PhotoLabelsInput;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const [labels, setLabels] = useState<PhotoLabelsInput>(initialLabels);
  const [showErrors, setShowErrors] = useState(false);
  const queue = useImportQueue(clientId);
  const { staff } = useSession();
  const [reason, setReason] = useState('');
  const gate = photoGate(choices, reason, staff.role === 'admin');

  const start = async (files: File[]) => {
    if (!labelsComplete(labels)) {
      setShowErrors(true);
      return;
    }
    if (gate === 'blocked') return;
    const rows = await queue.run(files, labels, gate);
    if (rows.some((row) => row.status === 'imported')) onImported();
  };

  const close = () => {
    if (queue.running) return;
    queue.clear();
    onClose();
  };

  return (
    <Dialog opened={opened} onClose={close} title={t('photos.import.title')} size={760} closeOnClickOutside={!queue.running} closeOnEscape={!queue.running}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('photos.import.intro')}
        </Text>
        <LabelsFields value={labels} onChange={setLabels} sessions={sessions} showErrors={showErrors} inline />
        <PhotoConsentGate clientId={clientId} choices={choices} reason={reason} onReasonChange={setReason} />
        {gate === 'blocked' ? null : <ImportDropzone onFiles={(files) => void start(files)} disabled={queue.running} compact={queue.rows.length > 0} />}
        <ImportResults rows={queue.rows} />
        <Group justify="flex-end">
          <Button onClick={close} disabled={queue.running}>
            {t('photos.import.close')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
