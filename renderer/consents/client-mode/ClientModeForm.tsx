import { Paper, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm, useFormContext, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formDeclined } from '../../../shared/consents/agreement';
import { clientPartSchema, type ClientPart } from '../../../shared/consents/filled-form';
import { inkProblem, type Ink } from '../../../shared/consents/ink';
import { versionLabel, type ConsentTemplate } from '../../../shared/consents/template';
import { useTranslatedResolver } from '../../forms/translated-resolver';
import { blankClientPart, formMessagesFor, type ClientPartValues } from './consent-form';
import { ClientModeFrame } from './ClientModeFrame';
import { GuardianStep } from './GuardianStep';
import { HandBackDialog } from './HandBackDialog';
import { SectionStep } from './SectionStep';
import { SignatureStep } from './SignatureStep';
import { WitnessStep } from './WitnessStep';
import { clientSteps, stepFields, type ClientStep } from './steps';

export interface ClientModeFormProps {
  template: ConsentTemplate;
  clientName: string;
  /** A guardian signs (client under 18 on the day). */
  guardianSigns: boolean;
  /** A witness gives their name and signs after the client. */
  witnessSigns: boolean;
  minor: boolean;
  /** The client finished and staff typed their password: the client's part, complete and checked. */
  onFinished: (part: ClientPart) => void;
  /** Staff typed their password before the client finished. */
  onInterrupted: () => void;
}

/**
 * What the client fills in, one step at a time: Next checks only that step's answers, initials
 * and signature (with the message beside what is missing), so the client is never sent back
 * through pages they already did. The form lives in this component only: nothing is sent until
 * the practitioner countersigns.
 */
