import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck, IconClipboardCheck, IconHandStop } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { MedicalHistoryEntryView } from '../../../shared/clinical/records';
import type { ClientProfile } from '../../../shared/contract/client-channels';
import type { BridgeError } from '../../../shared/errors';
import { blankMedicalHistory, MedicalHistoryAnswers, type QuestionKey } from '../../../shared/screening/medical-history';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { SaveBar } from '../../forms/SaveBar';
import { useTranslatedResolver } from '../../forms/translated-resolver';
import { useDates } from '../../hooks/useDates';
import { useNavigation } from '../../shell/navigation';
import { PageLoading } from '../../shell/PageLoading';
import { PageTitle } from '../../shell/PageTitle';
import { clientName } from '../client-text';
import { AlertLists } from '../screening/AlertLists';
import { IncompleteList } from '../screening/IncompleteList';
import classes from './MedicalHistoryForm.module.css';
import { QuestionField, type Carried } from './QuestionField';
import { questionOrder, questionSections, type QuestionSection } from './questions';
import { historyIncomplete } from '../../../shared/screening/rules';

/**
 * The questionnaire. Nothing is pre-filled for a first history. An update starts from the latest
 * answers, each marked "from DATE" until the practitioner confirms it with the client (section by
 * section) or changes it; saving adds a new dated entry that records which answers were confirmed.
 */
export default function MedicalHistoryFormPage({ clientId }: { clientId: string }) {
  const [loaded, setLoaded] = useState<{ profile: ClientProfile; latest: MedicalHistoryEntryView | null } | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  useEffect(() => {
    Promise.all([call('clients.profile', { id: clientId }), call('medicalHistory.list', { clientId })])
      .then(([profile, entries]) => setLoaded({ profile, latest: entries[0] ?? null }))
      .catch((error: unknown) => setFailure(asBridgeError(error)));
  }, [clientId]);
  if (!loaded) return failure ? <ErrorAlert error={failure} /> : <PageLoading />;
  return <HistoryForm profile={loaded.profile} latest={loaded.latest} />;
}

type AnswersInput = z.input<typeof MedicalHistoryAnswers>;

/** Refusals listed where the practitioner can act on them: each question links to its field. */
interface Refusal {
  kind: 'unanswered' | 'unconfirmed';
  questions: QuestionKey[];
}

function HistoryForm({ profile, latest }: { profile: ClientProfile; latest: MedicalHistoryEntryView | null }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const dates = useDates();
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saved, setSaved] = useState<MedicalHistoryEntryView | null>(null);
  // Carried-forward answers still to confirm, and those confirmed today (an answer changed today is neither).
  const [pending, setPending] = useState<ReadonlySet<QuestionKey>>(() => new Set(latest ? questionOrder.filter((key) => latest.answers[key].answer !== null) : []));
  const [confirmed, setConfirmed] = useState<ReadonlySet<QuestionKey>>(new Set());
  const form = useForm<AnswersInput, unknown, MedicalHistoryAnswers>({
    resolver: useTranslatedResolver(MedicalHistoryAnswers),
    defaultValues: latest?.answers ?? blankMedicalHistory(),
  });
  const { isSubmitting } = form.formState;
  const name = clientName(profile.client);
  const fromDate = latest ? dates.dayOf(latest.recordedAt) : '';
  const back = () => go({ page: 'client', clientId: profile.client.id, profileTab: 'history' });

  const answeredToday = (key: QuestionKey, choice?: string) => {
    if (choice !== undefined) {
      const value = form.getValues(key);
      if ('date' in value && choice !== 'on') form.setValue(`${key}.date` as 'lastChemicalPeel.date', null);
      if ('text' in value && choice !== 'some') form.setValue(`${key}.text` as 'allergies.text', '');
    }
    setPending((current) => without(current, [key]));
    setConfirmed((current) => without(current, [key]));
    form.clearErrors(`${key}.answer`);
  };
  const confirmSection = (section: QuestionSection) => {
    const keys = section.questions.map((question) => question.key).filter((key) => pending.has(key));
    setPending((current) => without(current, keys));
    setConfirmed((current) => new Set([...current, ...keys]));
    for (const key of keys) form.clearErrors(`${key}.answer`);
  };

  const refuse = (next: Refusal, message: string) => {
    setRefusal(next);
    for (const key of next.questions) form.setError(`${key}.answer`, { message });
  };

  const submit = form.handleSubmit(async (answers) => {
    setFailure(null);
    setRefusal(null);
    // Unconfirmed carried-forward answers were not given today: the screen stops here; the main side
    // still refuses any question without an answer.
    const unconfirmed = questionOrder.filter((key) => pending.has(key));
    if (unconfirmed.length > 0) return refuse({ kind: 'unconfirmed', questions: unconfirmed }, t('history.unconfirmedError'));
    try {
      const confirmedNow = latest && confirmed.size > 0 ? { fromEntryId: latest.id, questions: questionOrder.filter((key) => confirmed.has(key)) } : null;
      setSaved(await call('medicalHistory.record', { clientId: profile.client.id, answers, confirmed: confirmedNow }));
      window.scrollTo(0, 0);
    } catch (error) {
      const bridgeError = asBridgeError(error);
      const unanswered = questionOrder.filter((key) => bridgeError.fields?.[`answers.${key}`]);
      if (bridgeError.code === 'INVALID_INPUT' && unanswered.length > 0) refuse({ kind: 'unanswered', questions: unanswered }, t('history.notAnsweredError'));
      else setFailure(bridgeError);
    }
  });

  // The list shrinks as the practitioner answers or confirms: it shows what still stops the save.
  const values = form.watch();
  const still = refusal?.questions.filter((key) => (refusal.kind === 'unconfirmed' ? pending.has(key) : values[key]?.answer == null)) ?? [];
  const openRefusal = refusal && still.length > 0 ? { ...refusal, questions: still } : null;

  if (saved) return <SavedResult entry={saved} name={name} clientId={profile.client.id} />;

  return (
    <form onSubmit={submit} noValidate aria-label={t('history.formTitle', { name })}>
      <Stack gap="lg">
        <div>
          <Button variant="subtle" size="compact-md" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={back} mb="xs">
            {t('profile.backTo', { name })}
          </Button>
          <PageTitle title={t('history.formTitle', { name })} description={latest ? t('history.formIntroUpdate', { date: fromDate }) : t('history.formIntro')} />
        </div>
        {openRefusal ? <RefusalList refusal={openRefusal} fromDate={fromDate} /> : null}
        {questionSections.map((section) => {
          const toConfirm = section.questions.filter((question) => pending.has(question.key)).length;
          const wasConfirmed = section.questions.some((question) => confirmed.has(question.key));
          const carried: Carried = { fromDate, pending, confirmed };
          return (
            <Paper key={section.id} withBorder p="xl" bg="white" component="section" aria-labelledby={`section-${section.id}`}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <div>
                  <Title order={2} size="h4" id={`section-${section.id}`}>
                    {t(`history.sections.${section.id}`)}
                  </Title>
                  <Text size="sm" c="dimmed" mt={4}>
                    {t(`history.sectionHints.${section.id}`)}
                  </Text>
                </div>
                {toConfirm > 0 ? (
                  <Stack gap={4} align="flex-end" className={classes.confirm}>
                    <Button variant="light" leftSection={<IconClipboardCheck size={18} aria-hidden />} onClick={() => confirmSection(section)}>
                      {t('history.confirmSection')}
                    </Button>
                    <Text size="sm" c="#8f3a06">
                      {t('history.sectionToConfirm', { count: toConfirm, date: fromDate })}
                    </Text>
                  </Stack>
                ) : wasConfirmed ? (
                  <Group gap={6} wrap="nowrap" className={classes.confirm}>
                    <IconCircleCheck size={18} color="var(--mantine-color-sage-7)" aria-hidden />
                    <Text size="sm">{t('history.sectionConfirmed')}</Text>
                  </Group>
                ) : null}
              </Group>
              <Stack gap={0} mt="md" className={classes.questions}>
                {section.questions.map((question) => (
                  <QuestionField key={question.key} question={question} control={form.control} carried={carried} onAnswered={answeredToday} />
                ))}
              </Stack>
            </Paper>
          );
        })}
        {openRefusal ? <RefusalList refusal={openRefusal} fromDate={fromDate} /> : null}
        <ErrorAlert error={failure} />
        <SaveBar>
          <Button variant="default" onClick={back} disabled={isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('history.save')}
          </Button>
        </SaveBar>
      </Stack>
    </form>
  );
}

