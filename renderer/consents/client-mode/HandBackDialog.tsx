import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { useSession } from '../../app/session-context';
import { asBridgeError } from '../../bridge/bridge-failure';
import { errorText } from '../../bridge/error-text';
import { PasswordField } from '../../forms/PasswordField';
import { RetryNotice } from '../../unlock/RetryNotice';
import { useRetryCountdown } from '../../unlock/useRetryCountdown';
import { unlockForStaff } from './staff-hand-back';

/**
 * The staff password that ends client mode. The signed-in member of staff types theirs; the
 * main side checks it (and throttles guesses: the dialog counts the wait down and keeps the
 * button off until then, so the right password typed after a wrong one works first time).
 * Cancel or Escape only closes this dialog: the client stays in the form.
 */
export function HandBackDialog({ opened, title, onClose, onUnlocked }: { opened: boolean; title: string; onClose: () => void; onUnlocked: () => void }) {
  const { t } = useTranslation();
  const { staff } = useSession();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const countdown = useRetryCountdown();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setError(t('consents.handBack.enterPassword'));
      return;
    }
    setBusy(true);
    try {
      await unlockForStaff(password);
      setPassword('');
      setError(null);
      onUnlocked();
    } catch (failure) {
      const bridgeError = asBridgeError(failure);
      setError(errorText(t, bridgeError));
      countdown.start(bridgeError.retryAfterSeconds);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setPassword('');
    setError(null);
    onClose();
  };

  return (
    <Dialog opened={opened} onClose={close} title={title} size="md" zIndex={400} centered>
      <form onSubmit={(event) => void submit(event)} aria-label={title} noValidate>
        <Stack gap="md">
          <Text>{t('consents.handBack.explain', { name: staff.name })}</Text>
          <PasswordField
            label={t('consents.handBack.password', { name: staff.name })}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={error ?? undefined}
            autoComplete="current-password"
            data-autofocus
            size="md"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('consents.handBack.stay')}
            </Button>
            <Button type="submit" loading={busy} disabled={countdown.secondsLeft > 0}>
              {t('consents.handBack.confirm')}
            </Button>
          </Group>
          <RetryNotice secondsLeft={countdown.secondsLeft} />
        </Stack>
      </form>
    </Dialog>
  );
}
