import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharingChoice } from '../../shared/copies/sharing-choices';
import { useDates } from '../hooks/useDates';

/**
 * One question the client answers before a copy leaves the clinic ("may we tell your GP?"),
 * with its answer as recorded: nobody asked is shown as that, never as a yes or a no. What the
 * answer allows (the letter, the e-mail) is shown only once the client agreed.
 */
export function SharingChoiceBlock(props: { title: string; question: string; choice: SharingChoice | null; onRecord: (agreed: boolean) => Promise<void>; children: ReactNode }) {
  const { t } = useTranslation();
  const dates = useDates();
  const [asking, setAsking] = useState(false);
  const { choice } = props;
  const record = async (agreed: boolean) => {
    await props.onRecord(agreed);
    setAsking(false);
  };
  return (
    <Stack gap="xs" component="section" aria-label={props.title}>
      <Title order={3} size="h5">
        {props.title}
      </Title>
      <Text size="sm">{props.question}</Text>
      <Text size="sm" fw={600}>
        {!choice ? t('copies.choice.notAsked') : t(choice.agreed ? 'copies.choice.agreed' : 'copies.choice.notAgreed', { when: dates.dateTime(choice.recordedAt), name: choice.recordedByName })}
      </Text>
      {!choice || asking ? (
        <Group gap="xs">
          <Button size="compact-md" variant="default" onClick={() => void record(true)}>
            {t('copies.choice.recordAgreed')}
          </Button>
          <Button size="compact-md" variant="default" onClick={() => void record(false)}>
            {t('copies.choice.recordNotAgreed')}
          </Button>
        </Group>
      ) : (
        <Button size="compact-sm" variant="subtle" onClick={() => setAsking(true)} style={{ alignSelf: 'flex-start' }}>
          {t('copies.choice.changeAnswer')}
        </Button>
      )}
      {choice?.agreed ? props.children : null}
    </Stack>
  );
}