function without(set: ReadonlySet<QuestionKey>, keys: readonly QuestionKey[]): ReadonlySet<QuestionKey> {
  if (!keys.some((key) => set.has(key))) return set;
  const next = new Set(set);
  for (const key of keys) next.delete(key);
  return next;
}

/** The questions that stopped the save, each a link to its field. */
function RefusalList({ refusal, fromDate }: { refusal: Refusal; fromDate: string }) {
  const { t } = useTranslation();
  const count = refusal.questions.length;
  const title = refusal.kind === 'unanswered' ? t('history.refusedTitle', { count }) : t('history.unconfirmedTitle', { count, date: fromDate });
  return (
    <Alert color="red" variant="light" icon={<IconHandStop aria-hidden />} title={title} role="region" aria-label={title}>
      <Text size="sm" mb="xs">
        {refusal.kind === 'unanswered' ? t('history.refusedIntro') : t('history.unconfirmedIntro')}
      </Text>
      <List size="sm" spacing={2} className={classes.refusalList}>
        {refusal.questions.map((key) => (
          <List.Item key={key}>
            <Anchor
              href={`#question-${key}`}
              size="sm"
              c="red.9"
              underline="always"
              onClick={(event) => {
                event.preventDefault();
                const field = document.getElementById(`question-${key}`);
                field?.scrollIntoView({ block: 'center' });
                field?.querySelector<HTMLElement>('input, textarea, button')?.focus({ preventScroll: true });
              }}
            >
              {t(`history.questions.${key}.short`)}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function SavedResult({ entry, name, clientId }: { entry: MedicalHistoryEntryView; name: string; clientId: string }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const dates = useDates();
  const stops = entry.alerts.filter((alert) => alert.level === 'stop').length;
  const incomplete = historyIncomplete(entry.answers);
  return (
    <Stack gap="lg">
      <PageTitle title={t('history.savedTitle', { name })} description={t('history.recordedBy', { when: dates.dateTime(entry.recordedAt), name: entry.recordedByName })} />
      <Paper withBorder p="xl" bg="white">
        <Stack gap="md">
          {entry.alerts.length === 0 ? (
            <Group gap="sm" wrap="nowrap">
              <IconCircleCheck size={24} color="var(--mantine-color-sage-7)" aria-hidden />
              <Text size="lg" role="status">
                {t('history.savedNoAlerts')}
              </Text>
            </Group>
          ) : (
            <>
              <Text size="lg">{stops > 0 ? t('history.savedWithStops') : t('history.savedWithCautions')}</Text>
              <AlertLists alerts={entry.alerts} live stopFooter={incomplete ? <IncompleteList incomplete={incomplete} /> : null} />
            </>
          )}
          <Group>
            <Button onClick={() => go({ page: 'client', clientId })}>{t('profile.backTo', { name })}</Button>
            <Button variant="default" onClick={() => go({ page: 'client', clientId, profileTab: 'history' })}>
              {t('history.viewAnswers')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
