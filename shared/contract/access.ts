import type { Role } from '../staff';

/**
 * Who may call a channel, checked on the main side before any service runs:
 * - 'public': no one needs to be signed in (status, first-run set-up, sign-in);
 * - 'locked': the signed-in member of staff while the screen is locked (unlock);
 * - a list of roles: a signed-in, unlocked member of staff with one of them.
 */
export type Access = 'public' | 'locked' | readonly Role[];

export const everyone: readonly Role[] = ['admin', 'practitioner', 'reception'];
export const clinicians: readonly Role[] = ['admin', 'practitioner'];
export const adminsOnly: readonly Role[] = ['admin'];
