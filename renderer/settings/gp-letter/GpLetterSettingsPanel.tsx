import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gpLetterTextMax, type GpLetterTemplate } from '../../../shared/copies/gp-letter';
import type { BridgeError } from '../../../shared/errors';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { useBridgeQuery } from '../../hooks/useBridgeQuery';
import { PageLoading } from '../../shell/PageLoading';
import { SettingsSection } from '../SettingsSection';

/** The clinic's own wording of the GP letter; the treatment summary between the paragraphs comes from the record. */
export function GpLetterSettingsPanel() {
  const { t } = useTranslation();
  const stored = useBridgeQuery('gpLetter.template', {});
  const [draft, setDraft] = useState<GpLetterTemplate | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  useEffect(() => {
    if (stored.data) setDraft(stored.data);
  }, [stored.data]);
  if (stored.loading && !draft) return <PageLoading />;
  if (!draft) return <ErrorAlert error={stored.error} />;
  const save = async () => {
    setSaving(true);
    setFailure(null);
    try {
      setDraft(await call('gpLetter.updateTemplate', draft));
      notifySuccess(t('copies.gpTemplate.savedTitle'), t('copies.gpTemplate.savedMessage'));
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <SettingsSection title={t('settings.tabs.gpLetter')} description={t('copies.gpTemplate.intro')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('copies.gpTemplate.placeholders')}
        </Text>
        <Textarea
          label={t('copies.gpTemplate.opening')}
          autosize
          minRows={3}
          maxLength={gpLetterTextMax}
          value={draft.opening}
          onChange={(event) => setDraft({ ...draft, opening: event.currentTarget.value })}
        />
        <Textarea
          label={t('copies.gpTemplate.closing')}
          autosize
          minRows={2}
          maxLength={gpLetterTextMax}
          value={draft.closing}
          onChange={(event) => setDraft({ ...draft, closing: event.currentTarget.value })}
        />
        <ErrorAlert error={failure} />
        <Group>
          <Button onClick={() => void save()} loading={saving}>
            {t('copies.gpTemplate.save')}
          </Button>
        </Group>
      </Stack>
    </SettingsSection>
  );
}
