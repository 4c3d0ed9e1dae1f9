import { Button, Group } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsSection } from '../SettingsSection';
import { RekeyDialog } from './RekeyDialog';

/** Settings → Staff, for admins: the way to lock out someone who has left, for everything written from now on. */
export function RekeySection({ onBackupNow }: { onBackupNow: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <SettingsSection title={t('rekey.title')} description={t('rekey.intro')}>
      <Group>
        <Button variant="default" leftSection={<IconKey size={18} aria-hidden />} onClick={() => setOpen(true)}>
          {t('rekey.open')}
        </Button>
      </Group>
      <RekeyDialog
        opened={open}
        onClose={() => setOpen(false)}
        onBackupNow={() => {
          setOpen(false);
          onBackupNow();
        }}
      />
    </SettingsSection>
  );
}
