import { resolve } from 'node:path';
import { describeBackupFile } from '../../backup/read-archive';
import { backupMessages } from '../../backup/backup-messages';
import { restoreIntoEmptyFolder } from '../../backup/restore-backup';
import { systemClock } from '../../clock';
import { dataFolder, inspectDataFolder } from '../../store/data-folder';
import { StoreError } from '../../store/store-error';
import { formatCounts } from '../../store/record-counts';
import { requiredFlag, type CliCommand } from '../command';
import { progressBars } from './backup-progress';
import { dataFlag } from './flags';
import { askRecoveryKey } from './restore-key';

export const fromFlag = { name: 'from', placeholder: 'FILE', summary: 'The backup file (.slbackup).', required: true } as const;

/**
 * Restores a backup into a new, empty folder with the recovery key: the way back after a lost or
 * broken PC. Everything is checked before the folder is created; the restored store is proven
 * (opens, integrity check, counts) before it gets the folder's name.
 */
export const restoreCommand: CliCommand = {
  words: ['restore'],
  summary: 'Restore a backup into a new, empty folder with the recovery key. Refuses a folder that holds anything.',
  flags: [fromFlag, { ...dataFlag, summary: 'A new (or empty) folder for the restored store.' }],
  async run(context) {
    const target = resolve(requiredFlag(context, 'data'));
    // Refused before anyone types a key; restoreIntoEmptyFolder checks again and is the real guard.
    if (inspectDataFolder(dataFolder(target)) !== 'empty') throw new StoreError('STORE_ALREADY_EXISTS', backupMessages.targetNotEmpty);
    const from = resolve(requiredFlag(context, 'from'));
    const header = await describeBackupFile(from);
    context.io.err(`Backup made ${header.createdAt} by SkinLedger ${header.appVersion}.`);
    const recoveryKey = await askRecoveryKey(context.io);
    const restored = await restoreIntoEmptyFolder(target, {
      archivePath: from,
      unlock: { kind: 'recovery', recoveryKey },
      clock: systemClock,
      via: 'cli',
      onProgress: progressBars(context.io),
    });
    context.io.out(`Restored the backup of ${restored.backupCreatedAt} into ${target}.`);
    context.io.out(formatCounts(restored.counts));
    context.io.err('Sign in with a name and password that were valid when the backup was made.');
  },
};
