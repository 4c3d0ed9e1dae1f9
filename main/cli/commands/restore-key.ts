import type { CliIo } from '../cli-io';
import { UsageError } from '../command';

const recoveryKeyVariable = 'SKINLEDGER_RECOVERY_KEY';

/**
 * The recovery key for restore and verify-backup: from SKINLEDGER_RECOVERY_KEY (scripts) or a
 * hidden prompt on a terminal, never an argument (the process list and shell history keep those).
 */
export async function askRecoveryKey(io: CliIo): Promise<string> {
  const fromEnv = io.env[recoveryKeyVariable];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    io.forgetEnv(recoveryKeyVariable);
    return fromEnv;
  }
  const typed = await io.promptHidden('Recovery key (from the Recovery Kit): ');
  if (typed === null) {
    throw new UsageError(`No recovery key given: set ${recoveryKeyVariable}, or run the command in a terminal to type it when asked.`);
  }
  return typed;
}
