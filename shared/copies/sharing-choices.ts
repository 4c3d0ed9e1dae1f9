import { z } from 'zod';

/**
 * What a client agreed to share beyond the clinic (a letter to their GP, copies of their records
 * by e-mail), asked and recorded like a consent answer:
 * no row means nobody asked, which is never taken as a "yes" or a "no".
 */
export const sharingKinds = ['gp-letter', 'email-copies'] as const;
export type SharingKind = (typeof sharingKinds)[number];

export const SharingChoice = z.object({
  agreed: z.boolean(),
  recordedAt: z.string(),
  recordedByName: z.string(),
});
export type SharingChoice = z.infer<typeof SharingChoice>;

export const SharingChoices = z.object({ gpLetter: SharingChoice.nullable(), emailCopies: SharingChoice.nullable() });
export type SharingChoices = z.infer<typeof SharingChoices>;

/** Why a GP letter cannot be made for this client, in words for the screen; null when it can. */
export function gpLetterRefusal(choice: SharingChoice | null, gpDetails: string): string | null {
  if (!choice) return 'Ask the client whether they agree to their GP being informed, and record the answer first.';
  if (!choice.agreed) return 'The client did not agree to their GP being informed, so no GP letter can be made.';
  if (!gpDetails.trim()) return "Add the client's GP (name and practice address) to their record first.";
  return null;
}
