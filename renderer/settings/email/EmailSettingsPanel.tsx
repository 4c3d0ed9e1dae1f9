import { Button, Group, NumberInput, PasswordInput, Radio, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SmtpSettingsInput } from '../../../shared/copies/email';
import type { BridgeError } from '../../../shared/errors';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { useBridgeQuery } from '../../hooks/useBridgeQuery';
import { useDates } from '../../hooks/useDates';
import { PageLoading } from '../../shell/PageLoading';
import { SettingsSection } from '../SettingsSection';

const blank: SmtpSettingsInput = { host: '', port: 587, security: 'starttls', user: '', password: '', fromAddress: '' };

/**
 * The clinic's own mail account for e-mail copies, and the outbox of messages still waiting. The
 * password is sent once to be stored in the encrypted store and never shown again.
 */
export function EmailSettingsPanel() {
  const { t } = useTranslation();
  const dates = useDates();
  const stored = useBridgeQuery('email.settings', {});
  const outbox = useBridgeQuery('email.outbox', {});
  const [draft, setDraft] = useState<SmtpSettingsInput | null>(null);
  const [passwordSaved, setPasswordSaved] = useState(false);
  const [busy, setBusy] = useState<'save' | 'send' | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  useEffect(() => {
    if (stored.loading) return;
    const { passwordSaved: saved = false, ...view } = stored.data ?? { ...blank, passwordSaved: false };
    setDraft({ ...view, password: '' });
    setPasswordSaved(saved);
  }, [stored.data, stored.loading]);
  if (!draft) return stored.error ? <ErrorAlert error={stored.error} /> : <PageLoading />;
  const set = <K extends keyof SmtpSettingsInput>(key: K, value: SmtpSettingsInput[K]) => setDraft({ ...draft, [key]: value });

  const save = async () => {
    setBusy('save');
    setFailure(null);
    try {
      const view = await call('email.updateSettings', draft);
      setDraft({ ...draft, password: '' });
      setPasswordSaved(view.passwordSaved);
      notifySuccess(t('copies.emailSettings.savedTitle'), t('copies.emailSettings.savedMessage'));
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(null);
    }
  };
  const sendNow = async () => {
    setBusy('send');
    setFailure(null);
    try {
      const { sent, waiting } = await call('email.sendNow', {});
      notifySuccess(t('copies.outbox.sentTitle'), t('copies.outbox.sentMessage', { sent, waiting }));
      await outbox.reload();
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="xl">
      <SettingsSection title={t('copies.emailSettings.title')} description={t('copies.emailSettings.intro')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('copies.emailSettings.host')} value={draft.host} onChange={(event) => set('host', event.currentTarget.value)} />
          <NumberInput
            label={t('copies.emailSettings.port')}
            value={draft.port}
            min={1}
            max={65535}
            allowDecimal={false}
            onChange={(value) => set('port', typeof value === 'number' ? value : Number(value) || 0)}
          />
        </SimpleGrid>
        <Radio.Group label={t('copies.emailSettings.security')} value={draft.security} onChange={(value) => set('security', value as SmtpSettingsInput['security'])}>
          <Group gap="lg" mt={6}>
            <Radio value="tls" label={t('copies.emailSettings.tls')} />
            <Radio value="starttls" label={t('copies.emailSettings.starttls')} />
            <Radio value="none" label={t('copies.emailSettings.none')} />
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('copies.emailSettings.user')} value={draft.user} onChange={(event) => set('user', event.currentTarget.value)} autoComplete="off" />
          <PasswordInput
            label={t('copies.emailSettings.password')}
            description={passwordSaved ? t('copies.emailSettings.passwordKept') : undefined}
            value={draft.password}
            onChange={(event) => set('password', event.currentTarget.value)}
            autoComplete="new-password"
          />
        </SimpleGrid>
        <TextInput label={t('copies.emailSettings.from')} value={draft.fromAddress} onChange={(event) => set('fromAddress', event.currentTarget.value)} />
        <Group>
          <Button onClick={() => void save()} loading={busy === 'save'} disabled={busy === 'send'}>
            {t('copies.emailSettings.save')}
          </Button>
        </Group>
      </SettingsSection>
      <SettingsSection title={t('copies.outbox.title')} description={t('copies.outbox.intro')}>
        {outbox.data && outbox.data.length > 0 ? (
          <Table aria-label={t('copies.outbox.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('copies.outbox.what')}</Table.Th>
                <Table.Th>{t('copies.outbox.to')}</Table.Th>
                <Table.Th>{t('copies.outbox.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outbox.data.map((message) => (
                <Table.Tr key={message.id}>
                  <Table.Td>{message.what}</Table.Td>
                  <Table.Td>{message.to}</Table.Td>
                  <Table.Td>
                    {message.attempts === 0
                      ? t('copies.outbox.queued', { when: dates.dateTime(message.queuedAt) })
                      : t('copies.outbox.failed', { count: message.attempts, problem: message.lastError ?? '', next: dates.dateTime(message.nextAttemptAt) })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm">{t('copies.outbox.empty')}</Text>
        )}
        <Group>
          <Button variant="default" onClick={() => void sendNow()} loading={busy === 'send'} disabled={busy === 'save' || !outbox.data?.length}>
            {t('copies.outbox.sendNow')}
          </Button>
        </Group>
        <ErrorAlert error={failure ?? outbox.error} />
      </SettingsSection>
    </Stack>
  );
}
