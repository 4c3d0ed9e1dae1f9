import { Alert, Button, Checkbox, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../shared/errors';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { WelcomeLayout } from '../brand/WelcomeLayout';
import { useScreenTitle } from '../app/useScreenTitle';
import { ErrorAlert } from '../errors/ErrorAlert';
import { RecoveryKeyText } from './RecoveryKeyText';
import { SaveRecoveryKitButton } from './SaveRecoveryKitButton';
import { notifySuccess } from '../app/notify';

/**
 * Shown once, straight after set-up: the key that opens the records when every password is
 * lost or the PC is replaced. The clinic must say it is safely recorded before carrying on.
 */
export default function RecoveryKeyScreen({ recoveryKey, clinicName, onDone }: { recoveryKey: string | null; clinicName: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  useScreenTitle(t('recovery.title'));
  const [stored, setStored] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [continuing, setContinuing] = useState(false);
  const [failure, setFailure] = useState<BridgeError | null>(null);

  const saveKit = async () => {
    setFailure(null);
    setSaving(true);
    try {
      const result = await call('setup.saveRecoveryKit', {});
      if (result.saved) {
        setSaved(true);
        notifySuccess(t('recovery.kitSavedTitle'), t('recovery.kitSavedMessage'));
      }
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setSaving(false);
    }
  };

  const carryOn = async () => {
    setFailure(null);
    setContinuing(true);
    try {
      await call('setup.acknowledgeRecoveryKey', {});
      onDone();
    } catch (error) {
      setFailure(asBridgeError(error));
      setContinuing(false);
    }
  };

  return (
    <WelcomeLayout clinicName={clinicName} wide>
      <Stack gap="lg">
        <Group gap="sm">
          <IconKey size={30} aria-hidden color="var(--mantine-color-sage-7)" />
          <Title order={1}>{t('recovery.title')}</Title>
        </Group>
        <Text>{t('recovery.what')}</Text>
        {recoveryKey ? (
          <RecoveryKeyText recoveryKey={recoveryKey} />
        ) : (
          <Alert color="yellow" variant="light" title={t('recovery.notShownTitle')}>
            {t('recovery.notShown')}
          </Alert>
        )}
        <List spacing={6} size="sm">
          <List.Item>{t('recovery.tipPrint')}</List.Item>
          <List.Item>{t('recovery.tipStore')}</List.Item>
          <List.Item>{t('recovery.tipOnce')}</List.Item>
        </List>
        <SaveRecoveryKitButton saved={saved} saving={saving} onSave={() => void saveKit()} />
        <ErrorAlert error={failure} />
        <Checkbox checked={stored} onChange={(event) => setStored(event.currentTarget.checked)} label={t('recovery.confirmStored')} />
        <Button size="lg" disabled={!stored} loading={continuing} onClick={() => void carryOn()}>
          {t('recovery.continue')}
        </Button>
      </Stack>
    </WelcomeLayout>
  );
}
