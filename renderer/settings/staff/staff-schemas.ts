import { z } from 'zod';
import { StaffInput, StaffUpdateInput } from '../../../shared/contract/channels';
import { Password } from '../../../shared/staff';
import { passwordsMatch } from '../../forms/rules';

/** The contract's inputs, plus a second password field where a new password is typed. */
export const addStaffSchema = StaffInput.extend({ confirmPassword: z.string() }).refine(...passwordsMatch('password'));
export const editStaffSchema = StaffUpdateInput.omit({ id: true });
export const resetPasswordSchema = z.object({ newPassword: Password, confirmPassword: z.string() }).refine(...passwordsMatch('newPassword'));

export type AddStaffValues = z.input<typeof addStaffSchema>;
export type EditStaffValues = z.input<typeof editStaffSchema>;
export type ResetPasswordValues = z.input<typeof resetPasswordSchema>;
