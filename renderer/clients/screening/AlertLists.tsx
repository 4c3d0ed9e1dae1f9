import { Alert, List, Stack } from '@mantine/core';
import { IconAlertTriangle, IconHandStop } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { alertText, cautionsOf, stopsOf, type AlertLike } from './alert-text';

/** Stops in red ("do not treat"), cautions in amber ("treat with care"), each rule in words. */
export function AlertLists({ alerts, stopFooter, live = false }: { alerts: readonly AlertLike[]; stopFooter?: ReactNode; live?: boolean }) {
  const { t } = useTranslation();
  const stops = stopsOf(alerts);
  const cautions = cautionsOf(alerts);
  return (
    <Stack gap="sm">
      {stops.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconHandStop aria-hidden />}
          title={t('screening.stopsTitle', { count: stops.length })}
          role={live ? 'alert' : 'region'}
          aria-label={t('screening.stopsTitle', { count: stops.length })}
        >
          <List size="sm" spacing={2}>
            {stops.map((alert) => (
              <List.Item key={alert.rule}>{alertText(t, alert)}</List.Item>
            ))}
          </List>
          {stopFooter}
        </Alert>
      ) : null}
      {cautions.length > 0 ? (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('screening.cautionsTitle', { count: cautions.length })}
          role="region"
          aria-label={t('screening.cautionsTitle', { count: cautions.length })}
        >
          <List size="sm" spacing={2}>
            {cautions.map((alert) => (
              <List.Item key={alert.rule}>{alertText(t, alert)}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Stack>
  );
}
