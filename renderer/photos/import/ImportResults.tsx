import { Group, List, Loader, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../hooks/useDates';
import { photoCaption } from '../photo-text';
import type { ImportRow } from './import-row';

/** Progress over the whole batch, then one line per file: stored (with its labels) or why not. */
export function ImportResults({ rows }: { rows: readonly ImportRow[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (rows.length === 0) return null;
  const finished = rows.filter((row) => row.status === 'imported' || row.status === 'refused' || row.status === 'checked').length;
  const stored = rows.filter((row) => row.status === 'imported').length;
  const refused = rows.filter((row) => row.status === 'refused').length;
  const done = rows.every((row) => row.status === 'imported' || row.status === 'refused');

  return (
    <Stack gap="xs" component="section" aria-label={t('photos.import.resultsLabel')}>
      <Group justify="space-between">
        <Text fw={600} aria-live="polite">
          {done ? t('photos.import.summary', { stored, refused }) : t('photos.import.working', { done: finished, total: rows.length })}
        </Text>
      </Group>
      <Progress value={(finished / rows.length) * 100} color={done && refused > 0 ? 'orange' : 'sage'} aria-label={t('photos.import.progressLabel')} size="sm" />
      <List spacing={6} listStyleType="none" styles={{ itemWrapper: { width: '100%' }, itemLabel: { width: '100%' } }}>
        {rows.map((row, index) => (
          <List.Item key={`${index}:${row.name}`} icon={<RowIcon row={row} />}>
            <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
              {row.name}
            </Text>
            <Text size="sm" c={row.status === 'refused' ? 'red.9' : 'dimmed'}>
              {row.status === 'imported' ? t('photos.import.stored', { what: photoCaption(t, dates, row.photo) }) : row.status === 'refused' ? row.message : t(`photos.import.status.${row.status}`)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function RowIcon({ row }: { row: ImportRow }) {
  if (row.status === 'imported')
    return (
      <ThemeIcon color="sage" size={22} radius="xl" aria-hidden>
        <IconCircleCheck size={15} />
      </ThemeIcon>
    );
  if (row.status === 'refused')
    return (
      <ThemeIcon color="red" size={22} radius="xl" aria-hidden>
        <IconAlertTriangle size={15} />
      </ThemeIcon>
    );
  if (row.status === 'waiting')
    return (
      <ThemeIcon color="gray" variant="light" size={22} radius="xl" aria-hidden>
        <IconClockHour4 size={15} />
      </ThemeIcon>
    );
  return <Loader size={20} aria-hidden />;
}
