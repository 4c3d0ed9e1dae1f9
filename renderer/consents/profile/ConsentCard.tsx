import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconBan } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentSummary } from '../../../shared/contract/consent-channels';
import { versionLabel } from '../../../shared/consents/template';
import { useDates } from '../../hooks/useDates';
import { ConsentFileActions } from '../parts/ConsentFileActions';
import { warmText } from '../../clients/badge-colors';
import { WithdrawDialog } from './WithdrawDialog';

const photographyOrder = ['clinicalRecord', 'teaching', 'marketingFaceVisible', 'marketingFaceHidden'] as const;

/**
 * One signed consent: what and which version, who signed when, whether it still counts, the
 * photography choices, and every withdrawal as its own dated record. The PDF cannot be shown
 * inside the window (its security policy allows no embedded documents), so the card shows what
 * the PDF holds and offers Print and Save as PDF….
 */
export function ConsentCard({ consent, onChanged }: { consent: ConsentSummary; onChanged: () => void }) {
  const { t } = useTranslation();
  const dates = useDates();
  const [withdrawing, setWithdrawing] = useState(false);
  const headingId = `consent-${consent.id}`;
  const withdrawnWhole = consent.withdrawals.some((withdrawal) => withdrawal.parts.includes('consent'));
  const declined = consent.state === 'declined';
  // A refused statement is listed once, under what the client did not agree to.
  const flagged = consent.flaggedQuestions.filter((label) => !consent.refusedStatements.includes(label));
  // When each photography use stopped being allowed (a later withdrawal of it, or of the whole consent).
  const withdrawnAt = (choice: (typeof photographyOrder)[number]) =>
    consent.withdrawals.find((withdrawal) => withdrawal.parts.includes(choice) || withdrawal.parts.includes('consent'))?.withdrawnAt ?? null;

  return (
    <Paper withBorder p="lg" bg="white" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={3} size="h4" id={headingId}>
              {consent.title}
            </Title>
            <Text size="sm" c="dimmed">
              {t('consents.tab.versionSigned', { version: versionLabel(consent.version), date: dates.dateTime(consent.signedAt) })}
            </Text>
          </div>
          {declined ? (
            <Badge size="lg" variant="filled" color="red.8" style={{ flexShrink: 0 }}>
              {t('consents.tab.declined')}
            </Badge>
          ) : (
            <Badge size="lg" variant="light" color={consent.state === 'valid' ? 'sage' : 'orange'} c={consent.state === 'valid' ? undefined : warmText} style={{ flexShrink: 0 }}>
              {consent.state === 'valid' ? t('consents.tab.valid', { date: dates.day(consent.validUntil) }) : t(`consents.tab.stale.${consent.staleReason ?? 'expired'}`)}
            </Badge>
          )}
        </Group>
        {declined ? (
          <Alert color="red" variant="light" icon={<IconBan aria-hidden />} title={t('consents.tab.refusedTitle')}>
            {consent.refusedStatements.length > 0 ? (
              <List size="sm" spacing={2} mb={6}>
                {consent.refusedStatements.map((label) => (
                  <List.Item key={label}>{label}</List.Item>
                ))}
              </List>
            ) : null}
            <Text size="sm">{t('consents.tab.declinedNote')}</Text>
          </Alert>
        ) : null}
        <Text size="sm">
          {consent.signers.map((signer) => t('consents.tab.signer', { name: signer.name, role: t(`consents.roles.${signer.role}`), time: dates.dateTime(signer.signedAt) })).join(' · ')}
        </Text>
        {flagged.length > 0 ? (
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('consents.tab.flagged')}
            </Text>
            <List size="sm" c="dimmed" spacing={2}>
              {flagged.map((label) => (
                <List.Item key={label}>{label}</List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
        {consent.photography ? (
          <List size="sm" spacing={2}>
            {photographyOrder.map((choice) => {
              const stopped = withdrawnAt(choice);
              const allowed = consent.photography?.[choice] === true && !declined;
              return (
                <List.Item key={choice}>
                  {t(`consents.photoChoices.${choice}`)}:{' '}
                  {allowed && stopped ? t('consents.tab.choiceWithdrawn', { date: dates.dateTime(stopped) }) : allowed ? t('consents.review.allowed') : t('consents.review.refused')}
                </List.Item>
              );
            })}
          </List>
        ) : null}
        {consent.withdrawals.length > 0 ? (
          <Stack gap={4} component="section" aria-label={t('consents.tab.withdrawalsTitle')}>
            <Text fw={600} size="sm">
              {t('consents.tab.withdrawalsTitle')}
            </Text>
            <List size="sm" spacing={2}>
              {consent.withdrawals.map((withdrawal) => (
                <List.Item key={withdrawal.id}>
                  {t('consents.tab.withdrawal', {
                    date: dates.dateTime(withdrawal.withdrawnAt),
                    parts: withdrawal.parts.map((part) => t(`consents.withdraw.parts.${part}`)).join(', '),
                    name: withdrawal.recordedByName,
                  })}
                  {withdrawal.note ? ` “${withdrawal.note}”` : ''}
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('consents.tab.integrity', { hash: consent.formHashShort, sha: consent.pdfSha256.slice(0, 16) })}
        </Text>
        <Group justify="space-between" mt={4}>
          <ConsentFileActions consentId={consent.id} withAftercare={consent.sessionId !== null} size="sm" />
          {declined ? null : (
            <Button size="sm" variant="subtle" color="red" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setWithdrawing(true)} disabled={withdrawnWhole}>
              {t('consents.withdraw.open')}
            </Button>
          )}
        </Group>
      </Stack>
      <WithdrawDialog
        consent={consent}
        opened={withdrawing}
        onClose={() => setWithdrawing(false)}
        onWithdrawn={() => {
          setWithdrawing(false);
          onChanged();
        }}
      />
    </Paper>
  );
}
