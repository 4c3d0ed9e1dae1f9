import { Button, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RekeyProgress, RekeyResult } from '../../../shared/contract/rekey-channels';
import type { BridgeError } from '../../../shared/errors';
import { Dialog } from '../../app/Dialog';
import { usePolling } from '../../backups/usePolling';
import { percentDone } from '../../backups/when';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { errorText } from '../../bridge/error-text';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { PasswordField } from '../../forms/PasswordField';
import { RekeyDone } from './RekeyDone';

/**
 * Confirm (what happens, in plain words, and the admin's password), then progress while the main
 * side works, then what must be kept and handed over. It cannot be closed while the key changes,
 * nor after, until the admin says the new key is recorded.
 */
export function RekeyDialog({ opened, onClose, onBackupNow }: { opened: boolean; onClose: () => void; onBackupNow: () => void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<RekeyResult | null>(null);
  const [running, setRunning] = useState(false);
  const closable = !running && result === null;
  const reset = () => {
    setResult(null);
    onClose();
  };
  return (
    <Dialog
      opened={opened}
      onClose={closable ? reset : () => undefined}
      withCloseButton={closable}
      closeOnClickOutside={false}
      closeOnEscape={closable}
      size="xl"
      title={result ? t('rekey.doneTitle') : t('rekey.dialogTitle')}
    >
      {result ? (
        <RekeyDone
          result={result}
          onFinish={reset}
          onBackupNow={() => {
            setResult(null);
            onBackupNow();
          }}
        />
      ) : (
        <RekeyConfirm running={running} setRunning={setRunning} onCancel={reset} onDone={setResult} />
      )}
    </Dialog>
  );
}

function RekeyConfirm({ running, setRunning, onCancel, onDone }: { running: boolean; setRunning: (running: boolean) => void; onCancel: () => void; onDone: (result: RekeyResult) => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [progress, setProgress] = useState<RekeyProgress | null>(null);
  const ask = useCallback(async () => setProgress(await call('rekey.progress', {})), []);
  usePolling(running, ask);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setPasswordError(null);
    if (!password) {
      setPasswordError(t('validation.required'));
      return;
    }
    setRunning(true);
    try {
      const result = await call('rekey.run', { password });
      setPassword('');
      onDone(result);
    } catch (error) {
      const bridgeError = asBridgeError(error);
      if (bridgeError.code === 'WRONG_PASSWORD') setPasswordError(errorText(t, bridgeError));
      else setFailure(bridgeError);
    } finally {
      setRunning(false);
      setProgress(null);
    }
  };

  const label = progress
    ? progress.phase === 'photos'
      ? t('rekey.progress.photos', { done: progress.done, total: progress.total })
      : t(`rekey.progress.${progress.phase}`)
    : t('rekey.progress.starting');

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="lg">
        <Title order={3} size="h5">
          {t('rekey.whatHappens')}
        </Title>
        <List spacing={8} size="sm">
          <List.Item>{t('rekey.stepKey')}</List.Item>
          <List.Item>{t('rekey.stepSlots')}</List.Item>
          <List.Item>{t('rekey.stepRecovery')}</List.Item>
          <List.Item>{t('rekey.stepBackups')}</List.Item>
        </List>
        <PasswordField
          label={t('rekey.passwordLabel')}
          description={t('rekey.passwordHint')}
          autoComplete="current-password"
          withAsterisk
          autoFocus
          disabled={running}
          value={password}
          error={passwordError}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        {running ? (
          <Stack gap={6} data-testid="rekey-progress">
            <Text size="sm" aria-live="polite">
              {label}
            </Text>
            <Progress value={progress ? percentDone(progress.done, progress.total) : 0} animated={!progress || progress.phase !== 'photos'} size="lg" aria-label={label} />
          </Stack>
        ) : null}
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={running}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={running}>
            {t('rekey.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
