import { Anchor, Autocomplete, Button, Checkbox, Group, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { clientAddressMax, ClientInput, clientInputOf, clientNotesMax, skinConcerns, type Client, type ClientFields } from '../../../shared/clients/client';
import { clientContactFields, type ClientContact, type ClientContactField } from '../../../shared/contract/client-channels';
import type { BridgeError } from '../../../shared/errors';
import { notifySuccess } from '../../app/notify';
import { useSession } from '../../app/session-context';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { FormSection } from '../../forms/FormSection';
import { LengthHint } from '../../forms/LengthHint';
import { SaveBar } from '../../forms/SaveBar';
import { showFieldErrors } from '../../forms/server-errors';
import { useTranslatedResolver, type FieldMessages } from '../../forms/translated-resolver';
import { useNavigation } from '../../shell/navigation';
import { PageLoading } from '../../shell/PageLoading';
import { PageTitle } from '../../shell/PageTitle';
import { ageToday, clientName } from '../client-text';
import { checkDateOfBirth } from '../../../shared/clients/date-of-birth';
import { DateOfBirthField, todayLocal } from './DateOfBirthField';
import { DuplicateWarning } from './DuplicateWarning';
import { fitzpatrickNumerals } from './fitzpatrick';
import { usePossibleDuplicates } from './usePossibleDuplicates';

const blank: ClientFields = {
  firstName: '',
  lastName: '',
  preferredName: '',
  dateOfBirth: null,
  pronouns: '',
  sex: '',
  phone: '',
  email: '',
  address: '',
  emergencyContact: '',
  gp: '',
  referralSource: '',
  fitzpatrick: null,
  concerns: [],
  marketingConsent: false,
  notes: '',
};

const fieldNames = Object.keys(blank) as (keyof ClientFields)[];
const sexes = ['', 'female', 'male', 'intersex', 'not-stated'] as const;
const referralSources = ['recommendation', 'instagram', 'facebook', 'search', 'walkIn', 'otherClinic'] as const;

/**
 * A new client, or an existing one's details; loads the client first when editing. Reception
 * works on contact details only: the form loads the contact view, shows no clinical field and
 * sends only the contact fields it changed, so an edit at the desk never touches the rest.
 */
export default function ClientFormPage({ clientId }: { clientId: string | null }) {
  const { staff } = useSession();
  const clinical = staff.role !== 'reception';
  const [client, setClient] = useState<Client | ClientContact | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  useEffect(() => {
    if (!clientId) return;
    (clinical ? call('clients.profile', { id: clientId }) : call('clients.contact', { id: clientId }))
      .then((profile) => setClient(profile.client))
      .catch((error: unknown) => setFailure(asBridgeError(error)));
  }, [clientId, clinical]);
  if (clientId && !client) return failure ? <ErrorAlert error={failure} /> : <PageLoading />;
  return <ClientForm client={client} clinical={clinical} />;
}

type ContactFields = Pick<ClientFields, ClientContactField>;

/** The contact fields of the form's values, and nothing else. */
function contactPart(values: ClientFields): ContactFields {
  return contactChanges(values, null) as ContactFields;
}

/** The contact fields changed (dirty); all of them when `changed` is null. */
function contactChanges(values: ClientFields, changed: Partial<Record<keyof ClientFields, unknown>> | null): Partial<ContactFields> {
  const part: Partial<Record<ClientContactField, unknown>> = {};
  for (const field of clientContactFields) if (!changed || changed[field]) part[field] = values[field];
  return part as Partial<ContactFields>;
}

function defaultsOf(client: Client | ClientContact | null): ClientFields {
  if (!client) return blank;
  return 'notes' in client ? clientInputOf(client) : { ...blank, ...contactPart({ ...blank, ...client, sex: client.sex as ClientFields['sex'] }) };
}

function ClientForm({ client, clinical }: { client: Client | ClientContact | null; clinical: boolean }) {
  const { t } = useTranslation();
  const { staff } = useSession();
  const { go } = useNavigation();
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [refusedAsDuplicate, setRefusedAsDuplicate] = useState<ClientFields | null>(null);
  const messages = useFieldMessages();
  const form = useForm<ClientInput, unknown, ClientFields>({
    resolver: useTranslatedResolver(ClientInput, messages),
    defaultValues: defaultsOf(client),
  });
  const { errors, isSubmitting, isDirty, dirtyFields } = form.formState;
  const duplicates = usePossibleDuplicates(form.control, client?.id ?? null);
  const dateOfBirth = form.watch('dateOfBirth');
  const notes = form.watch('notes');
  const address = form.watch('address');
  const age = ageToday(dateOfBirth);
  const [dateOfBirthConfirmed, setDateOfBirthConfirmed] = useState(false);
  // An unusual age is asked about once, when the date is typed; the one on file was confirmed then.
  const dateOfBirthChanged = dateOfBirth !== (client?.dateOfBirth ?? null);
  const back = () => (client ? go({ page: 'client', clientId: client.id }) : go({ page: 'clients' }));

  const save = async (values: ClientFields, allowDuplicate: boolean) => {
    setFailure(null);
    try {
      const saved = clinical
        ? client
          ? await call('clients.update', { id: client.id, fields: values, dateOfBirthConfirmed })
          : await call('clients.create', { fields: values, allowDuplicate, dateOfBirthConfirmed })
        : client
          ? await call('clients.updateContact', { id: client.id, fields: contactChanges(values, dirtyFields), dateOfBirthConfirmed })
          : await call('clients.register', { fields: contactPart(values), allowDuplicate, dateOfBirthConfirmed });
      // No name in the notification (they carry no client data); the profile that opens shows it.
      notifySuccess(client ? t('clientForm.savedTitle') : t('clientForm.createdTitle'), client ? t('clientForm.savedMessage') : createdMessage(staff.role));
      go({ page: 'client', clientId: saved.id });
    } catch (error) {
      const bridgeError = asBridgeError(error);
      if (bridgeError.code === 'POSSIBLE_DUPLICATE') {
        setRefusedAsDuplicate(values);
        duplicates.refresh();
      } else if (!showFieldErrors(bridgeError, form.setError, fieldNames)) setFailure(bridgeError);
    }
  };
  const submit = form.handleSubmit((values) => {
    const check = checkDateOfBirth(values.dateOfBirth, todayLocal());
    if (check.verdict === 'confirm' && dateOfBirthChanged && !dateOfBirthConfirmed) {
      form.setError('dateOfBirth', { message: t('clientForm.dob.confirmFirst') });
      return;
    }
    return save(values, false);
  });
  // Reception cannot record a medical history: tell them what happens next, not to do it.
  const createdMessage = (role: typeof staff.role) => (role === 'reception' ? t('clientForm.createdMessageReception') : t('clientForm.createdMessage'));

  return (
    <form onSubmit={submit} noValidate aria-label={client ? t('clientForm.editTitle', { name: clientName(client) }) : t('clientForm.newTitle')}>
      <Stack gap="lg">
        <div>
          <Button variant="subtle" size="compact-md" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={back} mb="xs">
            {client ? t('profile.backTo', { name: clientName(client) }) : t('clients.backToList')}
          </Button>
          <PageTitle title={client ? t('clientForm.editTitle', { name: clientName(client) }) : t('clientForm.newTitle')} description={t('clientForm.intro')} />
        </div>

        <FormSection title={t('clientForm.sections.identity')} description={t('clientForm.sections.identityHint')}>
          <SimpleGrid cols={2} spacing="lg">
            <TextInput label={t('clientForm.firstName')} withAsterisk autoComplete="off" data-autofocus error={errors.firstName?.message} {...form.register('firstName')} />
            <TextInput label={t('clientForm.lastName')} withAsterisk autoComplete="off" error={errors.lastName?.message} {...form.register('lastName')} />
            <TextInput
              label={t('clientForm.preferredName')}
              description={t('clientForm.preferredNameHint')}
              autoComplete="off"
              error={errors.preferredName?.message}
              {...form.register('preferredName')}
            />
            <Controller
              control={form.control}
              name="dateOfBirth"
              render={({ field }) => (
                <DateOfBirthField
                  label={t('clientForm.dateOfBirth')}
                  description={age !== null && age >= 0 ? t('clientForm.age', { count: age }) : t('clientForm.dateOfBirthHint')}
                  value={field.value ?? null}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={errors.dateOfBirth?.message}
                  confirmed={dateOfBirthConfirmed}
                  onConfirmedChange={setDateOfBirthConfirmed}
                  needsConfirmation={dateOfBirthChanged}
                />
              )}
            />
            <TextInput label={t('clientForm.pronouns')} description={t('clientForm.pronounsHint')} autoComplete="off" error={errors.pronouns?.message} {...form.register('pronouns')} />
            <Controller
              control={form.control}
              name="sex"
              render={({ field }) => (
                <Select
                  label={t('clientForm.sex')}
                  description={t('clientForm.sexHint')}
                  data={sexes.map((sex) => ({ value: sex, label: t(`clientForm.sexes.${sex || 'unrecorded'}`) }))}
                  value={field.value ?? ''}
                  onChange={(value) => field.onChange(value ?? '')}
                  allowDeselect={false}
                  error={errors.sex?.message}
                />
              )}
            />
          </SimpleGrid>
        </FormSection>

        <DuplicateWarning duplicates={duplicates.list} refused={refusedAsDuplicate !== null} creating={isSubmitting} onCreateAnyway={() => refusedAsDuplicate && void save(refusedAsDuplicate, true)} />

        <FormSection title={t('clientForm.sections.contact')} description={t('clientForm.sections.contactHint')}>
          <SimpleGrid cols={2} spacing="lg">
            <TextInput label={t('clientForm.phone')} type="tel" autoComplete="off" error={errors.phone?.message} {...form.register('phone')} />
            <TextInput label={t('clientForm.email')} type="email" autoComplete="off" error={errors.email?.message} {...form.register('email')} />
          </SimpleGrid>
          <Textarea
            label={t('clientForm.address')}
            description={<LengthHint length={(address ?? '').length} max={clientAddressMax} />}
            autosize
            minRows={2}
            maxRows={5}
            error={errors.address?.message}
            {...form.register('address')}
          />
          <SimpleGrid cols={2} spacing="lg">
            <TextInput
              label={t('clientForm.emergencyContact')}
              description={t('clientForm.emergencyContactHint')}
              autoComplete="off"
              error={errors.emergencyContact?.message}
              {...form.register('emergencyContact')}
            />
            {clinical ? <TextInput label={t('clientForm.gp')} description={t('clientForm.gpHint')} autoComplete="off" error={errors.gp?.message} {...form.register('gp')} /> : null}
          </SimpleGrid>
          <Controller
            control={form.control}
            name="referralSource"
            render={({ field }) => (
              <Autocomplete
                label={t('clientForm.referralSource')}
                data={referralSources.map((source) => t(`clientForm.referralSources.${source}`))}
                value={field.value ?? ''}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.referralSource?.message}
                maw={420}
              />
            )}
          />
          <Controller
            control={form.control}
            name="marketingConsent"
            render={({ field }) => (
              <Checkbox
                label={t('clientForm.marketingConsent')}
                description={t('clientForm.marketingConsentHint')}
                checked={field.value ?? false}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
              />
            )}
          />
        </FormSection>

        {clinical ? (
          <>
            <FormSection title={t('clientForm.sections.skin')} description={t('clientForm.sections.skinHint')}>
              <Controller
                control={form.control}
                name="fitzpatrick"
                render={({ field }) => (
                  <Radio.Group
                    label={t('clientForm.fitzpatrick')}
                    description={t('clientForm.fitzpatrickHint')}
                    value={field.value ? String(field.value) : ''}
                    onChange={(value) => field.onChange(value ? Number(value) : null)}
                    error={errors.fitzpatrick?.message}
                  >
                    <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm" mt="sm">
                      {fitzpatrickNumerals.map((numeral, index) => (
                        <Radio.Card key={numeral} value={String(index + 1)} p="sm" radius="md">
                          <Group wrap="nowrap" align="flex-start" gap="sm">
                            <Radio.Indicator />
                            <div>
                              <Text fw={600}>{t('clientForm.fitzpatrickType', { numeral })}</Text>
                              <Text size="xs" c="dimmed">
                                {t(`clientForm.fitzpatrickTypes.${numeral}`)}
                              </Text>
                            </div>
                          </Group>
                        </Radio.Card>
                      ))}
                    </SimpleGrid>
                    {field.value ? (
                      <Anchor component="button" type="button" size="sm" mt="xs" onClick={() => field.onChange(null)}>
                        {t('clientForm.fitzpatrickClear')}
                      </Anchor>
                    ) : null}
                  </Radio.Group>
                )}
              />
              <Controller
                control={form.control}
                name="concerns"
                render={({ field }) => (
                  <Checkbox.Group label={t('clientForm.concerns')} description={t('clientForm.concernsHint')} value={field.value ?? []} onChange={field.onChange} error={errors.concerns?.message}>
                    <SimpleGrid cols={2} spacing="sm" mt="sm">
                      {skinConcerns.map((concern) => (
                        <Checkbox key={concern} value={concern} label={t(`concerns.${concern}`)} />
                      ))}
                    </SimpleGrid>
                  </Checkbox.Group>
                )}
              />
            </FormSection>

            <FormSection title={t('clientForm.sections.notes')} description={t('clientForm.sections.notesHint')}>
              <Textarea
                label={t('clientForm.notes')}
                description={<LengthHint length={(notes ?? '').length} max={clientNotesMax} />}
                autosize
                minRows={3}
                maxRows={10}
                error={errors.notes?.message}
                {...form.register('notes')}
              />
            </FormSection>
          </>
        ) : null}

        <ErrorAlert error={failure} />
        <SaveBar>
          <Button variant="default" onClick={back} disabled={isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting} disabled={client !== null && !isDirty}>
            {client ? t('common.saveChanges') : t('clientForm.create')}
          </Button>
        </SaveBar>
      </Stack>
    </form>
  );
}

function useFieldMessages(): FieldMessages {
  const { t } = useTranslation();
  const [messages] = useState<FieldMessages>(() => ({
    email: t('clientForm.errors.email'),
    dateOfBirth: t('clientForm.errors.dateOfBirth'),
  }));
  return messages;
}
