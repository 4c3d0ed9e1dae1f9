import { Group, Kbd, Stack, Text } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session-context';
import { ShortcutKeys } from '../shell/ShortcutKeys';
import { HomeCard } from './HomeCard';

export function ShortcutsCard() {
  const { t } = useTranslation();
  const { status } = useSession();
  const rows = [
    { keys: <ShortcutKeys letter="K" />, label: t('home.shortcuts.search') },
    { keys: <ShortcutKeys letter="L" />, label: t('home.shortcuts.lock') },
  ];
  return (
    <HomeCard icon={<IconKeyboard size={22} stroke={1.6} />} title={t('home.shortcuts.title')}>
      <Stack gap="sm">
        {rows.map((row) => (
          <Group key={row.label} justify="space-between" wrap="nowrap">
            <Text>{row.label}</Text>
            {row.keys}
          </Group>
        ))}
        <Group justify="space-between" wrap="nowrap">
          <Text>{t('home.shortcuts.close')}</Text>
          <Kbd size="sm">{t('shortcuts.esc')}</Kbd>
        </Group>
        <Text size="sm" c="dimmed" mt="xs">
          {t('home.shortcuts.idle', { count: status.idleLockMinutes })}
        </Text>
      </Stack>
    </HomeCard>
  );
}
