import type { CliIo } from './cli-io';
import { CliFailure, UsageError } from './command';

export const passwordVariable = 'SKINLEDGER_PASSWORD';

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
