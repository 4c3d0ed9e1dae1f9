import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../shared/errors';
import { errorText } from '../bridge/error-text';

/** A failed call, said plainly. Mantine's Alert has role="alert", so it is announced too. */
export function ErrorAlert({ error, title, children }: { error: BridgeError | null; title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={title}>
      {errorText(t, error)}
      {children}
    </Alert>
  );
}
