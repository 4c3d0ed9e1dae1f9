import { z } from 'zod';
import { permitsUse, type PhotographyChoices, type PhotoUse } from '../consents/photography';

/**
 * Whether photos may come into a client's record: only under a photography consent in force that
 * covers the clinical record. An admin may override with a reason (say, a clinic's older photos
 * imported from before SkinLedger); the override is stored on each photo it let in.
 */
export const PhotoConsentOverride = z.object({ reason: z.string().trim().min(5, 'Give the reason for adding photos without a photography consent.').max(500) }).strict();
export type PhotoConsentOverride = z.infer<typeof PhotoConsentOverride>;

export type PhotoIntakeRefusal = 'no-photography-consent' | 'clinical-record-not-agreed' | 'override-admins-only';

export type PhotoIntake = { allowed: true; overridden: boolean } | { allowed: false; reason: PhotoIntakeRefusal };

/** Without a consent that covers the clinical record, only an admin's override lets photos in. */
export function photoIntake(choices: PhotographyChoices | null, override: PhotoConsentOverride | null, isAdmin: boolean): PhotoIntake {
  // A consent in force is the basis whenever there is one: an override is then not needed, so not recorded.
  if (choices?.clinicalRecord) return { allowed: true, overridden: false };
  if (override) return isAdmin ? { allowed: true, overridden: true } : { allowed: false, reason: 'override-admins-only' };
  return { allowed: false, reason: choices ? 'clinical-record-not-agreed' : 'no-photography-consent' };
}

export const photoIntakeMessages: Record<PhotoIntakeRefusal, string> = {
  'no-photography-consent': 'This client has no photography consent in force, so no photo can be added to their record. Sign a photography consent with the client first.',
  'clinical-record-not-agreed': 'This client\u2019s photography consent does not cover photos in the clinical record, so no photo can be added. Sign a new photography consent with the client first.',
  'override-admins-only': 'Only an admin can add photos without a photography consent.',
};

/**
 * Uses whose photos must not show the face: teaching is anonymised (the consent text promises
 * it), and marketing with the face hidden says so in its name. Both hide it the same way.
 */
export function hidesFace(use: PhotoUse): boolean {
  return use === 'teaching' || use === 'marketing-face-hidden';
}

export type ExportConsent = { allowed: true } | { allowed: false; reason: 'no-photography-consent' | 'consent-does-not-permit' };

/** Whether the consent in force allows an export for this use; no consent at all is its own reason. */
export function exportConsent(choices: PhotographyChoices | null, use: PhotoUse): ExportConsent {
  if (!choices) return { allowed: false, reason: 'no-photography-consent' };
  return permitsUse(choices, use) ? { allowed: true } : { allowed: false, reason: 'consent-does-not-permit' };
}
