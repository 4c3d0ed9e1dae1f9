import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentTemplateDraft } from '../../../shared/consents/template';
import { versionLabel } from '../../../shared/consents/template';
import type { BridgeError } from '../../../shared/errors';
import { Dialog } from '../../app/Dialog';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';

/**
 * Publishing: a minor version for wording that does not change what the client agrees to; a
 * major one when it does, which makes every consent signed on earlier versions "needed" again.
 */
export function PublishDialog({ draft, onClose, onPublished }: { draft: ConsentTemplateDraft | null; onClose: () => void; onPublished: () => void }) {
  const { t } = useTranslation();
  const [change, setChange] = useState<'major' | 'minor'>('minor');
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);

  const publish = async () => {
    if (!draft) return;
    setBusy(true);
    setFailure(null);
    try {
      const published = await call('consentTemplates.publish', { template: draft, change });
      notifySuccess(t('consents.editor.publishedTitle'), t('consents.editor.published', { version: versionLabel(published.version) }));
      onPublished();
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog opened={draft !== null} onClose={onClose} title={t('consents.editor.publishTitle')} size="lg">
      <Stack gap="md">
        <Text>{t('consents.editor.publishIntro', { title: draft?.title ?? '' })}</Text>
        <Radio.Group label={t('consents.editor.changeLabel')} value={change} onChange={(value) => setChange(value === 'major' ? 'major' : 'minor')}>
          <Stack gap="sm" mt="xs">
            <Radio value="minor" label={t('consents.editor.minor')} description={t('consents.editor.minorHint')} />
            <Radio value="major" label={t('consents.editor.major')} description={t('consents.editor.majorHint')} />
          </Stack>
        </Radio.Group>
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void publish()} loading={busy}>
            {t('consents.editor.publishConfirm')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
