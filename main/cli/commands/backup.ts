import { adminsOnly } from '../../../shared/contract';
import { formatCounts } from '../checks/record-counts';
import { requiredFlag, type CliCommand } from '../command';
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
    const session = await signIn(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: adminsOnly,
      command: 'backup',
    });
    try {
      const created = await session.services.backup.backupToFile(session.staff.id, requiredFlag(context, 'to'), progressBars(context.io));
      context.io.out(`Backed up to ${created.path} (${created.sizeBytes.toLocaleString('en')} bytes, checked).`);
      context.io.out(formatCounts(created.counts));
      context.io.err('Keep backups away from this PC (a USB drive kept elsewhere, a network share). To restore one you need the recovery key or a password valid today.');
    } finally {
      session.close();
    }
  },
};
