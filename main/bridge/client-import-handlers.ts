import type { clientImportChannels, clinicExportChannels } from '../../shared/contract/client-import-channels';
import { signedIn, type HandlersFor } from './handler';

/** Import clients and export everything (admins); the dispatcher already checked role and input. */
export const clientImportHandlers: HandlersFor<keyof typeof clientImportChannels | keyof typeof clinicExportChannels> = {
  'clients.import.choose': signedIn((_input, who) => who.desktop.clientImport.choose(who)),
  'clients.import.useMapping': signedIn((input, who) => who.desktop.clientImport.useMapping(who, input.fileId, input.name)),
  'clients.import.plan': signedIn((input, who) => who.desktop.clientImport.plan(who, input)),
  'clients.import.run': signedIn((input, who) => who.desktop.clientImport.run(who, input)),
  'clients.import.progress': (input, { desktop }) => desktop.clientImport.progress(input.jobId),
  'clients.import.cancel': (input, { desktop }) => {
    desktop.clientImport.cancel(input.jobId);
    return { done: true } as const;
  },
  'clients.import.saveReport': (input, { desktop }) => desktop.clientImport.saveReport(input.fileId),
  'clinic.export': signedIn((input, who) => who.desktop.clinicExport.run(who, input.jobId)),
  'clinic.export.progress': (input, { desktop }) => desktop.clinicExport.progress(input.jobId),
  'clinic.export.cancel': (input, { desktop }) => {
    desktop.clinicExport.cancel(input.jobId);
    return { done: true } as const;
  },
};
