import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../hooks/useDates';
import { useNavigation } from '../../shell/navigation';
import { clientName } from '../client-text';
import type { PossibleDuplicates } from './usePossibleDuplicates';

/**
 * "This may be someone already recorded": the matches with why they match and a link to open
 * each; once the main side has refused a create as a duplicate, also "Create anyway".
 */
export function DuplicateWarning({ duplicates, refused, creating, onCreateAnyway }: { duplicates: PossibleDuplicates; refused: boolean; creating: boolean; onCreateAnyway: () => void }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const dates = useDates();
  const panel = useRef<HTMLDivElement>(null);
  // "Add client" is at the bottom of a long form: when it is refused, bring the reason into view
  // and move focus there, or the press looks like it did nothing.
  useEffect(() => {
    if (!refused || !panel.current) return;
    panel.current.scrollIntoView({ block: 'center' });
    panel.current.focus({ preventScroll: true });
  }, [refused]);
  if (duplicates.length === 0 && !refused) return null;
  return (
    <Alert
      ref={panel}
      tabIndex={-1}
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={refused ? t('clientForm.duplicate.refusedTitle') : t('clientForm.duplicate.title')}
      role={refused ? 'alert' : 'status'}
    >
      <Text size="sm" mb="xs">
        {refused ? t('clientForm.duplicate.refused') : t('clientForm.duplicate.intro')}
      </Text>
      <List spacing={4} size="sm">
        {duplicates.map(({ client, reason }) => (
          <List.Item key={client.id}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600} size="sm">
                {clientName(client)}
              </Text>
              <Text size="sm" c="dimmed">
                {[client.dateOfBirth ? dates.day(client.dateOfBirth) : '', client.phone, client.email].filter(Boolean).join(' · ')}
              </Text>
              <Text size="sm">— {t(`clientForm.duplicate.reasons.${reason}`)}</Text>
              <Anchor
                component="button"
                type="button"
                size="sm"
                c="sage.9"
                fw={600}
                td="underline"
                onClick={() => go({ page: 'client', clientId: client.id })}
                aria-label={t('clientForm.duplicate.openLabel', { name: clientName(client) })}
              >
                {t('clientForm.duplicate.open')}
              </Anchor>
            </Group>
          </List.Item>
        ))}
      </List>
      {refused ? (
        <Group mt="md">
          <Button variant="default" loading={creating} onClick={onCreateAnyway}>
            {t('clientForm.duplicate.createAnyway')}
          </Button>
        </Group>
      ) : null}
    </Alert>
  );
}
