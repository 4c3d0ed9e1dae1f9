import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconBan, IconFlag, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../../shared/contract/client-channels';
import type { ClientPart } from '../../../shared/consents/filled-form';
import { inkProblem, type Ink } from '../../../shared/consents/ink';
import { refusedStatements } from '../../../shared/consents/agreement';
import { flaggedQuestions, versionLabel, type ConsentTemplate } from '../../../shared/consents/template';
import { useSession } from '../../app/session-context';
import { AlertLists } from '../../clients/screening/AlertLists';
import { useDates } from '../../hooks/useDates';
import { answerText } from '../parts/answer-text';
import { InkImage } from '../parts/InkImage';
import { MarkPad } from '../signing/MarkPad';

const photographyOrder = ['clinicalRecord', 'teaching', 'marketingFaceVisible', 'marketingFaceHidden'] as const;

/**
 * The practitioner's look at what the client gave before countersigning: answers that call for a
 * conversation first (flagged by the template), today's contraindication alerts from the client's
 * record, every answer, the photography choices, and the client's marks. Then the countersignature.
 */
export function PractitionerReview({
  template,
  profile,
  part,
  busy,
  onCountersign,
}: {
  template: ConsentTemplate;
  profile: ClientProfile;
  part: ClientPart;
  busy: boolean;
  onCountersign: (ink: Ink) => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const { staff } = useSession();
  const [ink, setInk] = useState<Ink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const content = template.content;
  // The same rule main applies when it stores the form: any must-agree statement not agreed.
  const refused = refusedStatements(content, part.answers, part.photography);
  const refusedIds = new Set(refused.map((statement) => statement.id));
  const declined = refused.length > 0;
  // A refused statement is shown once, in the Declined box.
  const flagged = flaggedQuestions(content, part.answers).filter((question) => !refusedIds.has(question.id));
  const flaggedIds = new Set(flagged.map((question) => question.id));
  const alerts = profile.screening?.alerts ?? [];
  const photographySection = content.sections.find((section) => section.photography);
  const clientMark = part.signatures.guardian ?? part.signatures.client;

  const countersign = () => {
    if (!ink || inkProblem(ink.strokes, 'signature') !== null) {
      setError(t('consents.form.practitionerSignature'));
      return;
    }
    setError(null);
    onCountersign(ink);
  };

  return (
    <Stack gap="lg">
      <div>
        <Group gap="sm" align="center">
          <Title order={1}>{t('consents.review.title')}</Title>
          {declined ? (
            <Badge size="xl" variant="filled" color="red.8">
              {t('consents.review.declinedBadge')}
            </Badge>
          ) : null}
        </Group>
        <Text c="dimmed" size="md">
          {t('consents.review.subtitle', { title: content.title, version: versionLabel(template.version) })}
        </Text>
      </div>

      {declined ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconBan aria-hidden />}
          title={t('consents.review.declinedTitle')}
          role="region"
          aria-label={t('consents.review.declinedTitle')}
          style={{ border: '2px solid var(--mantine-color-red-8)' }}
        >
          <Text size="sm" mb={6}>
            {t('consents.review.declinedText')}
          </Text>
          <List size="sm" spacing={4}>
            {refused.map((statement) => (
              <List.Item key={statement.id}>
                <strong>{statement.label}</strong>
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}

      {flagged.length > 0 ? (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconFlag aria-hidden />}
          title={t('consents.review.flaggedTitle', { count: flagged.length })}
          role="region"
          aria-label={t('consents.review.flaggedTitle', { count: flagged.length })}
        >
          <Text size="sm" mb={6}>
            {t('consents.review.flaggedHint')}
          </Text>
          <List size="sm" spacing={4}>
            {flagged.map((question) => (
              <List.Item key={question.id}>
                <strong>{question.label}</strong> — {answerText(t, dates, question, part.answers[question.id])}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : declined ? null : (
        <Text>{t('consents.review.noFlags')}</Text>
      )}

      {alerts.length > 0 ? (
        <Stack gap="xs" component="section" aria-label={t('consents.review.alertsTitle')}>
          <Title order={2} size="h4">
            {t('consents.review.alertsTitle')}
          </Title>
          <AlertLists alerts={alerts} />
        </Stack>
      ) : null}

      <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="review-answers">
        <Title order={2} size="h4" id="review-answers" mb="sm">
          {t('consents.review.answersTitle')}
        </Title>
        <Table verticalSpacing={6} striped={false}>
          <Table.Tbody>
            {content.sections.flatMap((section) =>
              section.questions.map((question) => (
                <Table.Tr key={question.id}>
                  <Table.Td w="55%">{question.label}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Text size="sm" fw={flaggedIds.has(question.id) ? 600 : 400}>
                        {answerText(t, dates, question, part.answers[question.id])}
                      </Text>
                      {refusedIds.has(question.id) ? (
                        <Badge color="red.8" variant="filled" size="sm" style={{ flexShrink: 0 }}>
                          {t('consents.review.refusedAnswer')}
                        </Badge>
                      ) : flaggedIds.has(question.id) ? (
                        <Badge color="yellow" c="dark.9" variant="light" size="sm" style={{ flexShrink: 0 }}>
                          {t('consents.review.flag')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      </Paper>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        {photographySection?.photography && part.photography ? (
          <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="review-photos">
            <Title order={2} size="h4" id="review-photos" mb="sm">
              {t('consents.review.photographyTitle')}
            </Title>
            <List size="sm" spacing={4}>
              {photographyOrder.map((choice) => (
                <List.Item key={choice}>
                  {part.photography?.[choice] ? t('consents.review.allowed') : t('consents.review.refused')}: {photographySection.photography?.[choice]}
                </List.Item>
              ))}
            </List>
          </Paper>
        ) : null}
        <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="review-marks">
          <Title order={2} size="h4" id="review-marks" mb="sm">
            {t('consents.review.marksTitle')}
          </Title>
          <Text size="sm" mb="xs">
            {t('consents.review.initialled', { count: Object.keys(part.initials).length })}
          </Text>
          {part.guardian ? (
            <Text size="sm" mb="xs">
              {t('consents.review.guardian', { name: part.guardian.name, relationship: part.guardian.relationship })}
            </Text>
          ) : null}
          {clientMark ? <InkImage ink={clientMark.ink} alt={t('consents.review.clientSignatureImage')} height={70} /> : null}
          {part.signatures.witness ? (
            <>
              <Text size="sm" mt="sm" mb="xs">
                {t('consents.review.witness', { name: part.signatures.witness.name })}
              </Text>
              <InkImage ink={part.signatures.witness.ink} alt={t('consents.review.witnessSignatureImage')} height={70} />
            </>
          ) : null}
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="review-countersign">
        <Title order={2} size="h4" id="review-countersign" mb="xs">
          {t('consents.review.countersignTitle')}
        </Title>
        <Text mb="md">{content.signatures.practitioner}</Text>
        <MarkPad
          kind="signature"
          label={t('consents.form.signHere.practitioner')}
          signer={t('consents.form.signer.practitioner', { name: staff.name })}
          error={error ?? undefined}
          height={180}
          onChange={(drawn) => {
            setInk(drawn);
            if (drawn) setError(null);
          }}
        />
        <Group justify="flex-end" mt="md">
          <Button size="md" color={declined ? 'red.8' : undefined} leftSection={<IconSignature size={20} aria-hidden />} onClick={countersign} loading={busy}>
            {declined ? t('consents.review.countersignDeclined') : t('consents.review.countersign')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
