import type { CliIo } from './cli-io';
import { Password } from '../../shared/staff';
import { CliFailure, UsageError } from './command';

export const passwordVariable = 'SKINLEDGER_PASSWORD';
/** The password for a member of staff being added (`staff add`): never the admin's own variable. */
export const newPasswordVariable = 'SKINLEDGER_NEW_PASSWORD';

/**
 * Where a password may come from: the SKINLEDGER_PASSWORD variable (for scripts) or a hidden
 * prompt on a terminal. Never a command-line argument: those are visible to every user of the
 * PC in the process list and are kept in shell history.
 */
export async function askPassword(io: CliIo, question: string): Promise<string> {
  const fromEnv = io.env[passwordVariable];
  if (fromEnv !== undefined && fromEnv !== '') {
    io.forgetEnv(passwordVariable);
    return fromEnv;
  }
  const typed = await io.promptHidden(question);
  if (typed === null) {
    throw new UsageError(`No password given: set ${passwordVariable}, or run the command in a terminal to type it when asked.`);
  }
  return typed;
}

/** A new password: from the variable as it is, or typed twice on a terminal to catch a slip. */
export async function askNewPassword(io: CliIo, question: string): Promise<string> {
  const fromEnv = io.env[passwordVariable];
  const first = await askPassword(io, question);
  if (fromEnv !== undefined && fromEnv !== '') return first;
  const again = await io.promptHidden('Type the same password again: ');
  if (again !== first) throw new CliFailure('The two passwords were not the same. Nothing was created; run the command again.');
  return first;
}

/**
 * The password of a member of staff being added: SKINLEDGER_NEW_PASSWORD, or typed twice on a
 * terminal. The app's rules apply (shared/staff Password).
 */
export async function askNewStaffPassword(io: CliIo, name: string): Promise<string> {
  let typed: string;
  const fromEnv = io.env[newPasswordVariable];
  if (fromEnv !== undefined && fromEnv !== '') {
    io.forgetEnv(newPasswordVariable);
    typed = fromEnv;
  } else {
    const first = await io.promptHidden(`New password for ${name}: `);
    if (first === null) {
      throw new UsageError(`No password given for ${name}: set ${newPasswordVariable}, or run the command in a terminal to type it when asked.`);
    }
    const again = await io.promptHidden('Type the same password again: ');
    if (again !== first) throw new CliFailure('The two passwords were not the same. Nothing was added; run the command again.');
    typed = first;
  }
  const checked = Password.safeParse(typed);
  if (!checked.success) throw new CliFailure(`New password: ${checked.error.issues[0]?.message ?? 'not accepted.'} Nothing was added.`);
  return checked.data;
}
