import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicExportResultView } from '../../../shared/contract/client-import-channels';
import type { BridgeError } from '../../../shared/errors';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { SettingsSection } from '../SettingsSection';

const progressEveryMs = 300;

/** Settings → Export everything (admins): the whole clinic into a new folder, with progress and a way to stop. */
export function ExportEverythingSection() {
  const { t } = useTranslation();
  const [running, setRunning] = useState<{ jobId: string; done: number; total: number } | null>(null);
  const [saved, setSaved] = useState<Extract<ClinicExportResultView, { outcome: 'saved' }> | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);

  const run = async () => {
    setFailure(null);
    setSaved(null);
    const jobId = crypto.randomUUID();
    setRunning({ jobId, done: 0, total: 0 });
    const poll = window.setInterval(() => {
      call('clinic.export.progress', { jobId })
        .then((progress) => progress && setRunning({ jobId, ...progress }))
        .catch(() => undefined);
    }, progressEveryMs);
    try {
      const result = await call('clinic.export', { jobId });
      if (result.outcome === 'saved') {
        setSaved(result);
        notifySuccess(t('clinicExport.savedTitle'), t('clinicExport.saved', result));
      }
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      window.clearInterval(poll);
      setRunning(null);
    }
  };

  return (
    <SettingsSection title={t('clinicExport.title')} description={t('clinicExport.help')}>
      <Group>
        <Button leftSection={<IconDatabaseExport size={18} aria-hidden />} variant="default" loading={running !== null} onClick={() => void run()}>
          {t('clinicExport.run')}
        </Button>
      </Group>
      {running && running.total > 0 ? (
        <Stack gap={6}>
          <Text size="sm">{t('clinicExport.working', running)}</Text>
          <Progress value={(100 * running.done) / running.total} aria-label={t('clinicExport.working', running)} />
          <Group>
            <Button variant="default" size="xs" onClick={() => void call('clinic.export.cancel', { jobId: running.jobId })}>
              {t('clinicExport.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {saved ? <Alert color="teal">{t('clinicExport.saved', saved)}</Alert> : null}
      <ErrorAlert error={failure} />
    </SettingsSection>
  );
}
