import { z } from 'zod';
import { defaultMaxFileSizeMb, maxFileSizeMbCeiling } from './limits';

export const PhotoSettings = z
  .object({
    /** Files over this are refused at import with a clear message. */
    maxFileSizeMb: z.number().int().min(1, 'At least 1 MB.').max(maxFileSizeMbCeiling, `At most ${maxFileSizeMbCeiling} MB.`),
  })
  .strict();
export type PhotoSettings = z.infer<typeof PhotoSettings>;

export const photoSettingsDefaults: PhotoSettings = { maxFileSizeMb: defaultMaxFileSizeMb };
