import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { BridgeError } from '../../shared/errors';
import { LoginInput } from '../../shared/contract/channels';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { useTranslatedResolver } from '../forms/translated-resolver';
import { useRetryCountdown } from './useRetryCountdown';

export interface SignInValues {
  name: string;
  password: string;
}

/**
 * Name + password → session.login. Used by the sign-in screen and by "Switch user" on the lock
 * screen, which is the same one step. A wrong password clears the field and starts the
 * countdown the main side asks for.
 */
export function useSignInForm(onSignedIn: () => void, initialName = '') {
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const countdown = useRetryCountdown();
  const form = useForm<SignInValues>({
    resolver: useTranslatedResolver(LoginInput),
    defaultValues: { name: initialName, password: '' },
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await call('session.login', { name: values.name, password: values.password });
      onSignedIn();
    } catch (error) {
      const bridgeError = asBridgeError(error);
      setFailure(bridgeError);
      countdown.start(bridgeError.retryAfterSeconds);
      form.resetField('password');
      form.setFocus('password');
    }
  });

  return { form, submit, failure, secondsLeft: countdown.secondsLeft };
}
