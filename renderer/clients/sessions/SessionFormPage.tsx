import { Alert, Button, Checkbox, Group, List, Paper, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconCalendarEvent, IconInfoCircle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TreatmentSessionView } from '../../../shared/clinical/records';
import { clinicalEndpoints, overrideReasonMax, sessionReactionMax } from '../../../shared/clinical/session';
import type { ScreeningState } from '../../../shared/contract/client-channels';
import { isCalendarDate } from '../../../shared/dates';
import type { BridgeError } from '../../../shared/errors';
import { notifySuccess } from '../../app/notify';
import { useSession } from '../../app/session-context';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { errorText } from '../../bridge/error-text';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { DateField } from '../../forms/DateField';
import { LengthHint } from '../../forms/LengthHint';
import { TimeField } from '../../forms/TimeField';
import { SaveBar } from '../../forms/SaveBar';
import { useTranslatedResolver } from '../../forms/translated-resolver';
import { useDates } from '../../hooks/useDates';
import { useNavigation } from '../../shell/navigation';
import { PageLoading } from '../../shell/PageLoading';
import { PageTitle } from '../../shell/PageTitle';
import { addWeeksIso, clientName, localIsoDate } from '../client-text';
import { indicationText } from '../courses/indication';
import { AlertLists } from '../screening/AlertLists';
import { ScreeningPanel } from '../screening/ScreeningPanel';
import { Aftercare } from './Aftercare';
import { AreasField } from './AreasField';
import { consentCovers } from '../../../shared/clinical/exceptions';
import { Expiry, lotsByExpiry } from '../../../shared/clinical/expiry';
import { Checklist } from './Checklist';
import { savedConsentState, sessionChecklist, type ChecklistState } from './checklist';
import { ConsentGate } from './ConsentGate';
import { ExpiryField } from './ExpiryField';
import { useConsentStatus } from '../../consents/needed/useConsentStatus';
import { DepthConfirmDialog, type DeepArea } from './DepthConfirmDialog';
import { NotesField } from './NotesField';
import { ProductsField } from './ProductsField';
import { StockLotPicker, type PickedLot } from './StockLotPicker';
import { useStockLots } from '../../stock/useStockLots';
import { expiryText } from './ExpiryField';
import { blankSession, deepAreas, isSameDay, SessionFormValues, toRecord, valuesOf } from './session-form';
import classes from './SessionFormPage.module.css';
import { useSessionBeforePhotos } from './useSessionBeforePhotos';
import { useSessionFormData, type SessionFormData } from './useSessionFormData';

/**
 * Recording a treatment session (or changing one: in place on the day, as an amendment with a
 * reason later). A stop in the medical history blocks a new session until an override is recorded.
 */
export default function SessionFormPage({ clientId, sessionId, courseId }: { clientId: string; sessionId: string | null; courseId?: string }) {
  const { data, failure, setScreening } = useSessionFormData(clientId, sessionId);
  if (!data) return failure ? <ErrorAlert error={failure} /> : <PageLoading />;
  return <SessionForm {...data} onScreening={setScreening} courseId={courseId} />;
}

