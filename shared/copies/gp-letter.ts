import { z } from 'zod';

export const gpLetterTextMax = 2000;

/**
 * The clinic's own words around the treatment summary. `{client}`, `{dateOfBirth}`,
 * `{sessionDate}`, `{clinic}` and `{practitioner}` are filled in for each letter; any other text in
 * braces is printed as typed.
 */
export const GpLetterTemplate = z
  .object({
    opening: z.string().trim().min(1, 'Write the opening paragraph.').max(gpLetterTextMax),
    closing: z.string().trim().max(gpLetterTextMax),
  })
  .strict();
export type GpLetterTemplate = z.infer<typeof GpLetterTemplate>;

export const defaultGpLetterTemplate: GpLetterTemplate = {
  opening: 'Our client {client} (born {dateOfBirth}) had a microneedling treatment at {clinic} on {sessionDate} and asked us to let you know. A summary of the treatment is below.',
  closing: 'Please contact us if you would like further details. The client has been given written aftercare advice.',
};

export const gpLetterPlaceholders = ['client', 'dateOfBirth', 'sessionDate', 'clinic', 'practitioner'] as const;
export type GpLetterValues = Record<(typeof gpLetterPlaceholders)[number], string>;

/** The template's text with each known placeholder replaced; unknown ones are left exactly as typed. */
export function fillGpLetterText(text: string, values: GpLetterValues): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => ((gpLetterPlaceholders as readonly string[]).includes(name) ? values[name as keyof GpLetterValues] : whole));
}
