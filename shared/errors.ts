import { z } from 'zod';

/**
 * Every failure that crosses the bridge is one of these codes with a message fit for the
 * screen. Never a stack, a key, a password or a file path.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'NOT_SIGNED_IN',
  'LOCKED',
  'FORBIDDEN',
  'WRONG_PASSWORD',
  'TOO_MANY_ATTEMPTS',
  'WRONG_RECOVERY_KEY',
  'STORE_NOT_SET_UP',
  'STORE_ALREADY_EXISTS',
  'KEY_FILE_MISSING',
  'KEY_FILE_DAMAGED',
  /** The key file's MAC or a slot's sealed identity does not match: edited without the key. */
  'KEY_FILE_ALTERED',
  'DATABASE_MISSING',
  'DATABASE_UNREADABLE',
  'DATABASE_DAMAGED',
  'STORE_FROM_NEWER_VERSION',
  'STORE_IN_USE',
  'NOT_FOUND',
  'CONFLICT',
  'POSSIBLE_DUPLICATE',
  'NEEDS_OVERRIDE',
  'NEEDS_CONFIRMATION',
  'LAST_ADMIN',
  'SAVE_FAILED',
  'DATA_FOLDER_READ_ONLY',
  'BACKUP_DAMAGED',
  'UNTRUSTED_SENDER',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const BridgeError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Field-level messages for forms, keyed by dotted path. */
  fields: z.record(z.string(), z.string()).optional(),
  /** For TOO_MANY_ATTEMPTS and WRONG_PASSWORD: seconds before the next try is accepted. */
  retryAfterSeconds: z.number().optional(),
});
export type BridgeError = z.infer<typeof BridgeError>;

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };
