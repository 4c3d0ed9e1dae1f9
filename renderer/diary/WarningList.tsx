import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DiaryWarning } from '../../shared/contract/diary-channels';
import { useDates } from '../hooks/useDates';
import { timeOf } from './diary-time';

/** What the desk must see before booking anyway: clashes, closed days, days off. */
export function WarningList({ warnings }: { warnings: readonly DiaryWarning[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (warnings.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('diary.warnings.title')} role="alert">
      <List size="sm">
        {warnings.map((warning, index) => {
          const day = dates.day(warning.start.slice(0, 10));
          const time = timeOf(warning.start);
          const text =
            warning.kind === 'practitioner'
              ? t('diary.warnings.practitionerShort', { client: warning.withClientName, time: `${day} ${time}` })
              : warning.kind === 'room'
                ? t('diary.warnings.room', { client: warning.withClientName, time: `${day} ${time}` })
                : t(`diary.warnings.${warning.kind}`, { day, time });
          return <List.Item key={index}>{text}</List.Item>;
        })}
      </List>
    </Alert>
  );
}
