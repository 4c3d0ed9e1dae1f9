import { Button, Stack, Text } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharingChoices, SharingKind } from '../../shared/copies/sharing-choices';
import type { BridgeError } from '../../shared/errors';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useBridgeQuery } from '../hooks/useBridgeQuery';
import { CopyButtons } from './CopyButtons';
import { SharingChoiceBlock } from './SharingChoiceBlock';

interface Props {
  clientId: string;
  sessionId: string;
  /** The session's date and time as the screen writes it, for the buttons' names. */
  when: string;
  hasGp: boolean;
  hasEmail: boolean;
}

/** Copies of a session that leave the clinic: the letter to the client's GP and an e-mail to the client, each only with the client's agreement. */
export function SessionCopiesPanel({ clientId, sessionId, when, hasGp, hasEmail }: Props) {
  const { t } = useTranslation();
  const query = useBridgeQuery('clients.sharingChoices', { clientId });
  const [saved, setSaved] = useState<SharingChoices | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [emailing, setEmailing] = useState(false);
  const [emailState, setEmailState] = useState<string | null>(null);
  const choices = saved ?? query.data;
  if (!choices) return <ErrorAlert error={query.error} />;
  const record = (kind: SharingKind) => async (agreed: boolean) => {
    setFailure(null);
    try {
      setSaved(await call('clients.recordSharingChoice', { clientId, kind, agreed }));
    } catch (error) {
      setFailure(asBridgeError(error));
    }
  };
  const email = async () => {
    setEmailing(true);
    setFailure(null);
    setEmailState(null);
    try {
      const { sent, problem } = await call('sessions.emailCopy', { id: sessionId });
      if (sent) notifySuccess(t('copies.email.sentTitle'), t('copies.email.sentMessage'));
      else setEmailState(t('copies.email.waiting', { problem: problem ?? '' }));
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setEmailing(false);
    }
  };
  return (
    <Stack gap="lg">
      <SharingChoiceBlock title={t('copies.gp.title')} question={t('copies.gp.question')} choice={choices.gpLetter} onRecord={record('gp-letter')}>
        {hasGp ? (
          <CopyButtons
            print={() => call('sessions.printGpLetter', { id: sessionId })}
            save={() => call('sessions.saveGpLetter', { id: sessionId })}
            printLabel={t('copies.gp.printLabel', { when })}
            saveLabel={t('copies.gp.saveLabel', { when })}
            printedMessage={t('copies.gp.printedMessage')}
            savedMessage={t('copies.gp.savedMessage')}
          />
        ) : (
          <Text size="sm" c="orange.9">
            {t('copies.gp.noGp')}
          </Text>
        )}
      </SharingChoiceBlock>
      <SharingChoiceBlock title={t('copies.email.title')} question={t('copies.email.question')} choice={choices.emailCopies} onRecord={record('email-copies')}>
        {hasEmail ? (
          <Stack gap={4}>
            <Button
              variant="default"
              leftSection={<IconMailForward size={16} aria-hidden />}
              loading={emailing}
              onClick={() => void email()}
              aria-label={t('copies.email.label', { when })}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('copies.email.button')}
            </Button>
            {emailState ? (
              <Text size="sm" role="status">
                {emailState}
              </Text>
            ) : null}
          </Stack>
        ) : (
          <Text size="sm" c="orange.9">
            {t('copies.email.noAddress')}
          </Text>
        )}
      </SharingChoiceBlock>
      <ErrorAlert error={failure} />
    </Stack>
  );
}
