import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../shared/errors';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { useRetryCountdown } from './useRetryCountdown';

const storeDamage: ReadonlySet<string> = new Set(['DATABASE_UNREADABLE', 'DATABASE_DAMAGED', 'DATABASE_MISSING', 'KEY_FILE_MISSING', 'KEY_FILE_DAMAGED', 'KEY_FILE_ALTERED']);

export interface SignInValues {
  name: string;
  password: string;
}

/**
 * Name + password → session.login. Used by the sign-in screen and by "Switch user" on the lock
 * screen, which is the same one step. A wrong password clears the field and starts the
 * countdown the main side asks for. Only "fill both in" is checked here: the main side parses
 * LoginInput anyway, and leaving zod and the contract out keeps the first screen small.
 */
/** `onSignedIn` re-reads the app's status: after a sign-in, or when the store turned out to be damaged. */
export function useSignInForm(onSignedIn: () => void, initialName = '') {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const countdown = useRetryCountdown();
  const form = useForm<SignInValues>({ defaultValues: { name: initialName, password: '' } });
  const required = { validate: (value: string) => value.trim() !== '' || t('validation.required') };

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await call('session.login', { name: values.name, password: values.password });
      onSignedIn();
    } catch (error) {
      const bridgeError = asBridgeError(error);
      // Damage found only now (the database does not open): the app re-reads its status and
      // shows the store-error screen, with its restore, in place of a sign-in that cannot work.
      if (storeDamage.has(bridgeError.code)) {
        onSignedIn();
        return;
      }
      setFailure(bridgeError);
      countdown.start(bridgeError.retryAfterSeconds);
      form.resetField('password');
      form.setFocus('password');
    }
  });

  return {
    form,
    fields: { name: form.register('name', required), password: form.register('password', required) },
    submit,
    failure,
    secondsLeft: countdown.secondsLeft,
  };
}
