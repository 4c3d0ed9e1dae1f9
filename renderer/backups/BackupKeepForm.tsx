import { Button, Group, NumberInput, SimpleGrid } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupSettingsInput, type BackupSettings } from '../../shared/contract/backup-channels';
import type { BridgeError } from '../../shared/errors';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { ErrorAlert } from '../errors/ErrorAlert';

type Field = 'keepDaily' | 'keepWeekly' | 'keepMonthly' | 'warnAfterDays';
type Draft = Record<Field, number | ''>;
const fields: readonly Field[] = ['keepDaily', 'keepWeekly', 'keepMonthly', 'warnAfterDays'];
const limits: Record<Field, { min: number; max: number }> = {
  keepDaily: { min: 1, max: 60 },
  keepWeekly: { min: 0, max: 104 },
  keepMonthly: { min: 0, max: 240 },
  warnAfterDays: { min: 1, max: 60 },
};

/** How many backups rotation keeps, and when Home starts warning. Checked here and again in main. */
export function BackupKeepForm({ settings, onSaved }: { settings: BackupSettings; onSaved: (next: BackupSettings) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(settings);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft(settings), [settings]);

  const problem = (field: Field): string | null => {
    const value = draft[field];
    if (value === '') return t('validation.required');
    if (value < limits[field].min) return t('validation.atLeast', { min: limits[field].min });
    if (value > limits[field].max) return t('validation.atMost', { max: limits[field].max });
    return null;
  };
  const invalid = fields.some((field) => problem(field) !== null);
  const changed = fields.some((field) => draft[field] !== settings[field]);

  const save = async () => {
    const parsed = BackupSettingsInput.safeParse(draft);
    if (!parsed.success) return;
    setFailure(null);
    setSaving(true);
    try {
      const next = await call('backup.settings.update', parsed.data);
      notifySuccess(t('backups.settings.savedTitle'), t('backups.settings.savedMessage'));
      onSaved(next);
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {fields.map((field) => (
          <NumberInput
            key={field}
            label={t(`backups.settings.${field}`)}
            min={limits[field].min}
            max={limits[field].max}
            allowDecimal={false}
            allowNegative={false}
            value={draft[field]}
            onChange={(value) => setDraft((previous) => ({ ...previous, [field]: typeof value === 'number' ? value : value === '' ? '' : Number(value) }))}
            error={problem(field)}
          />
        ))}
      </SimpleGrid>
      <ErrorAlert error={failure} />
      <Group justify="flex-end" mt="md">
        <Button type="submit" disabled={!changed || invalid} loading={saving}>
          {t('common.saveChanges')}
        </Button>
      </Group>
    </form>
  );
}
