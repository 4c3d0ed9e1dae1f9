import { z } from 'zod';

export const smtpSecurities = ['tls', 'starttls', 'none'] as const;

/** The clinic's own mail account. The password is sent once to be stored and never comes back. */
export const SmtpSettingsInput = z
  .object({
    host: z.string().trim().min(1, 'Enter the mail server name.').max(200),
    port: z.number().int().min(1, 'Enter a port between 1 and 65535.').max(65535, 'Enter a port between 1 and 65535.'),
    security: z.enum(smtpSecurities),
    user: z.string().trim().max(200),
    /** Empty keeps the password already stored. */
    password: z.string().max(400),
    fromAddress: z.string().trim().email('Enter the address messages come from.').max(200),
  })
  .strict();
export type SmtpSettingsInput = z.infer<typeof SmtpSettingsInput>;

export const SmtpSettingsView = SmtpSettingsInput.omit({ password: true }).extend({ passwordSaved: z.boolean() });
export type SmtpSettingsView = z.infer<typeof SmtpSettingsView>;

export const OutboxMessage = z.object({
  id: z.string(),
  /** What was sent, in words ("Session record of 04/03/2026"); never the content. */
  what: z.string(),
  to: z.string(),
  queuedAt: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

/** Why a copy cannot be e-mailed to this client, for the screen; null when it can. */
export function emailCopyRefusal(client: { email: string }, consent: { agreed: boolean } | null): string | null {
  if (!consent) return 'Ask the client whether they agree to receive copies of their records by e-mail, and record the answer first.';
  if (!consent.agreed) return 'The client did not agree to receive their records by e-mail.';
  if (!client.email.trim()) return "The client's record has no e-mail address.";
  return null;
}

const minute = 60_000;

/**
 * When a message that could not be sent is tried again: a minute after the first failure, then
 * doubling, never more than an hour apart, so a PC that was offline sends soon after it is back
 * without hammering a mail server that refuses.
 */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(minute * 2 ** Math.max(0, failedAttempts - 1), 60 * minute);
}
