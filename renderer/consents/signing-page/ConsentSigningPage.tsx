import { Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBan, IconCircleCheck, IconDeviceDesktopShare } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentSummary } from '../../../shared/contract/consent-channels';
import type { ClientProfile } from '../../../shared/contract/client-channels';
import type { ClientPart } from '../../../shared/consents/filled-form';
import type { Ink } from '../../../shared/consents/ink';
import { versionLabel, type ConsentTemplate } from '../../../shared/consents/template';
import type { BridgeError } from '../../../shared/errors';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { clientName } from '../../clients/client-text';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { useNavigation } from '../../shell/navigation';
import { PageLoading } from '../../shell/PageLoading';
import { ClientModeForm } from '../client-mode/ClientModeForm';
import { lockForClient } from '../client-mode/staff-hand-back';
import { ConsentFileActions } from '../parts/ConsentFileActions';
import { PractitionerReview } from '../review/PractitionerReview';
import { StaffFrame } from './StaffFrame';

type Phase = { kind: 'prepare' } | { kind: 'client' } | { kind: 'interrupted' } | { kind: 'review'; part: ClientPart } | { kind: 'done'; consent: ConsentSummary };

export interface ConsentSigningProps {
  clientId: string;
  templateId: string;
  /** The session this consent is signed for (its aftercare sheet prints with it); null: none. */
  sessionId: string | null;
  /** Signed at the start of a session not saved yet: aftercare prints with it, and staff return to the session form. */
  forNewSession?: boolean;
}

/**
 * A consent from start to PDF: staff hand the screen over, the client fills in and signs in
 * client mode (the session locked meanwhile), staff take it back with a password, the
 * practitioner reviews and countersigns, and main stores the form and makes the PDF.
 */
export default function ConsentSigningPage({ clientId, templateId, sessionId, forNewSession = false }: ConsentSigningProps) {
  const [loaded, setLoaded] = useState<{ profile: ClientProfile; template: ConsentTemplate } | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  useEffect(() => {
    Promise.all([call('clients.profile', { id: clientId }), call('consentTemplates.get', { templateId, version: null })])
      .then(([profile, template]) => setLoaded({ profile, template }))
      .catch((error: unknown) => setFailure(asBridgeError(error)));
  }, [clientId, templateId]);
  if (!loaded) return failure ? <ErrorAlert error={failure} /> : <PageLoading />;
  return <SigningFlow profile={loaded.profile} template={loaded.template} sessionId={sessionId} forNewSession={forNewSession} />;
}

