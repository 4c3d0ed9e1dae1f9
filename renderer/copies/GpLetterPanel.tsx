import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharingChoices } from '../../shared/copies/sharing-choices';
import type { BridgeError } from '../../shared/errors';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useBridgeQuery } from '../hooks/useBridgeQuery';
import { useDates } from '../hooks/useDates';
import { CopyButtons } from './CopyButtons';

/**
 * The session's letter to the client's GP. Made only when the client agreed, asked and recorded
 * here (nobody asked is shown as that, never as a yes or a no) and their GP is on the record.
 */
export function GpLetterPanel({ clientId, sessionId, when, hasGp }: { clientId: string; sessionId: string; when: string; hasGp: boolean }) {
  const { t } = useTranslation();
  const dates = useDates();
  const query = useBridgeQuery('clients.sharingChoices', { clientId });
  const [saved, setSaved] = useState<SharingChoices | null>(null);
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const choice = (saved ?? query.data)?.gpLetter ?? null;
  const record = async (agreed: boolean) => {
    setFailure(null);
    try {
      setSaved(await call('clients.recordSharingChoice', { clientId, kind: 'gp-letter', agreed }));
      setAsking(false);
    } catch (error) {
      setFailure(asBridgeError(error));
    }
  };
  if (query.loading && !saved) return null;
  const answerButtons = (
    <Group gap="xs">
      <Button size="compact-md" variant="default" onClick={() => void record(true)}>
        {t('copies.gp.recordAgreed')}
      </Button>
      <Button size="compact-md" variant="default" onClick={() => void record(false)}>
        {t('copies.gp.recordNotAgreed')}
      </Button>
    </Group>
  );
  return (
    <Stack gap="xs" component="section" aria-label={t('copies.gp.title')}>
      <Title order={3} size="h5">
        {t('copies.gp.title')}
      </Title>
      <Text size="sm">{t('copies.gp.question')}</Text>
      <Text size="sm" fw={600}>
        {!choice ? t('copies.gp.notAsked') : t(choice.agreed ? 'copies.gp.agreed' : 'copies.gp.notAgreed', { when: dates.dateTime(choice.recordedAt), name: choice.recordedByName })}
      </Text>
      {!choice || asking ? (
        answerButtons
      ) : (
        <Button size="compact-sm" variant="subtle" onClick={() => setAsking(true)} style={{ alignSelf: 'flex-start' }}>
          {t('copies.gp.changeAnswer')}
        </Button>
      )}
      {choice?.agreed && !hasGp ? (
        <Text size="sm" c="orange.9">
          {t('copies.gp.noGp')}
        </Text>
      ) : null}
      {choice?.agreed && hasGp ? (
        <CopyButtons
          print={() => call('sessions.printGpLetter', { id: sessionId })}
          save={() => call('sessions.saveGpLetter', { id: sessionId })}
          printLabel={t('copies.gp.printLabel', { when })}
          saveLabel={t('copies.gp.saveLabel', { when })}
          printedMessage={t('copies.gp.printedMessage')}
          savedMessage={t('copies.gp.savedMessage')}
        />
      ) : null}
      <ErrorAlert error={failure ?? query.error} />
    </Stack>
  );
}
