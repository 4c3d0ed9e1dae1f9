import { Alert, Button, Group, PasswordInput, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconFileSearch, IconInfoCircle } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupProgress, ChosenBackup, RestoreKey, RestoreResult } from '../../shared/contract/backup-channels';
import type { BridgeError } from '../../shared/errors';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { ErrorAlert } from '../errors/ErrorAlert';
import { BackupProgressBar } from './BackupProgressBar';
import { usePolling } from './usePolling';
import { formatMoment } from './when';

type Picked = Extract<ChosenBackup, { chosen: true }>;

export interface RestoreFlowProps {
  /** Before sign-in (set-up or store-error screen), or an admin replacing the open store from Settings. */
  mode: 'withoutSignIn' | 'replaceStore';
  /** A backup already picked from the folder's list; otherwise the clinic chooses a file first. */
  picked?: Picked | null;
  /** The clinic is done: the store was restored (result) or they gave up (null). */
  onFinished: (result: RestoreResult | null) => void;
}

/**
 * Restoring a backup, one step at a time: the file (through the desktop's own dialog, so the
 * window never sees a path), what opens it (the recovery key or a staff password from then), a
 * progress bar while every part is checked, and then what came back and where the replaced
 * records were kept.
 */
export function RestoreFlow({ mode, picked: pickedAtStart = null, onFinished }: RestoreFlowProps) {
  const { t, i18n } = useTranslation();
  const [picked, setPicked] = useState<Picked | null>(pickedAtStart);
  const [choosing, setChoosing] = useState(false);
  const [kind, setKind] = useState<RestoreKey['kind']>('recovery');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [result, setResult] = useState<RestoreResult | null>(null);

  const ask = useCallback(async () => setProgress(await call('backup.restore.progress', {})), []);
  usePolling(restoring, ask);

  const choose = async () => {
    setFailure(null);
    setChoosing(true);
    try {
      const chosen = await call('backup.restore.chooseFile', {});
      if (chosen.chosen) setPicked(chosen);
    } catch (error) {
      setPicked(null);
      setFailure(asBridgeError(error));
    } finally {
      setChoosing(false);
    }
  };

  const restore = async () => {
    setFailure(null);
    const key: RestoreKey | null =
      kind === 'recovery' ? (recoveryKey.trim() ? { kind, recoveryKey: recoveryKey.trim() } : null) : name.trim() && password ? { kind, name: name.trim(), password } : null;
    if (!key) {
      setMissing(t('validation.required'));
      return;
    }
    setMissing(null);
    setRestoring(true);
    try {
      setResult(await call(mode === 'withoutSignIn' ? 'backup.restore.withoutSignIn' : 'backup.restore.replaceStore', { key }));
      setPassword('');
      setRecoveryKey('');
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setRestoring(false);
      setProgress(null);
    }
  };

  if (result) {
    return (
      <Stack gap="md" data-testid="restore-result">
        <Group gap="xs" wrap="nowrap">
          <IconCircleCheck size={28} color="var(--mantine-color-sage-7)" aria-hidden />
          <Title order={2} size="h3">
            {t('backups.restore.doneTitle')}
          </Title>
        </Group>
        <Text>{t('backups.restore.doneMade', { date: formatMoment(result.backupCreatedAt, i18n.language) })}</Text>
        <Text data-testid="restore-counts">{t('backups.restore.counts', result.counts)}</Text>
        <Alert color="sage" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {result.replacedFolderName ? t('backups.restore.keptAside', { folder: result.replacedFolderName }) : t('backups.restore.nothingReplaced')}
        </Alert>
        <Text>{t('backups.restore.signInNext')}</Text>
        <Button onClick={() => onFinished(result)} w="fit-content" autoFocus>
          {t('backups.restore.continue')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {mode === 'replaceStore' ? (
        <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('backups.restore.replaceWarning')}
        </Alert>
      ) : null}
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('backups.restore.chooseStep')}
        </Title>
        {picked ? (
          <Text data-testid="restore-chosen">
            <strong>{picked.file}</strong> · {t('backups.restore.chosen', { date: formatMoment(picked.createdAt, i18n.language), version: picked.appVersion })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('backups.restore.chooseHelp')}
          </Text>
        )}
        {picked?.sameStore === false ? (
          <Text size="sm" c="orange.9">
            {t('backups.restore.otherStore')}
          </Text>
        ) : null}
        <Button variant={picked ? 'default' : 'filled'} leftSection={<IconFileSearch size={18} aria-hidden />} onClick={() => void choose()} loading={choosing} disabled={restoring} w="fit-content">
          {picked ? t('backups.restore.chooseAnother') : t('backups.restore.chooseFile')}
        </Button>
      </Stack>
      {picked ? (
        <form
          noValidate
          aria-label={t('backups.restore.keyStep')}
          onSubmit={(event) => {
            event.preventDefault();
            // The dialog is portalled out of the page, but React still bubbles its submit to a
            // form around the button that opened it (the set-up form).
            event.stopPropagation();
            void restore();
          }}
        >
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('backups.restore.keyStep')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('backups.restore.keyHelp')}
            </Text>
            <SegmentedControl
              value={kind}
              onChange={(value) => setKind(value as RestoreKey['kind'])}
              data={[
                { value: 'recovery', label: t('backups.restore.useRecovery') },
                { value: 'password', label: t('backups.restore.usePassword') },
              ]}
              disabled={restoring}
              w="fit-content"
            />
            {kind === 'recovery' ? (
              <Textarea
                label={t('backups.restore.recoveryKey')}
                description={t('backups.restore.recoveryKeyHint')}
                value={recoveryKey}
                onChange={(event) => setRecoveryKey(event.currentTarget.value)}
                error={missing}
                autoComplete="off"
                spellCheck={false}
                autosize
                minRows={2}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.04em' } }}
                disabled={restoring}
                autoFocus
              />
            ) : (
              <>
                <TextInput
                  label={t('backups.restore.staffName')}
                  value={name}
                  onChange={(event) => setName(event.currentTarget.value)}
                  error={missing && !name.trim() ? missing : null}
                  autoComplete="off"
                  disabled={restoring}
                  autoFocus
                />
                <PasswordInput
                  label={t('backups.restore.password')}
                  value={password}
                  onChange={(event) => setPassword(event.currentTarget.value)}
                  error={missing && !password ? missing : null}
                  autoComplete="off"
                  disabled={restoring}
                  visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
                />
              </>
            )}
            {restoring ? (
              <>
                <Text size="sm">{t('backups.restore.working')}</Text>
                <BackupProgressBar progress={progress} />
              </>
            ) : null}
            {/* The app-wide text for this code speaks of "these records"; here it is a backup. */}
            {failure?.code === 'WRONG_RECOVERY_KEY' ? (
              <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
                {t('backups.restore.wrongRecoveryKey')}
              </Alert>
            ) : (
              <ErrorAlert error={failure} />
            )}
            <Group gap="sm">
              <Button type="submit" loading={restoring} color={mode === 'replaceStore' ? 'red' : undefined}>
                {mode === 'replaceStore' ? t('backups.restore.submitReplace') : t('backups.restore.submit')}
              </Button>
              <Button variant="default" onClick={() => onFinished(null)} disabled={restoring}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <>
          <ErrorAlert error={failure} />
          <Button variant="default" onClick={() => onFinished(null)} w="fit-content">
            {t('common.cancel')}
          </Button>
        </>
      )}
    </Stack>
  );
}