function SigningFlow({ profile, template, sessionId, forNewSession }: { profile: ClientProfile; template: ConsentTemplate; sessionId: string | null; forNewSession: boolean }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const name = clientName(profile.client);
  const minor = profile.age !== null && profile.age < 18;
  const [guardianSigns, setGuardianSigns] = useState(minor);
  const [witnessSigns, setWitnessSigns] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'prepare' });
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);
  const toProfile = () => go({ page: 'client', clientId: profile.client.id, profileTab: 'consents' });
  // Once signed at the start of a session, the practitioner carries on with that session.
  const forSession = sessionId !== null || forNewSession;
  const afterSigning = forNewSession ? () => go({ page: 'sessionForm', clientId: profile.client.id }) : toProfile;
  const title = t('consents.signing.frameTitle', { title: template.content.title, name });

  const handOver = async () => {
    setFailure(null);
    setBusy(true);
    try {
      await lockForClient();
      setPhase({ kind: 'client' });
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(false);
    }
  };

  const countersign = async (part: ClientPart, ink: Ink) => {
    setFailure(null);
    setBusy(true);
    try {
      const consent = await call('consents.sign', {
        clientId: profile.client.id,
        sessionId,
        form: { ...part, signatures: { ...part.signatures, practitioner: { ink, drawnAt: new Date().toISOString() } } },
      });
      setPhase({ kind: 'done', consent });
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(false);
    }
  };

  // Client mode stays mounted while staff decide what to do after an early hand-back, so
  // returning the screen to the client does not lose what they had filled in.
  const clientForm =
    phase.kind === 'client' || phase.kind === 'interrupted' ? (
      <div hidden={phase.kind === 'interrupted'}>
        <ClientModeForm
          template={template}
          clientName={name}
          guardianSigns={guardianSigns}
          witnessSigns={witnessSigns}
          minor={minor}
          onFinished={(part) => setPhase({ kind: 'review', part })}
          onInterrupted={() => setPhase({ kind: 'interrupted' })}
        />
      </div>
    ) : null;

  // One tree shape in every phase, so React keeps the client's form when staff step in.
  return (
    <>
      {clientForm}
      {phase.kind === 'client' ? null : (
        <StaffFrame
          title={title}
          backLabel={phase.kind !== 'done' ? t('consents.signing.cancel') : forNewSession ? t('consents.signing.backToSession') : t('consents.signing.backToProfile')}
          onBack={phase.kind === 'done' ? afterSigning : toProfile}
        >
          {phase.kind === 'prepare' ? (
            <Stack gap="lg" maw={720}>
              <Title order={1}>{t('consents.signing.prepareTitle')}</Title>
              <Paper withBorder p="lg" bg="white">
                <Stack gap="xs">
                  <Text fw={600} size="lg">
                    {template.content.title}
                  </Text>
                  <Text c="dimmed">{t('consents.signing.forClient', { name, version: versionLabel(template.version) })}</Text>
                </Stack>
              </Paper>
              <Text>{t('consents.signing.prepareHow')}</Text>
              <Checkbox
                label={t('consents.signing.guardianSigns')}
                description={minor ? t('consents.signing.guardianRequired') : t('consents.signing.guardianHint')}
                checked={guardianSigns}
                disabled={minor}
                onChange={(event) => setGuardianSigns(event.currentTarget.checked)}
              />
              <Checkbox
                label={t('consents.signing.witnessSigns')}
                description={t('consents.signing.witnessHint')}
                checked={witnessSigns}
                onChange={(event) => setWitnessSigns(event.currentTarget.checked)}
              />
              <ErrorAlert error={failure} />
              <Group>
                <Button size="lg" leftSection={<IconDeviceDesktopShare size={22} aria-hidden />} onClick={() => void handOver()} loading={busy}>
                  {t('consents.signing.handOver')}
                </Button>
              </Group>
            </Stack>
          ) : null}
          {phase.kind === 'interrupted' ? (
            <Stack gap="lg" maw={720}>
              <Title order={1}>{t('consents.signing.interruptedTitle')}</Title>
              <Text>{t('consents.signing.interrupted')}</Text>
              <ErrorAlert error={failure} />
              <Group>
                <Button size="md" onClick={() => void handOver()} loading={busy}>
                  {t('consents.signing.returnToClient')}
                </Button>
                <Button size="md" variant="default" color="red" onClick={toProfile}>
                  {t('consents.signing.discard')}
                </Button>
              </Group>
            </Stack>
          ) : null}
          {phase.kind === 'review' ? (
            <Stack gap="md">
              <PractitionerReview template={template} profile={profile} part={phase.part} busy={busy} onCountersign={(ink) => void countersign(phase.part, ink)} />
              <ErrorAlert error={failure} />
            </Stack>
          ) : null}
          {phase.kind === 'done' ? <SignedResult consent={phase.consent} name={name} withAftercare={forSession} /> : null}
        </StaffFrame>
      )}
    </>
  );
}

function SignedResult({ consent, name, withAftercare }: { consent: ConsentSummary; name: string; withAftercare: boolean }) {
  const { t } = useTranslation();
  const declined = consent.state === 'declined';
  const version = versionLabel(consent.version);
  // Who actually signed: the guardian when one signed for the client.
  const signedBy = declined
    ? t('consents.signing.declinedFor', { name, version })
    : consent.guardian
      ? t('consents.signing.doneForGuardian', { guardian: consent.guardian.name, relationship: consent.guardian.relationship, name, version })
      : t('consents.signing.doneFor', { name, version });
  return (
    <Stack gap="lg" maw={760}>
      <Group gap="sm" wrap="nowrap">
        {declined ? <IconBan size={36} color="var(--mantine-color-red-8)" aria-hidden /> : <IconCircleCheck size={36} color="var(--mantine-color-sage-7)" aria-hidden />}
        <Title order={1}>{declined ? t('consents.signing.declinedTitle') : t('consents.signing.doneTitle')}</Title>
      </Group>
      <Paper withBorder p="lg" bg="white">
        <Stack gap={6}>
          <Text fw={600} size="lg">
            {consent.title}
          </Text>
          <Text>{signedBy}</Text>
          <Text size="sm" c="dimmed">
            {t('consents.signing.doneIntegrity', { hash: consent.formHashShort })}
          </Text>
        </Stack>
      </Paper>
      {declined ? null : <Text>{withAftercare ? t('consents.signing.doneNextSession') : t('consents.signing.doneNext')}</Text>}
      <ConsentFileActions consentId={consent.id} withAftercare={withAftercare && !declined} size="lg" />
    </Stack>
  );
}
