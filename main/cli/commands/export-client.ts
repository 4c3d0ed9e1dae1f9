import { clinicians } from '../../../shared/contract/access';
import { exportClientRecord } from '../../client-export/export-client';
import { exportClientPhotos } from '../../photos/export-client-photos';
import { requiredFlag, type CliCommand } from '../command';
import { signIn } from '../sign-in';
import { dataFlag, userFlag } from './flags';

/**
 * Right of access from the command line: the same export as the client screen's "Export record"
 * (one implementation, main/client-export), into an empty folder.
 */
export const exportClientCommand: CliCommand = {
  words: ['export-client'],
  summary:
    'Export one client’s whole record (profile, every medical-history version, courses, sessions, amendments, exceptions, consents and who viewed or changed the record, as JSON and as CSV in words; consent PDFs; photos as stored with a listing; an index PDF telling the treatment history) into an empty folder, for a right-of-access request. Clinicians only.',
  flags: [
    dataFlag,
    userFlag,
    { name: 'client', placeholder: 'ID', summary: 'The client’s id (see "clients list").', required: true },
    { name: 'to', placeholder: 'DIR', summary: 'An empty or new folder to write the export into. It is not encrypted: keep it safe.', required: true },
  ],
  async run(context) {
    const clientId = requiredFlag(context, 'client');
    const folder = requiredFlag(context, 'to');
    const session = await signIn(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: clinicians,
      command: 'export-client',
    });
    try {
      const result = await exportClientRecord({
        services: session.services,
        by: session.staff.id,
        clientId,
        folder,
        photos: exportClientPhotos,
        progress: (label, done, total) => context.io.progress(`Exporting (${label})`, done, total),
      });
      context.io.out(`Exported ${result.files} files (${result.consents} consent PDFs) to ${folder}. Open index.pdf first.`);
    } finally {
      session.close();
    }
  },
};
