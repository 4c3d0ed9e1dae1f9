import { Alert, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RekeyResult } from '../../../shared/contract/rekey-channels';
import type { BridgeError } from '../../../shared/errors';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { RecoveryKeyText } from '../../setup/RecoveryKeyText';
import { SaveRecoveryKitButton } from '../../setup/SaveRecoveryKitButton';

/**
 * After the change: the new recovery key with its Kit (saved as at set-up), the one-time
 * passwords to hand over, what the old recovery key still opens, and the backup to make now.
 */
export function RekeyDone({ result, onFinish, onBackupNow }: { result: RekeyResult; onFinish: () => void; onBackupNow: () => void }) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [failure, setFailure] = useState<BridgeError | null>(null);

  const saveKit = async () => {
    setFailure(null);
    setSaving(true);
    try {
      if ((await call('rekey.saveRecoveryKit', {})).saved) {
        setSaved(true);
        notifySuccess(t('recovery.kitSavedTitle'), t('recovery.kitSavedMessage'));
      }
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setSaving(false);
    }
  };

  const finish = async (then: () => void) => {
    setFailure(null);
    setFinishing(true);
    try {
      await call('rekey.acknowledge', {});
      then();
    } catch (error) {
      setFailure(asBridgeError(error));
      setFinishing(false);
    }
  };

  return (
    <Stack gap="lg">
      <Text>{t('rekey.doneIntro', { count: result.photosResealed })}</Text>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('rekey.newRecoveryKey')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('rekey.newRecoveryKeyIntro')}
        </Text>
        <RecoveryKeyText recoveryKey={result.recoveryKey} />
        <SaveRecoveryKitButton saved={saved} saving={saving} onSave={() => void saveKit()} />
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('rekey.oneTimeTitle')}
        </Title>
        {result.oneTimePasswords.length === 0 ? (
          <Text size="sm">{t('rekey.oneTimeNone')}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('rekey.oneTimeIntro')}
            </Text>
            <Table aria-label={t('rekey.oneTimeTitle')} withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rekey.nameColumn')}</Table.Th>
                  <Table.Th>{t('rekey.passwordColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.oneTimePasswords.map((entry) => (
                  <Table.Tr key={entry.staffId}>
                    <Table.Td>{entry.name}</Table.Td>
                    <Table.Td ff="monospace" fz="lg">
                      {entry.password}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
      <Alert color="yellow" variant="light" title={t('rekey.oldBackupsTitle')}>
        {t('rekey.oldBackups')}
      </Alert>
      <Alert color="sage" variant="light" title={t('rekey.backupTitle')}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('rekey.backup')}</Text>
          <Button size="sm" leftSection={<IconDatabaseExport size={18} aria-hidden />} disabled={!recorded} loading={finishing} onClick={() => void finish(onBackupNow)}>
            {t('rekey.backupButton')}
          </Button>
        </Stack>
      </Alert>
      <ErrorAlert error={failure} />
      <Checkbox checked={recorded} onChange={(event) => setRecorded(event.currentTarget.checked)} label={t('rekey.confirmRecorded')} />
      <Group justify="flex-end">
        <Button variant="default" disabled={!recorded} loading={finishing} onClick={() => void finish(onFinish)}>
          {t('rekey.finish')}
        </Button>
      </Group>
    </Stack>
  );
}
