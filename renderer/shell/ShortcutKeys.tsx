import { Group, Kbd } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isMac } from './shortcut-label';

/** "Ctrl + K" drawn as keys; the whole thing is read as one phrase by screen readers. */
export function ShortcutKeys({ letter, size = 'sm' }: { letter: string; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  const modifier = isMac() ? t('shortcuts.cmd') : t('shortcuts.ctrl');
  return (
    <Group gap={4} wrap="nowrap" component="span" aria-label={`${modifier} ${letter}`} role="img">
      <Kbd size={size} aria-hidden>
        {modifier}
      </Kbd>
      <Kbd size={size} aria-hidden>
        {letter}
      </Kbd>
    </Group>
  );
}
