import { Alert, Button, Stack, Text, Textarea } from '@mantine/core';
import { IconFileAlert, IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PhotographyChoices } from '../../../shared/consents/photography';
import { photoIntake, PhotoConsentOverride } from '../../../shared/photos/photo-consent';
import { useSession } from '../../app/session-context';
import { templateIdFor } from '../../consents/needed/start-consent';
import { useNavigation } from '../../shell/navigation';

/**
 * What the import and camera dialogs send: nothing when a consent covers the clinical record,
 * the admin's override when one was given, or 'blocked' when photos cannot come in. The same
 * rule the main side enforces.
 */
export function photoGate(choices: PhotographyChoices | null, reason: string, isAdmin: boolean): { override?: PhotoConsentOverride } | 'blocked' {
  const override = PhotoConsentOverride.safeParse({ reason });
  const intake = photoIntake(choices, override.success ? override.data : null, isAdmin);
  if (!intake.allowed) return 'blocked';
  return intake.overridden && override.success ? { override: override.data } : {};
}

/**
 * Shown in place of the way to add photos when no photography consent in force covers the
 * clinical record: why, "Sign photography consent now", and for admins the override's reason.
 */
export function PhotoConsentGate({ clientId, choices, reason, onReasonChange }: { clientId: string; choices: PhotographyChoices | null; reason: string; onReasonChange: (reason: string) => void }) {
  const { t } = useTranslation();
  const { staff } = useSession();
  const { go } = useNavigation();
  if (choices?.clinicalRecord) return null;
  const why = choices ? 'clinical-record-not-agreed' : 'no-photography-consent';
  const sign = async () => go({ page: 'consentSigning', clientId, templateId: await templateIdFor('photography') });
  const short = reason.trim().length > 0 && !PhotoConsentOverride.safeParse({ reason }).success;
  return (
    <Alert color="orange" variant="light" icon={<IconFileAlert aria-hidden />} title={t('photos.consentGate.title')} role="region">
      <Stack gap="sm">
        <Text size="sm">{t(`photos.consentGate.${why}`)}</Text>
        <div>
          <Button size="sm" leftSection={<IconSignature size={16} aria-hidden />} onClick={() => void sign()}>
            {t('photos.consentGate.sign')}
          </Button>
        </div>
        {staff.role === 'admin' ? (
          <Textarea
            label={t('photos.consentGate.overrideLabel')}
            description={t('photos.consentGate.overrideHint')}
            value={reason}
            onChange={(event) => onReasonChange(event.currentTarget.value)}
            error={short ? t('photos.consentGate.overrideShort') : null}
            autosize
            minRows={1}
            maxLength={500}
          />
        ) : null}
      </Stack>
    </Alert>
  );
}
