import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed, IconClockHour4, IconQuestionMark } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { checklistItems, type ChecklistItem, type ChecklistState } from './checklist';

const look = {
  done: { color: 'sage', Icon: IconCircleCheck, variant: 'filled' },
  missing: { color: 'orange', Icon: IconCircleDashed, variant: 'light' },
  override: { color: 'red', Icon: IconAlertTriangle, variant: 'light' },
  notRecorded: { color: 'gray', Icon: IconQuestionMark, variant: 'light' },
  checking: { color: 'gray', Icon: IconClockHour4, variant: 'light' },
} as const;

/** Each item ticked, missing, done under an override, not recorded (older sessions), or being read. */
export function Checklist({ states, title }: { states: Record<ChecklistItem, ChecklistState>; title: string }) {
  const { t } = useTranslation();
  const done = checklistItems.filter((item) => states[item] === 'done').length;
  const counted = checklistItems.length;
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
                  {t(`sessionBasis.checklistStates.${states[item]}`)}
                </Text>
              </div>
            </Group>
          );
        })}
      </Stack>
    </Stack>
  );
}
