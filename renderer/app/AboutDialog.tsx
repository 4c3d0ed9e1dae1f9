import { Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../brand/BrandMark';
import { onMenuCommand } from '../bridge/client';
import { Dialog } from './Dialog';

/** Help → About from the application menu; available on every screen, shows no clinic data. */
export function AboutDialog({ appVersion }: { appVersion: string | null }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  useEffect(() => onMenuCommand((command) => command === 'about' && setOpened(true)), []);
  return (
    <Dialog opened={opened} onClose={() => setOpened(false)} title={t('about.title')} size="md">
      <Stack gap="sm">
        <Group gap="sm">
          <BrandMark size={40} tone="dark" />
          <Text fw={600} size="lg">
            {t('app.name')}
          </Text>
        </Group>
        {appVersion ? <Text>{t('app.version', { version: appVersion })}</Text> : null}
        <Text c="dimmed">{t('about.description')}</Text>
      </Stack>
    </Dialog>
  );
}
