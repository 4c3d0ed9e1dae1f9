import { Button, Checkbox, Group, NumberInput, Select, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RetentionSettings, retentionCountries, retentionDefaults, type RetentionCountry } from '../../shared/retention/retention-rules';
import type { BridgeError } from '../../shared/errors';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useBridgeQuery } from '../hooks/useBridgeQuery';
import { SettingsSection } from '../settings/SettingsSection';
import { PageLoading } from '../shell/PageLoading';

/** Settings → Retention: the country picks defensible defaults, every figure stays editable. */
export function RetentionSettingsPanel() {
  const { t } = useTranslation();
  const saved = useBridgeQuery('retention.settings.get', {});
  const [draft, setDraft] = useState<RetentionSettings | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (saved.data) {
      const { confirmed: _confirmed, ...settings } = saved.data;
      setDraft(settings);
    }
  }, [saved.data]);

  if (!draft) return saved.error ? <ErrorAlert error={saved.error} /> : <PageLoading />;
  const checked = RetentionSettings.safeParse(draft);
  const problem = (field: keyof RetentionSettings) => (checked.success ? undefined : checked.error.issues.find((issue) => issue.path[0] === field)?.message);

  const save = async () => {
    if (!checked.success) return;
    setFailure(null);
    setSaving(true);
    try {
      await call('retention.settings.update', checked.data);
      notifySuccess(t('auditTrail.retention.savedTitle'), t('auditTrail.retention.savedMessage'));
      await saved.reload();
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <SettingsSection title={t('auditTrail.retention.settingsTitle')} description={t('auditTrail.retention.settingsHint')}>
      {saved.data && !saved.data.confirmed ? (
        <Text size="sm" c="red.9" fw={500}>
          {t('auditTrail.retention.notConfirmedHere')}
        </Text>
      ) : null}
      <Select
        label={t('auditTrail.retention.country')}
        description={t(`auditTrail.retention.countryHints.${draft.country}`)}
        data={retentionCountries.map((country) => ({ value: country, label: t(`auditTrail.retention.countries.${country}`) }))}
        value={draft.country}
        allowDeselect={false}
        onChange={(country) => country && setDraft(retentionDefaults[country as RetentionCountry])}
        w={360}
      />
      <Group gap="lg" align="flex-start">
        <NumberInput
          label={t('auditTrail.retention.adultYears')}
          value={draft.adultYears}
          min={1}
          max={100}
          allowDecimal={false}
          onChange={(value) => setDraft({ ...draft, adultYears: Number(value) || 0 })}
          error={problem('adultYears')}
          w={260}
        />
        <NumberInput
          label={t('auditTrail.retention.minorUntilAge')}
          value={draft.minorUntilAge}
          min={18}
          max={40}
          allowDecimal={false}
          onChange={(value) => setDraft({ ...draft, minorUntilAge: Number(value) || 0 })}
          error={problem('minorUntilAge')}
          w={300}
        />
      </Group>
      <Checkbox
        label={t('auditTrail.retention.extraYearIfSeventeen')}
        checked={draft.extraYearIfSeventeen}
        onChange={(event) => setDraft({ ...draft, extraYearIfSeventeen: event.currentTarget.checked })}
      />
      <ErrorAlert error={failure} />
      <Group>
        <Button onClick={() => void save()} loading={saving} disabled={!checked.success}>
          {t('auditTrail.retention.save')}
        </Button>
      </Group>
    </SettingsSection>
  );
}
