import { resolve } from 'node:path';
import { describeBackupFile } from '../../backup/read-archive';
import { verifyBackupFile } from '../../backup/verify-backup';
import { formatCounts } from '../../store/record-counts';
import { requiredFlag, type CliCommand } from '../command';
import { progressBars } from './backup-progress';
import { fromFlag } from './restore';
import { askRecoveryKey } from './restore-key';

/** Reads a backup through with the recovery key and checks everything a restore would, writing nothing. */
export const verifyBackupCommand: CliCommand = {
  words: ['verify-backup'],
  summary: 'Check a backup file in full with the recovery key (its seal, every file, the database) and print its counts. Changes nothing.',
  flags: [fromFlag],
  async run(context) {
    const from = resolve(requiredFlag(context, 'from'));
    await describeBackupFile(from);
    const recoveryKey = await askRecoveryKey(context.io);
    const verified = await verifyBackupFile(from, { kind: 'recovery', recoveryKey }, progressBars(context.io));
    context.io.out(
      `backup: ok (made ${verified.createdAt} by SkinLedger ${verified.appVersion}; ${verified.members} files, ${verified.sizeBytes.toLocaleString('en')} bytes; seal and every hash checked, database integrity ok)`,
    );
    context.io.out(formatCounts(verified.counts));
  },
};
