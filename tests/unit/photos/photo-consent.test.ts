import { describe, expect, it } from 'vitest';
import { PhotoUse, type PhotographyChoices } from '../../../shared/consents/photography';
import { exportConsent, hidesFace, photoIntake, PhotoConsentOverride } from '../../../shared/photos/photo-consent';

const clinical: PhotographyChoices = { clinicalRecord: true, teaching: false, marketingFaceVisible: false, marketingFaceHidden: false };
const teachingOnly: PhotographyChoices = { clinicalRecord: false, teaching: true, marketingFaceVisible: false, marketingFaceHidden: false };
const override = { reason: 'Older photos from the paper file' };

describe('photo consent gate', () => {
  it('lets photos in under a consent that covers the clinical record, with no override recorded', () => {
    expect(photoIntake(clinical, null, false)).toEqual({ allowed: true, overridden: false });
    expect(photoIntake(clinical, override, true)).toEqual({ allowed: true, overridden: false });
  });

  it('refuses with no consent at all, and says so', () => {
    expect(photoIntake(null, null, true)).toEqual({ allowed: false, reason: 'no-photography-consent' });
  });

  it('refuses when the consent in force leaves out the clinical record', () => {
    expect(photoIntake(teachingOnly, null, true)).toEqual({ allowed: false, reason: 'clinical-record-not-agreed' });
  });

  it('takes an override from an admin only', () => {
    expect(photoIntake(null, override, true)).toEqual({ allowed: true, overridden: true });
    expect(photoIntake(null, override, false)).toEqual({ allowed: false, reason: 'override-admins-only' });
    expect(photoIntake(teachingOnly, override, false)).toEqual({ allowed: false, reason: 'override-admins-only' });
  });

  it('needs a real reason for an override', () => {
    expect(PhotoConsentOverride.safeParse({ reason: '  ok ' }).success).toBe(false);
    expect(PhotoConsentOverride.parse({ reason: '  Older photos  ' })).toEqual({ reason: 'Older photos' });
  });
});

describe('exports and the consent in force', () => {
  it('hides the face for teaching (anonymised) the same way as for marketing with the face hidden', () => {
    expect(PhotoUse.options.filter(hidesFace)).toEqual(['teaching', 'marketing-face-hidden']);
  });

  it('names no consent at all as its own reason, apart from a use the consent does not allow', () => {
    for (const use of PhotoUse.options) expect(exportConsent(null, use)).toEqual({ allowed: false, reason: 'no-photography-consent' });
    expect(exportConsent(clinical, 'clinical')).toEqual({ allowed: true });
    expect(exportConsent(clinical, 'teaching')).toEqual({ allowed: false, reason: 'consent-does-not-permit' });
    expect(exportConsent(teachingOnly, 'teaching')).toEqual({ allowed: true });
  });
});