export function ClientModeForm({ template, clientName, guardianSigns, witnessSigns, minor, onFinished, onInterrupted }: ClientModeFormProps) {
  const { t } = useTranslation();
  const content = template.content;
  const schema = useMemo(() => clientPartSchema(content, template.version, { guardianRequired: guardianSigns }), [content, template.version, guardianSigns]);
  const messages = useMemo(() => formMessagesFor(t, content), [t, content]);
  const resolver = useTranslatedResolver(schema as never, messages);
  const form = useForm<ClientPartValues>({
    resolver: resolver as never,
    defaultValues: blankClientPart(content, template.version, witnessSigns, guardianSigns ? (minor ? 'minor' : 'cannot-consent') : null),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const steps = useMemo(() => clientSteps(content, { guardianSigns, witnessSigns }), [content, guardianSigns, witnessSigns]);
  // Once Next has pointed at a problem, fixing it clears the message at once (react-hook-form
  // re-checks on change only after a submit, and Next checks a step without submitting).
  useEffect(() => {
    const watching = form.watch((_values, { name }) => {
      if (name && form.getFieldState(name as FieldPath<ClientPartValues>).invalid) void form.trigger(name as FieldPath<ClientPartValues>);
    });
    return () => watching.unsubscribe();
  }, [form]);
  const [index, setIndex] = useState(0);
  const [handingBack, setHandingBack] = useState(false);
  const step = steps[index] ?? steps[0]!;
  const finished = step.kind === 'handBack';

  const next = async () => {
    if (finished) {
      setHandingBack(true);
      return;
    }
    const fields = stepFields(step, guardianSigns) as FieldPath<ClientPartValues>[];
    const marksMissing = checkMarks(fields);
    const valid = fields.length === 0 || (await form.trigger(fields, { shouldFocus: true }));
    if (marksMissing) checkMarks(fields);
    if (!valid || marksMissing) return;
    setIndex((current) => Math.min(current + 1, steps.length - 1));
  };

  /**
   * Drawn marks are checked here too, with the same rule main applies (inkProblem), so an empty
   * pad and a dot each get their own message beside the pad whatever the schema reports first.
   */
  const checkMarks = (fields: FieldPath<ClientPartValues>[]): boolean => {
    let missing = false;
    for (const field of fields) {
      const signature = /^signatures\.(client|guardian|witness\.ink)$/.test(field);
      if (!signature && !field.startsWith('initials.')) continue;
      const value = form.getValues(field) as { ink: Ink | null } | Ink | null;
      const ink = value && 'ink' in value ? value.ink : value;
      const problem = ink ? inkProblem(ink.strokes, signature ? 'signature' : 'initials') : 'empty';
      if (problem === null) continue;
      missing = true;
      const message = !signature ? t('consents.form.initials') : problem === 'empty' ? t(emptySignatureMessage[field] ?? 'consents.form.clientSignature') : t('consents.form.signatureTooSmall');
      form.setError(field, { type: 'custom', message });
    }
    return missing;
  };

  const unlocked = () => {
    setHandingBack(false);
    if (!finished) {
      onInterrupted();
      return;
    }
    void form.handleSubmit(
      (values) => onFinished(values as unknown as ClientPart),
      () => onInterrupted(),
    )();
  };

  return (
    <FormProvider {...form}>
      <ClientModeFrame
        formTitle={content.title}
        step={index}
        steps={steps.length}
        stepTitle={stepTitle(t, step, clientName)}
        // Once signed there is no going back through the answers: the thank-you screen only hands back.
        onBack={index > 0 && !finished ? () => setIndex(index - 1) : null}
        onNext={() => void next()}
        nextLabel={finished ? t('consents.clientMode.handBackNow') : step.kind === 'signature' || step.kind === 'witness' ? t('consents.clientMode.signDone') : t('consents.clientMode.next')}
        onHandBack={() => setHandingBack(true)}
      >
        <form onSubmit={(event) => event.preventDefault()} noValidate aria-label={content.title}>
          <StepBody step={step} template={template} clientName={clientName} guardianSigns={guardianSigns} minor={minor} />
        </form>
      </ClientModeFrame>
      <HandBackDialog opened={handingBack} title={t('consents.handBack.title')} onClose={() => setHandingBack(false)} onUnlocked={unlocked} />
    </FormProvider>
  );
}

/** What an empty pad says, per signer. */
const emptySignatureMessage: Partial<Record<string, 'consents.form.guardianSignature' | 'consents.form.witnessSignature'>> = {
  'signatures.guardian': 'consents.form.guardianSignature',
  'signatures.witness.ink': 'consents.form.witnessSignature',
};

function stepTitle(t: TFunction, step: ClientStep, clientName: string): string {
  switch (step.kind) {
    case 'welcome':
      return t('consents.clientMode.welcomeTitle', { name: clientName });
    case 'guardian':
      return t('consents.guardian.title');
    case 'section':
      return step.section.title;
    case 'signature':
      return t('consents.clientMode.signatureTitle');
    case 'witness':
      return t('consents.witness.title');
    case 'handBack':
      return t('consents.clientMode.thanksTitle');
  }
}

/** The last screen: done, hand back; and, when a must-agree statement was refused, what happens next. */
function ThanksStep({ template }: { template: ConsentTemplate }) {
  const { t } = useTranslation();
  const { control } = useFormContext<ClientPartValues>();
  const [answers, photography] = useWatch({ control, name: ['answers', 'photography'] });
  const declined = formDeclined(template.content, answers, photography);
  return (
    <Stack gap="md">
      <Text size="lg">{t('consents.clientMode.thanks')}</Text>
      {declined ? <Text size="lg">{t('consents.clientMode.thanksDeclined')}</Text> : null}
      <Text size="lg">{t('consents.clientMode.thanksNext')}</Text>
    </Stack>
  );
}

function StepBody({ step, template, clientName, guardianSigns, minor }: { step: ClientStep; template: ConsentTemplate; clientName: string; guardianSigns: boolean; minor: boolean }) {
  const { t } = useTranslation();
  switch (step.kind) {
    case 'welcome':
      return (
        <Stack gap="md">
          <Paper withBorder p="lg" bg="white">
            <Stack gap="sm">
              <Text size="lg" fw={600}>
                {template.content.title}
              </Text>
              {template.content.summary ? <Text size="lg">{template.content.summary}</Text> : null}
              <Text size="md" c="dimmed">
                {t('consents.clientMode.version', { version: versionLabel(template.version) })}
              </Text>
            </Stack>
          </Paper>
          <Text size="lg">{t('consents.clientMode.welcomeHow')}</Text>
          <Text size="lg">{t('consents.clientMode.welcomePrivacy')}</Text>
        </Stack>
      );
    case 'guardian':
      return <GuardianStep minor={minor} />;
    case 'section':
      return <SectionStep key={step.section.id} section={step.section} />;
    case 'signature':
      return <SignatureStep template={template.content} signerName={clientName} guardianSigns={guardianSigns} />;
    case 'witness':
      return <WitnessStep template={template.content} clientName={clientName} />;
    case 'handBack':
      return <ThanksStep template={template} />;
  }
}
