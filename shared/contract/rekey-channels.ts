import { z } from 'zod';
import { adminsOnly, type Access } from './access';

interface Spec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}
const channel = <I extends z.ZodType, O extends z.ZodType>(spec: Spec<I, O>) => spec;

const Empty = z.object({}).strict();

export const RekeyProgress = z.object({
  phase: z.enum(['photos', 'database', 'finishing']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type RekeyProgress = z.infer<typeof RekeyProgress>;

/** A password SkinLedger made for a colleague who stays: shown once, handed over, replaced at their next sign-in. */
export const OneTimePassword = z.object({ staffId: z.string(), name: z.string(), password: z.string() });
export type OneTimePassword = z.infer<typeof OneTimePassword>;

export const RekeyResult = z.object({
  /** The new recovery key, shown once (the old one opens only old backups from now on). */
  recoveryKey: z.string(),
  oneTimePasswords: z.array(OneTimePassword),
  photosResealed: z.number().int().min(0),
});
export type RekeyResult = z.infer<typeof RekeyResult>;

/**
 * Changing the data key, for admins: when someone leaves or a PC is lost. The admin's password
 * is typed again: it makes the admin's new slot and proves it is them at the keyboard.
 */
export const rekeyChannels = {
  'rekey.run': channel({ input: z.object({ password: z.string().min(1, 'Enter your password.').max(256) }).strict(), output: RekeyResult, access: adminsOnly }),
  'rekey.progress': channel({ input: Empty, output: RekeyProgress.nullable(), access: adminsOnly }),
  /** The new Recovery Kit as a PDF where the admin chooses, as at set-up. */
  'rekey.saveRecoveryKit': channel({ input: Empty, output: z.object({ saved: z.boolean() }), access: adminsOnly }),
  /** The admin has recorded the new key: it is forgotten. */
  'rekey.acknowledge': channel({ input: Empty, output: z.object({ done: z.literal(true) }), access: adminsOnly }),
} as const;
