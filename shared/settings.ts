import { z } from 'zod';

export const paperSizes = ['A4', 'LETTER'] as const;
export const dateFormats = ['DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD'] as const;

/** Logos are kept small: they sit on every PDF and travel in every backup. */
export const maxLogoBytes = 512 * 1024;
/**
 * A small file can still claim a huge picture (a 16,000 x 16,000 PNG compresses to a few hundred
 * KB); more pixels than this is refused before decoding.
 */
export const maxLogoPixels = 25_000_000;
/** The letterhead prints the logo about 2 cm wide; 600 px is sharp at 600 dpi. Larger is scaled down. */
export const logoLongEdge = 600;

export const ClinicSettings = z.object({
  clinicName: z.string().trim().min(1, 'Enter the clinic name.').max(120),
  clinicAddress: z.string().trim().max(400),
  clinicPhone: z.string().trim().max(40),
  /** PNG or JPEG bytes, or null for none. */
  logo: z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.length <= maxLogoBytes, `The logo can be at most ${maxLogoBytes / 1024} KB.`)
    .nullable(),
  idleLockMinutes: z.number().int().min(1, 'At least 1 minute.').max(120, 'At most 120 minutes.'),
  paperSize: z.enum(paperSizes),
  dateFormat: z.enum(dateFormats),
});
export type ClinicSettings = z.infer<typeof ClinicSettings>;

export const defaultSettings: Omit<ClinicSettings, 'clinicName' | 'clinicAddress'> = {
  clinicPhone: '',
  logo: null,
  idleLockMinutes: 5,
  paperSize: 'A4',
  dateFormat: 'DD/MM/YYYY',
};
