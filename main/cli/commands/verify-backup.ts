import { resolve } from 'node:path';
import { openArchive } from '../../backup/archive-reader';
import { verifyBackupFile } from '../../backup/verify-backup';
import { formatCounts } from '../../store/record-counts';
import { requiredFlag, type CliCommand } from '../command';
import { progressBars } from './backup-progress';
import { fromFlag } from './restore';
import { askRecoveryKey } from './restore-key';

/** Reads a backup through with the recovery key and checks everything a restore would, writing nothing. */
export const verifyBackupCommand: CliCommand = {
  words: ['verify-backup'],
  summary: 'Check a backup file in full with the recovery key (every part, every file, the database) and print its counts. Changes nothing.',
  flags: [fromFlag],
  async run(context) {
    const from = resolve(requiredFlag(context, 'from'));
    const archive = await openArchive(from);
    await archive.close();
    const recoveryKey = await askRecoveryKey(context.io);
    const verified = await verifyBackupFile(from, { kind: 'recovery', recoveryKey }, progressBars(context.io));
    context.io.out(
      `backup: ok (made ${verified.createdAt} by SkinLedger ${verified.appVersion}; ${verified.members} files, ${verified.sizeBytes.toLocaleString('en')} bytes; every part and hash checked, database integrity ok)`,
    );
    context.io.out(formatCounts(verified.counts));
  },
};
