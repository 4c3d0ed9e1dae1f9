import { Badge, Group, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconHandStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { alertText, type AlertLike } from './alert-text';

/** The header's alert badges: stops red, cautions amber, each named in full. */
export function AlertBadges({ alerts }: { alerts: readonly AlertLike[] }) {
  const { t } = useTranslation();
  if (alerts.length === 0) return null;
  const ordered = [...alerts].sort((a, b) => (a.level === b.level ? 0 : a.level === 'stop' ? -1 : 1));
  return (
    <Group gap={6} component="ul" aria-label={t('screening.badgesLabel')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {ordered.map((alert) => (
        <li key={alert.rule}>
          <Tooltip label={t(`screening.levels.${alert.level}Hint`)} withArrow>
            <Badge
              size="xl"
              radius="sm"
              variant={alert.level === 'stop' ? 'filled' : 'light'}
              color={alert.level === 'stop' ? 'red.8' : 'yellow'}
              c={alert.level === 'stop' ? undefined : 'dark.9'}
              leftSection={alert.level === 'stop' ? <IconHandStop size={14} aria-hidden /> : <IconAlertTriangle size={14} aria-hidden />}
              // Long alerts wrap inside the badge instead of being cut off ("Stop if y…").
              styles={{ root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', paddingBlock: 4 }, label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3 } }}
              style={{ textTransform: 'none', fontWeight: 600 }}
            >
              <span className="sl-sr-only">{t(`screening.levels.${alert.level}`)}: </span>
              {alertText(t, alert)}
            </Badge>
          </Tooltip>
        </li>
      ))}
    </Group>
  );
}
