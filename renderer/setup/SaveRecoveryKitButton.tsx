import { Button, Group, Text } from '@mantine/core';
import { IconCircleCheck, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * "Save Recovery Kit (PDF)…" and, once saved, a line saying so: at set-up and after a data key
 * change. The first thing to do there, so it looks like it until it is done (a pale button read
 * as disabled).
 */
export function SaveRecoveryKitButton({ saved, saving, onSave }: { saved: boolean; saving: boolean; onSave: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button variant={saved ? 'default' : 'filled'} leftSection={saved ? <IconCircleCheck size={20} aria-hidden /> : <IconFileTypePdf size={20} aria-hidden />} onClick={onSave} loading={saving}>
        {t('recovery.saveKit')}
      </Button>
      {saved ? (
        <Text size="sm" c="sage.8" role="status">
          {t('recovery.kitSavedTitle')}
        </Text>
      ) : null}
    </Group>
  );
}