function Section({ title, children, id, aside }: { title: string; children: ReactNode; id: string; aside?: ReactNode }) {
  return (
    <Paper withBorder p="lg" bg="white" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {aside}
      </Group>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

function SessionForm({ profile, depths, historyDates, session, onScreening, courseId }: SessionFormData & { onScreening: (state: ScreeningState) => void; courseId?: string | undefined }) {
  const { t } = useTranslation();
  const { staff } = useSession();
  const { go } = useNavigation();
  const dates = useDates();
  const { client, screening } = profile;
  const name = clientName(client);
  const editing = session !== null;
  const [amending, setAmending] = useState(editing && !isSameDay(session));
  const activeCourses = profile.courses.filter((course) => course.status === 'active' || course.id === session?.courseId);
  const form = useForm<SessionFormValues>({
    resolver: useTranslatedResolver(SessionFormValues),
    defaultValues: session
      ? valuesOf(session.record, session.courseId)
      : blankSession(
          // The diary's appointment names its course; otherwise a client's only active course.
          activeCourses.find((course) => course.id === courseId)?.id ?? (activeCourses.length === 1 ? (activeCourses[0]?.id ?? '') : ''),
        ),
  });
  const { errors, isSubmitting } = form.formState;
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [confirming, setConfirming] = useState<{ values: SessionFormValues; areas: DeepArea[]; message: string | null } | null>(null);
  const [saving, setSaving] = useState(false);
  const watched = useWatch({ control: form.control }) as SessionFormValues;
  const consent = useConsentStatus(client.id);
  const [noConsentReason, setNoConsentReason] = useState<string | null>(null);
  const back = () => go({ page: 'client', clientId: client.id, profileTab: 'treatments' });
  const performedDay = watched.performedOn && isCalendarDate(watched.performedOn) ? watched.performedOn : null;
  const beforePhotos = useSessionBeforePhotos(client.id, session?.id ?? null, performedDay);
  const consentStatus = consent.data?.microneedling ?? null;
  // A new session needs the treatment consent valid on its day; a change keeps what the session was saved on.
  const consentCovered = consentStatus ? consentCovers(consentStatus, performedDay ?? localIsoDate(new Date())) : null;
  const needsConsentOverride = !editing && consentCovered === false;
  const today = localIsoDate(new Date());
  const overrideToday = screening?.override && !screening.blocked && localIsoDate(new Date(screening.override.overriddenAt)) === today ? screening.override : null;
  const stockLots = useStockLots();
  /** A lot picked from stock fills the fields as the catalogue has them; clearing the pick leaves the fields to type. */
  const pickLot = (where: 'cartridge' | `products.${number}`, lot: PickedLot | null) => {
    if (lot) {
      form.setValue(`${where}.name`, lot.name, { shouldValidate: form.formState.isSubmitted });
      form.setValue(`${where}.lot`, lot.lot, { shouldValidate: form.formState.isSubmitted });
      form.setValue(`${where}.expiry`, lot.expiry);
    }
    form.setValue(`${where}.stockLotId`, lot?.stockLotId ?? null);
  };
  /** Typing over a picked lot makes it a typed one: the session then takes nothing off the shelf. */
  const typedBy = (where: 'cartridge' | `products.${number}`) => {
    if (form.getValues(`${where}.stockLotId`)) form.setValue(`${where}.stockLotId`, null);
  };
  const expiredLots = lotsByExpiry(
    {
      cartridge: watched.cartridge ? { name: watched.cartridge.name ?? '', lot: watched.cartridge.lot ?? '', expiry: typedExpiry(watched.cartridge.expiry) } : null,
      products: (watched.products ?? []).map((product) => ({ name: product.name ?? '', lot: product.lot ?? '', expiry: typedExpiry(product.expiry) })),
    },
    performedDay ?? today,
  ).expired.filter((lot) => !session?.basis?.exceptions.some((old) => old.kind === 'expired-lot' && old.lot === lot.lot && old.expiry === lot.expiry));

  if (!editing && screening?.blocked) {
    return (
      <Stack gap="lg">
        <Header name={name} onBack={back} title={t('sessionForm.newTitle', { name })} />
        <Alert color="red" variant="light" title={t('sessionForm.blockedTitle')} role="alert">
          {t('sessionForm.blocked')}
        </Alert>
        <ScreeningPanel clientId={client.id} screening={screening} onChanged={onScreening} />
      </Stack>
    );
  }

  if (needsConsentOverride && noConsentReason === null && !screening?.blocked) {
    return (
      <Stack gap="lg">
        <Header name={name} onBack={back} title={t('sessionForm.newTitle', { name })} />
        <ConsentGate clientId={client.id} status={consentStatus} reason={null} onReason={setNoConsentReason} />
      </Stack>
    );
  }

  const save = async (values: SessionFormValues, depthsConfirmed: boolean) => {
    setFailure(null);
    setSaving(true);
    const parsed = SessionFormValues.parse(values);
    const expiredLotReason = expiredLots.length > 0 ? parsed.expiredLotReason || null : null;
    try {
      if (session) {
        await call('sessions.change', { id: session.id, record: toRecord(parsed), reason: amending ? parsed.reason : null, depthsConfirmed, expiredLotReason });
        notifySuccess(amending ? t('sessionForm.amendedTitle') : t('sessionForm.changedTitle'), t('sessionForm.savedMessage'));
      } else {
        await call('sessions.record', {
          clientId: client.id,
          courseId: parsed.courseId || null,
          record: toRecord(parsed),
          depthsConfirmed,
          noConsentReason: needsConsentOverride ? noConsentReason : null,
          expiredLotReason,
        });
        notifySuccess(t('sessionForm.savedTitle'), t('sessionForm.savedMessage'));
      }
      setConfirming(null);
      back();
    } catch (error) {
      const bridgeError = asBridgeError(error);
      setConfirming(null);
      if (bridgeError.code === 'NEEDS_CONFIRMATION' && session && !amending) {
        // The session turned out to be from an earlier day: the change needs a reason.
        setAmending(true);
        form.setError('reason', { type: 'server', message: errorText(t, bridgeError) });
      } else if (bridgeError.code === 'NEEDS_CONFIRMATION' && !depthsConfirmed) {
        setConfirming({ values, areas: [], message: errorText(t, bridgeError) });
      } else setFailure(bridgeError);
    } finally {
      setSaving(false);
    }
  };

  // An expired lot without a reason is refused with the other field problems, not after them.
  const lotReasonMissing = (reason: string | undefined) => {
    if (expiredLots.length === 0 || (reason ?? '').trim().length >= 5) return false;
    form.setError('expiredLotReason', { type: 'required', message: t('sessionBasis.expiry.overrideRequired') });
    return true;
  };
  const submit = form.handleSubmit(
    async (values) => {
      if (amending && !values.reason?.trim()) {
        form.setError('reason', { type: 'required', message: t('sessionForm.reasonRequired') });
        form.setFocus('reason');
        return;
      }
      if (lotReasonMissing(values.expiredLotReason)) {
        form.setFocus('expiredLotReason');
        return;
      }
      const deep = deepAreas(values.areas, depths);
      if (deep.length > 0) setConfirming({ values, areas: deep, message: null });
      else await save(values, false);
    },
    () => void lotReasonMissing(form.getValues('expiredLotReason')),
  );

  const course = activeCourses.find((candidate) => candidate.id === watched.courseId) ?? null;
  const nextDate = course && performedDay ? addWeeksIso(performedDay, course.intervalWeeks) : null;
  const sessionNumber = course ? course.sessionsDone + (session?.courseId === course.id ? 0 : 1) : 0;
  const checklist = sessionChecklist(
    {
      performedAt: performedDay ?? localIsoDate(new Date()),
      products: watched.products ?? [],
      cartridge: watched.cartridge?.name || watched.cartridge?.lot ? { name: watched.cartridge.name, lot: watched.cartridge.lot, expiry: null } : null,
      notes: watched.notes ?? '',
      aftercareGiven: watched.aftercareGiven ?? false,
    },
    historyDates,
    { consent: checklistConsent(editing ? session : null, consentCovered, noConsentReason), beforePhotos },
  );
  const title = editing ? (amending ? t('sessionForm.amendTitle', { name }) : t('sessionForm.editTitle', { name })) : t('sessionForm.newTitle', { name });

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="lg">
        <Header name={name} onBack={back} title={title} />
        {amending && session ? (
          <Paper withBorder p="lg" bg="white" className={classes.amend}>
            <Stack gap="sm">
              <Text>{t('sessionForm.amendIntro', { date: dates.dateTime(session.createdAt) })}</Text>
              <Textarea
                label={t('sessionForm.reason')}
                description={<LengthHint length={(watched.reason ?? '').length} max={overrideReasonMax} />}
                withAsterisk
                autosize
                minRows={2}
                maxRows={8}
                error={errors.reason?.message}
                {...form.register('reason')}
              />
            </Stack>
          </Paper>
        ) : null}
        {needsConsentOverride ? <ConsentGate clientId={client.id} status={consentStatus} reason={noConsentReason} onReason={setNoConsentReason} /> : null}
        {overrideToday ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconInfoCircle aria-hidden />}
            title={t('sessionBasis.screeningInForce.title')}
            role="region"
            aria-label={t('sessionBasis.screeningInForce.title')}
          >
            {t('sessionBasis.screeningInForce.text', {
              name: overrideToday.overriddenByName,
              time: dates.dateTime(overrideToday.overriddenAt),
              stops: overrideToday.rules.map((rule) => t(`screening.rules.${rule}` as 'screening.rules.sunburn', { defaultValue: rule })).join('; '),
              reason: overrideToday.reason,
            })}
          </Alert>
        ) : null}
        {screening && screening.alerts.some((alert) => !overrideToday || !overrideToday.rules.includes(alert.rule)) ? (
          <AlertLists alerts={screening.alerts.filter((alert) => !overrideToday || !overrideToday.rules.includes(alert.rule))} />
        ) : null}
        {screening && !screening.latest ? (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('sessionForm.noHistoryTitle')}>
            {t('sessionForm.noHistory')}
          </Alert>
        ) : null}
        <Stack gap="lg">
          <Section title={t('sessionForm.sections.when')} id="session-when">
            <SimpleGrid cols={2} spacing="lg">
              <Group grow align="flex-start" gap="md">
                <Controller
                  control={form.control}
                  name="performedOn"
                  render={({ field }) => (
                    <DateField label={t('sessionForm.performedOn')} withAsterisk value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} error={errors.performedOn?.message} />
                  )}
                />
                <Controller
                  control={form.control}
                  name="performedTime"
                  render={({ field }) => (
                    <TimeField label={t('sessionForm.performedTime')} withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={errors.performedTime?.message} />
                  )}
                />
              </Group>
              <TextInput label={t('sessionForm.practitioner')} value={session?.practitionerName ?? staff.name} readOnly variant="filled" />
            </SimpleGrid>
            <Controller
              control={form.control}
              name="courseId"
              render={({ field }) => (
                <Select
                  label={t('sessionForm.course')}
                  description={editing ? t('sessionForm.courseFixed') : activeCourses.length === 0 ? t('sessionForm.noCourses') : undefined}
                  data={[
                    { value: '', label: t('sessionForm.noCourse') },
                    ...activeCourses.map((option) => ({
                      value: option.id,
                      label: t('sessionForm.courseOption', { indication: indicationText(t, option.indication), done: option.sessionsDone, planned: option.plannedSessions }),
                    })),
                  ]}
                  value={field.value}
                  onChange={(value) => field.onChange(value ?? '')}
                  allowDeselect={false}
                  disabled={editing}
                />
              )}
            />
          </Section>

          <Section title={t('sessionForm.sections.device')} id="session-device">
            <Controller
              control={form.control}
              name="device.kind"
              render={({ field }) => (
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="device-kind-label">
                    {t('sessionForm.deviceKind')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="device-kind-label"
                    w="fit-content"
                    data={[
                      { value: 'pen', label: t('sessionForm.pen') },
                      { value: 'roller', label: t('sessionForm.roller') },
                    ]}
                    value={field.value}
                    onChange={field.onChange}
                  />
                </Stack>
              )}
            />
            <SimpleGrid cols={3} spacing="lg">
              <TextInput label={t('sessionForm.make')} error={errors.device?.make?.message} {...form.register('device.make')} />
              <TextInput label={t('sessionForm.model')} error={errors.device?.model?.message} {...form.register('device.model')} />
              <TextInput label={t('sessionForm.settings')} placeholder={t('sessionForm.settingsPlaceholder')} error={errors.device?.settings?.message} {...form.register('device.settings')} />
            </SimpleGrid>
            <StockLotPicker
              label={t('stock.picker.cartridge')}
              lots={stockLots}
              cartridges
              value={watched.cartridge?.stockLotId ?? null}
              typedName={watched.cartridge?.name ?? ''}
              sessionDay={performedDay ?? today}
              onPick={(lot) => pickLot('cartridge', lot)}
            />
            <SimpleGrid cols={3} spacing="lg">
              <TextInput
                label={t('sessionForm.cartridge')}
                placeholder={t('sessionForm.cartridgePlaceholder')}
                error={errors.cartridge?.name?.message}
                {...form.register('cartridge.name', { onChange: () => typedBy('cartridge') })}
              />
              <TextInput label={t('sessionForm.cartridgeLot')} error={errors.cartridge?.lot?.message} {...form.register('cartridge.lot', { onChange: () => typedBy('cartridge') })} />
              <Controller
                control={form.control}
                name="cartridge.expiry"
                render={({ field, fieldState }) => (
                  <ExpiryField
                    label={t('sessionForm.cartridgeExpiry')}
                    sessionDay={performedDay}
                    value={field.value ?? null}
                    onChange={(value) => {
                      if (value !== field.value) typedBy('cartridge');
                      field.onChange(value);
                    }}
                    onBlur={field.onBlur}
                    error={fieldState.error?.message}
                  />
                )}
              />
            </SimpleGrid>
          </Section>

          <Section title={t('sessionForm.sections.prep')} id="session-prep">
            <SimpleGrid cols={2} spacing="lg">
              <TextInput
                label={t('sessionForm.anaesthetic')}
                placeholder={t('sessionForm.anaestheticPlaceholder')}
                error={errors.anaesthetic?.product?.message}
                {...form.register('anaesthetic.product')}
              />
              <Controller
                control={form.control}
                name="anaesthetic.appliedAt"
                render={({ field }) => (
                  <TimeField label={t('sessionForm.anaestheticAt')} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={errors.anaesthetic?.appliedAt?.message} />
                )}
              />
            </SimpleGrid>
            <TextInput label={t('sessionForm.skinPrep')} placeholder={t('sessionForm.skinPrepPlaceholder')} error={errors.skinPrep?.message} {...form.register('skinPrep')} />
          </Section>

          <Section title={t('sessionForm.sections.areas')} id="session-areas">
            <Text size="sm" c="dimmed">
              {t('sessionForm.areasHint')}
            </Text>
            <AreasField control={form.control} depths={depths} errors={errors} />
          </Section>

          <Section title={t('sessionForm.sections.products')} id="session-products">
            <ProductsField control={form.control} register={form.register} errors={errors} sessionDay={performedDay} stockLots={stockLots} onPick={pickLot} onTyped={typedBy} />
          </Section>
          {expiredLots.length > 0 ? (
            <Alert color="red" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('sessionBasis.expiry.overrideTitle')} role="region" aria-label={t('sessionBasis.expiry.overrideTitle')}>
              <Stack gap="sm">
                <Text size="sm">{t('sessionBasis.expiry.overrideText')}</Text>
                <List size="sm">
                  {expiredLots.map((lot) => (
                    <List.Item key={`${lot.kind}-${lot.lot}`}>
                      {[lot.name, t('treatments.lotNumber', { lot: lot.lot }), lot.expiry ? expiryText(lot.expiry, dates) : ''].filter(Boolean).join(' · ')}
                    </List.Item>
                  ))}
                </List>
                <Textarea
                  label={t('sessionBasis.expiry.overrideReason')}
                  description={<LengthHint length={(watched.expiredLotReason ?? '').length} max={overrideReasonMax} />}
                  withAsterisk
                  autosize
                  minRows={2}
                  maxRows={8}
                  error={errors.expiredLotReason?.message}
                  {...form.register('expiredLotReason')}
                />
              </Stack>
            </Alert>
          ) : null}

          <Section title={t('sessionForm.sections.outcome')} id="session-outcome">
            <Controller
              control={form.control}
              name="endpoint"
              render={({ field }) => (
                <Radio.Group label={t('sessionForm.endpoint')} value={field.value} onChange={field.onChange}>
                  <Group mt="xs" gap="xl">
                    {clinicalEndpoints.map((endpoint) => (
                      <Radio key={endpoint} value={endpoint} label={t(`sessionForm.endpoints.${endpoint}`)} />
                    ))}
                  </Group>
                </Radio.Group>
              )}
            />
            <Textarea
              label={t('sessionForm.reaction')}
              description={<LengthHint length={(watched.immediateReaction ?? '').length} max={sessionReactionMax} />}
              placeholder={t('sessionForm.reactionPlaceholder')}
              autosize
              minRows={2}
              maxRows={8}
              error={errors.immediateReaction?.message}
              {...form.register('immediateReaction')}
            />
            <Controller
              control={form.control}
              name="aftercareGiven"
              render={({ field }) => <Checkbox label={t('sessionForm.aftercareGiven')} checked={field.value} onChange={(event) => field.onChange(event.currentTarget.checked)} />}
            />
            <Aftercare clientId={client.id} />
            <Controller
              control={form.control}
              name="notes"
              render={({ field, fieldState }) => <NotesField value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />}
            />
          </Section>
          <SimpleGrid cols={2} spacing="lg">
            <Paper withBorder p="lg" bg="white">
              <Checklist states={checklist} title={t('checklist.title')} />
            </Paper>
            <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="next-title">
              <Group gap="xs" mb="xs" wrap="nowrap">
                <IconCalendarEvent size={20} aria-hidden color="var(--mantine-color-sage-7)" />
                <Title order={2} size="h5" id="next-title">
                  {t('sessionForm.next.title')}
                </Title>
              </Group>
              {course && nextDate ? (
                <Stack gap={4}>
                  <Text fw={600}>{dates.long(nextDate)}</Text>
                  <Text size="sm" c="dimmed">
                    {sessionNumber >= course.plannedSessions
                      ? t('sessionForm.next.last', { number: sessionNumber, planned: course.plannedSessions })
                      : t('sessionForm.next.after', { count: course.intervalWeeks, number: sessionNumber, planned: course.plannedSessions })}
                  </Text>
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('sessionForm.next.noCourse')}
                </Text>
              )}
            </Paper>
          </SimpleGrid>
        </Stack>
        <ErrorAlert error={failure} />
        <SaveBar>
          <Button variant="default" onClick={back} disabled={isSubmitting || saving}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting || saving}>
            {editing ? (amending ? t('sessionForm.saveAmendment') : t('common.saveChanges')) : t('sessionForm.save')}
          </Button>
        </SaveBar>
      </Stack>
      <DepthConfirmDialog
        areas={confirming ? confirming.areas : null}
        message={confirming?.message ?? null}
        saving={saving}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && void save(confirming.values, true)}
      />
    </form>
  );
}

function Header({ name, title, onBack }: { name: string; title: string; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <div>
      <Button variant="subtle" size="compact-md" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} mb="xs">
        {t('profile.backTo', { name })}
      </Button>
      <PageTitle title={title} />
    </div>
  );
}

/** The checklist's consent item: what a saved session stored, or for a new one today's consent (or the override). */
function checklistConsent(session: TreatmentSessionView | null, covered: boolean | null, overrideReason: string | null): ChecklistState | undefined {
  if (session) return savedConsentState(session.basis);
  if (covered === null) return undefined;
  return covered ? 'done' : overrideReason !== null ? 'override' : 'missing';
}

/** An expiry the field understood; text still being typed counts as none. */
function typedExpiry(value: unknown): string | null {
  const parsed = Expiry.safeParse(value);
  return parsed.success ? parsed.data : null;
}
