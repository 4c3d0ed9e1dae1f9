import { adminsOnly } from '../../../shared/contract/access';
import { exportClinic } from '../../clinic-export/export-clinic';
import { exportClientPhotos } from '../../photos/export-client-photos';
import { requiredFlag, type CliCommand } from '../command';
import { signIn } from '../sign-in';
import { dataFlag, userFlag } from './flags';

/** Leaving, or a copy for the clinic's own keeping: the same export as Settings → Export everything. */
export const exportAllCommand: CliCommand = {
  words: ['export-all'],
  summary:
    'Export everything into a new folder inside --to: every client’s record as export-client writes it, clients.csv (columns import-clients and other systems read), consent forms as template files, staff (names and roles), the audit trail and a README.txt. Not encrypted. Ctrl+C stops and leaves nothing. Admins only.',
  flags: [dataFlag, userFlag, { name: 'to', placeholder: 'DIR', summary: 'An existing folder; the export is made as a new folder inside it.', required: true }],
  async run(context) {
    const session = await signIn(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: adminsOnly,
      command: 'export-all',
    });
    const controller = new AbortController();
    const onInterrupt = () => {
      controller.abort();
      context.io.err('Stopping; the partial export is removed…');
    };
    process.once('SIGINT', onInterrupt);
    try {
      const result = await exportClinic({
        services: session.services,
        by: session.staff.id,
        parent: requiredFlag(context, 'to'),
        photos: exportClientPhotos,
        signal: controller.signal,
        progress: (label, done, total) => context.io.progress(`Exporting ${label}`, done, total),
      });
      context.io.out(`Exported ${result.clients} clients (${result.files} files) to ${result.folder}. It is not encrypted: keep it safe. Read README.txt first.`);
    } finally {
      process.removeListener('SIGINT', onInterrupt);
      session.close();
    }
  },
};
