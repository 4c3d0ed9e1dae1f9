import { useTranslation } from 'react-i18next';
import type { RestoreResult } from '../../shared/contract/backup-channels';
import { Dialog } from '../app/Dialog';
import { RestoreFlow, type RestoreFlowProps } from './RestoreFlow';

/**
 * The restore steps in a dialog. It closes only through its own buttons: a restore half-way
 * must not vanish behind a stray Esc while main is still checking the backup.
 */
export function RestoreDialog({ opened, mode, picked, onFinished }: { opened: boolean; onFinished: (result: RestoreResult | null) => void } & Pick<RestoreFlowProps, 'mode' | 'picked'>) {
  const { t } = useTranslation();
  return (
    <Dialog
      opened={opened}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      size="lg"
      title={mode === 'replaceStore' ? t('backups.restore.replaceTitle') : t('backups.restore.title')}
    >
      {opened ? <RestoreFlow mode={mode} picked={picked ?? null} onFinished={onFinished} /> : null}
    </Dialog>
  );
}
