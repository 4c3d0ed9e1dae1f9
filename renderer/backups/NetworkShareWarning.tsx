import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { NetworkShareKind } from '../../shared/contract/channels';

/** The live records on a network drive: said at set-up and on Home, with what to do instead. */
export function NetworkShareWarning({ kind }: { kind: NetworkShareKind | null }) {
  const { t } = useTranslation();
  if (!kind) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('backups.networkShare.title')} data-testid="network-share-warning">
      {t('backups.networkShare.body', { kind: t(`backups.networkShare.kinds.${kind}`) })}
    </Alert>
  );
}
