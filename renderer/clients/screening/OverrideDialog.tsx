import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { overrideReasonMax } from '../../../shared/clinical/session';
import type { ScreeningState } from '../../../shared/contract/client-channels';
import type { BridgeError } from '../../../shared/errors';
import { Dialog } from '../../app/Dialog';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { LengthHint } from '../../forms/LengthHint';
import { useTranslatedResolver } from '../../forms/translated-resolver';
import { AlertLists } from './AlertLists';
import { IncompleteList } from './IncompleteList';
import { stopsOf } from './alert-text';

const OverrideValues = z.object({ reason: z.string().trim().min(5).max(overrideReasonMax) });
type OverrideValues = z.infer<typeof OverrideValues>;

/**
 * A practitioner takes responsibility for treating today despite the stops, and says why. The
 * decision is audited, shown on the profile with who, when and why, and covers today only.
 */
export function OverrideDialog({
  clientId,
  screening,
  opened,
  onClose,
  onDone,
}: {
  clientId: string;
  screening: ScreeningState;
  opened: boolean;
  onClose: () => void;
  onDone: (state: ScreeningState) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('screening.override.title')}>
      {opened ? <OverrideForm clientId={clientId} screening={screening} onCancel={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}

function OverrideForm({ clientId, screening, onCancel, onDone }: { clientId: string; screening: ScreeningState; onCancel: () => void; onDone: (state: ScreeningState) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const form = useForm<OverrideValues>({ resolver: useTranslatedResolver(OverrideValues), defaultValues: { reason: '' } });
  const { errors, isSubmitting } = form.formState;
  const reason = useWatch({ control: form.control, name: 'reason' });
  const submit = form.handleSubmit(async ({ reason }) => {
    setFailure(null);
    try {
      onDone(await call('screening.override', { clientId, reason }));
    } catch (error) {
      setFailure(asBridgeError(error));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Text>{t('screening.override.intro')}</Text>
        <AlertLists alerts={stopsOf(screening.alerts)} stopFooter={screening.incomplete ? <IncompleteList incomplete={screening.incomplete} /> : null} />
        <Textarea
          label={t('screening.override.reason')}
          description={
            <>
              {t('screening.override.reasonHint')} <LengthHint length={(reason ?? '').length} max={overrideReasonMax} />
            </>
          }
          withAsterisk
          autosize
          minRows={3}
          maxRows={8}
          data-autofocus
          error={errors.reason?.message}
          {...form.register('reason')}
        />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red.8" loading={isSubmitting}>
            {t('screening.override.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
