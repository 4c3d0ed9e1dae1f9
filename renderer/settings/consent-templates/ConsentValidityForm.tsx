import { Button, Group, NumberInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../../shared/errors';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { useBridgeQuery } from '../../hooks/useBridgeQuery';
import { SettingsSection } from '../SettingsSection';

/** How many months a signed consent counts before the profile asks for a new one. */
export function ConsentValidityForm() {
  const { t } = useTranslation();
  const settings = useBridgeQuery('consents.settings.get', {});
  const [months, setMonths] = useState<number | ''>('');
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (settings.data) setMonths(settings.data.validityMonths);
  }, [settings.data]);

  const invalid = months === '' || months < 1 || months > 120 || !Number.isInteger(months);
  const save = async () => {
    if (invalid) return;
    setSaving(true);
    setFailure(null);
    try {
      await call('consents.settings.update', { validityMonths: months });
      notifySuccess(t('consents.templates.validitySavedTitle'), t('consents.templates.validitySaved', { count: months }));
      await settings.reload();
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <SettingsSection title={t('consents.templates.validityTitle')} description={t('consents.templates.validityHint')}>
      <Group align="flex-end">
        <NumberInput
          label={t('consents.templates.validityLabel')}
          value={months}
          onChange={(value) => setMonths(typeof value === 'number' ? value : '')}
          min={1}
          max={120}
          allowDecimal={false}
          w={200}
          error={months !== '' && invalid ? t('consents.templates.validityRange') : undefined}
          disabled={!settings.data}
        />
        <Button onClick={() => void save()} loading={saving} disabled={invalid || months === settings.data?.validityMonths}>
          {t('common.saveChanges')}
        </Button>
      </Group>
      <ErrorAlert error={failure ?? settings.error} />
    </SettingsSection>
  );
}
