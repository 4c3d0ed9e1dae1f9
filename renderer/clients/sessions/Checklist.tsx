import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { checklistItems, type ChecklistItem, type ChecklistState } from './checklist';

const look = {
  done: { color: 'sage', Icon: IconCircleCheck, variant: 'filled' },
  missing: { color: 'orange', Icon: IconCircleDashed, variant: 'light' },
  later: { color: 'gray', Icon: IconClockHour4, variant: 'light' },
} as const;

/** Each item ticked, shown as missing, or "not available yet" (consent and photos). */
export function Checklist({ states, title }: { states: Record<ChecklistItem, ChecklistState>; title: string }) {
  const { t } = useTranslation();
  const done = checklistItems.filter((item) => states[item] === 'done').length;
  const counted = checklistItems.filter((item) => states[item] !== 'later').length;
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Group justify="space-between">
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed">
          {t('checklist.progress', { done, total: counted })}
        </Text>
      </Group>
      <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {checklistItems.map((item) => {
          const { color, Icon, variant } = look[states[item]];
          return (
            <Group key={item} gap="sm" wrap="nowrap" component="li" align="flex-start">
              <ThemeIcon color={color} variant={variant} size={24} radius="xl" aria-hidden>
                <Icon size={16} />
              </ThemeIcon>
              <div>
                <Text size="sm">{t(`checklist.items.${item}`)}</Text>
                <Text size="xs" c="dimmed">
                  {t(`checklist.states.${states[item]}`)}
                </Text>
              </div>
            </Group>
          );
        })}
      </Stack>
    </Stack>
  );
}
