import { z } from 'zod';

/** What a member of staff may do is decided by role, on the main side, channel by channel. */
export const roles = ['admin', 'practitioner', 'reception'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const StaffName = z.string().trim().min(1, 'Enter a name.').max(80, 'A name can be at most 80 characters.');

/**
 * Passwords: long beats complex. 10 characters minimum is NIST 800-63B's floor for
 * user-chosen secrets that guard health data; no composition rules, a generous maximum.
 */
export const Password = z.string().min(10, 'Use at least 10 characters.').max(256, 'A password can be at most 256 characters.');

export const StaffMember = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  active: z.boolean(),
  createdAt: z.string(),
  passwordChangedAt: z.string().nullable(),
});
export type StaffMember = z.infer<typeof StaffMember>;

/** Who is at the keyboard, as the screens need to know it. */
export const SignedInStaff = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  /** Signed in with a one-time password an admin handed over: they choose their own before anything else. */
  mustChangePassword: z.boolean().optional(),
});
export type SignedInStaff = z.infer<typeof SignedInStaff>;
