import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { adminsOnly } from '../../../shared/contract';
import { formatCounts } from '../../store/record-counts';
import { CliFailure, requiredFlag, type CliCommand } from '../command';
import { signIn } from '../sign-in';
import { progressBars } from './backup-progress';
import { dataFlag, userFlag } from './flags';

/** One encrypted backup file of the whole store, checked by reading it back before it gets its name. */
export const backupCommand: CliCommand = {
  words: ['backup'],
  summary: 'Write an encrypted backup of the store to a new file (checked by reading it back). Admins only.',
  flags: [
    dataFlag,
    userFlag,
    {
      name: 'to',
      placeholder: 'FILE',
      summary: 'The new backup file (an existing file is never overwritten), or a folder to write a new dated backup in.',
      required: true,
    },
  ],
  async run(context) {
    assertBackupFolderExists(requiredFlag(context, 'to'));
    const session = await signIn(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: adminsOnly,
      command: 'backup',
    });
    try {
      const created = await session.services.backup.backupToFile(session.staff.id, requiredFlag(context, 'to'), progressBars(context.io));
      context.io.out(`Backed up to ${created.path} (${created.sizeBytes.toLocaleString('en')} bytes).`);
      context.io.out(formatCounts(created.counts));
      context.io.err('Keep backups away from this PC (a USB drive kept elsewhere, a network share). To restore one you need the recovery key or a password valid today.');
    } finally {
      session.close();
    }
  },
};

/**
 * --to names a folder, or a new file in one: that folder must exist. Said before the password is
 * asked for (and before the sign-in is recorded), not as a failed write that reads like a full drive.
 */
function assertBackupFolderExists(target: string): void {
  const resolved = resolve(target);
  if (existsSync(resolved) && statSync(resolved).isDirectory()) return;
  const folder = dirname(resolved);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new CliFailure(`The folder for the backup does not exist: ${folder}. Create it (or plug in its drive), then run the command again. Nothing was written.`);
  }
}
