import { Button, Group, NumberInput, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../../shared/errors';
import { ClinicSettings, dateFormats, paperSizes } from '../../../shared/settings';
import { useSession } from '../../app/session-context';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { showFieldErrors } from '../../forms/server-errors';
import { useTranslatedResolver } from '../../forms/translated-resolver';
import { formatDate } from '../../i18n/format';
import { SettingsSection } from '../SettingsSection';
import classes from './ClinicSettingsForm.module.css';
import { LogoField } from './LogoField';
import { notifySuccess } from '../../app/notify';

const fieldNames = ['clinicName', 'clinicAddress', 'clinicPhone', 'logo', 'idleLockMinutes', 'paperSize', 'dateFormat'] as const;

/** Name, address, phone and logo (they go on every PDF), and how documents and the lock behave. */
export function ClinicSettingsForm({ settings }: { settings: ClinicSettings }) {
  const { t, i18n } = useTranslation();
  const { refresh } = useSession();
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const form = useForm<ClinicSettings>({ resolver: useTranslatedResolver(ClinicSettings), defaultValues: settings });
  const { errors, isSubmitting, isDirty } = form.formState;
  const example = new Date();

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await call('settings.update', values);
      form.reset(saved);
      notifySuccess(t('settings.clinic.savedTitle'), t('settings.clinic.savedMessage'));
      // The header shows the clinic name and the idle timer uses the new minutes.
      await refresh();
    } catch (error) {
      const bridgeError = asBridgeError(error);
      if (!showFieldErrors(bridgeError, form.setError, fieldNames)) setFailure(bridgeError);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('settings.tabs.clinic')}>
      <Stack gap="lg">
        <SettingsSection title={t('settings.clinic.detailsTitle')} description={t('settings.clinic.detailsHint')}>
          <TextInput label={t('settings.clinic.name')} withAsterisk error={errors.clinicName?.message} {...form.register('clinicName')} />
          <Textarea label={t('settings.clinic.address')} autosize minRows={2} maxRows={5} error={errors.clinicAddress?.message} {...form.register('clinicAddress')} />
          <TextInput label={t('settings.clinic.phone')} type="tel" autoComplete="off" error={errors.clinicPhone?.message} {...form.register('clinicPhone')} />
          <Controller control={form.control} name="logo" render={({ field }) => <LogoField value={field.value} onChange={field.onChange} />} />
        </SettingsSection>

        <SettingsSection title={t('settings.clinic.documentsTitle')} description={t('settings.clinic.documentsHint')}>
          <Controller
            control={form.control}
            name="paperSize"
            render={({ field }) => (
              <Radio.Group label={t('settings.clinic.paperSize')} value={field.value} onChange={field.onChange} error={errors.paperSize?.message}>
                <Group mt="xs" gap="xl">
                  {paperSizes.map((size) => (
                    <Radio key={size} value={size} label={t(`settings.clinic.paper.${size}`)} />
                  ))}
                </Group>
              </Radio.Group>
            )}
          />
          <Controller
            control={form.control}
            name="dateFormat"
            render={({ field }) => (
              <Radio.Group label={t('settings.clinic.dateFormat')} value={field.value} onChange={field.onChange} error={errors.dateFormat?.message}>
                <Stack mt="xs" gap="sm">
                  {dateFormats.map((format) => (
                    <Radio
                      key={format}
                      value={format}
                      label={t('settings.clinic.dateExample', { example: formatDate(example, format, i18n.language), pattern: t(`settings.clinic.datePattern.${format}`) })}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          />
        </SettingsSection>

        <SettingsSection title={t('settings.clinic.securityTitle')} description={t('settings.clinic.securityHint')}>
          <Controller
            control={form.control}
            name="idleLockMinutes"
            render={({ field }) => (
              <NumberInput
                label={t('settings.clinic.idleLock')}
                description={t('settings.clinic.idleLockHint')}
                min={1}
                max={120}
                step={1}
                allowDecimal={false}
                allowNegative={false}
                maw={260}
                value={field.value}
                onChange={(value) => field.onChange(typeof value === 'number' ? value : value === '' ? undefined : Number(value))}
                onBlur={field.onBlur}
                error={errors.idleLockMinutes?.message}
              />
            )}
          />
        </SettingsSection>

        <ErrorAlert error={failure} />
        <Group justify="flex-end" className={classes.saveBar}>
          <Button variant="default" disabled={!isDirty || isSubmitting} onClick={() => form.reset()}>
            {t('common.discardChanges')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('settings.clinic.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
