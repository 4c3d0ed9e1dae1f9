import { z } from 'zod';

/**
 * What a client agreed their photos may be used for. Each choice is independent (a client may
 * allow teaching but not marketing). Written by the consent feature when a photography consent
 * is signed or withdrawn; read by the photo feature to stamp each photo and to allow or refuse an
 * export for a use.
 */
export const PhotographyChoices = z.object({
  /** Photos kept in the clinical record (the minimum: without it no photo is taken). */
  clinicalRecord: z.boolean(),
  /** Anonymised use in training and teaching. */
  teaching: z.boolean(),
  /** Marketing with the face visible (website, social media). */
  marketingFaceVisible: z.boolean(),
  /** Marketing with the face hidden (blurred or cropped). */
  marketingFaceHidden: z.boolean(),
});
export type PhotographyChoices = z.infer<typeof PhotographyChoices>;

/** The uses an export can be made for, in the order the export dialog offers them. */
export const PhotoUse = z.enum(['clinical', 'teaching', 'marketing-face-visible', 'marketing-face-hidden']);
export type PhotoUse = z.infer<typeof PhotoUse>;

/** With no photography consent on file, photos are for the clinical record only, and only if it was agreed. */
export const noPhotographyConsent: PhotographyChoices = {
  clinicalRecord: false,
  teaching: false,
  marketingFaceVisible: false,
  marketingFaceHidden: false,
};

/** Whether the choices in force allow a given use of a photo. */
export function permitsUse(choices: PhotographyChoices, use: PhotoUse): boolean {
  switch (use) {
    case 'clinical':
      return choices.clinicalRecord;
    case 'teaching':
      return choices.teaching;
    case 'marketing-face-visible':
      return choices.marketingFaceVisible;
    case 'marketing-face-hidden':
      return choices.marketingFaceHidden || choices.marketingFaceVisible;
  }
}

/**
 * How the consent feature tells the photo feature what is in force for a client right now (the
 * latest signed photography consent, minus any later withdrawal). Null: nothing signed yet.
 */
export type PhotographyChoicesLookup = (clientId: string) => PhotographyChoices | null;
