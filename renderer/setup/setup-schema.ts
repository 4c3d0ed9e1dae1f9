import { z } from 'zod';
import { SetupInput } from '../../shared/contract/channels';
import { passwordsMatch } from '../forms/rules';

/** The set-up form: the contract's own input plus the password typed a second time. */
export const setupFormSchema = SetupInput.extend({ confirmPassword: z.string() }).refine(...passwordsMatch('password'));

export type SetupFormValues = z.input<typeof setupFormSchema>;
